"""The demo clusters of Hajdú-Bihar county."""

from cluster_pages.models import County, QualityLabel
from cms.demo.bilingual import T
from cms.demo.data.clusters.base import ClusterSeed, description
from cms.demo.logos import LogoSpec

CLUSTERS = [
    ClusterSeed(
        fields={
            "title": T("Hajdúsági Gyógyszeripari Klaszter", "Hajdúság Pharmaceutical Cluster"),
            "slug": T("hajdusagi-gyogyszeripari-klaszter", "hajdusag-pharmaceutical-cluster"),
            "summary": T(
                "Gyógyszergyártók, beszállítók és kutatóhelyek együttműködése Debrecenben, a "
                "hatóanyag-fejlesztéstől a klinikai vizsgálatokig.",
                "Drug manufacturers, suppliers and research institutes working together in "
                "Debrecen, from active-ingredient development to clinical trials.",
            ),
            "description": description(
                T(
                    "A klaszter 2007-ben alakult a debreceni gyógyszeripari hagyományokra "
                    "építve. Tagjai közös kutatási projektekben, minőségbiztosítási "
                    "tudásmegosztásban és szakemberképzésben működnek együtt a Debreceni "
                    "Egyetemmel.",
                    "The cluster was founded in 2007, building on Debrecen's pharmaceutical "
                    "tradition. Its members cooperate with the University of Debrecen on joint "
                    "research projects, quality-assurance know-how and the training of "
                    "specialists.",
                ),
                [
                    T(
                        "GMP-megfelelőségi műhelyek és közös auditfelkészítés",
                        "GMP compliance workshops and joint audit preparation",
                    ),
                    T(
                        "Partnerkeresés klinikai vizsgálatokhoz",
                        "Partner search for clinical trials",
                    ),
                    T("Pályázati tanácsadás K+F projektekhez", "Funding advice for R&D projects"),
                ],
                T(
                    "A kis beszállítók a klaszterben ugyanazt a minőségügyi tudást érik el, "
                    "mint a nagy gyártók.",
                    "In the cluster, small suppliers have access to the same quality know-how "
                    "as the large manufacturers.",
                ),
                T("Dr. Kovács Anna, klasztermenedzser", "Dr Anna Kovács, cluster manager"),
            ),
            "management_organisation": T(
                "Hajdúsági Gyógyszeripari Klaszter Nonprofit Kft.",
                "Hajdúság Pharmaceutical Cluster Nonprofit Ltd.",
            ),
            "county": County.HAJDU_BIHAR,
            "city": "Debrecen",
            "founding_year": 2007,
            "members_companies": 38,
            "members_research": 5,
            "members_public_other": 3,
            "contact_name": "Dr. Kovács Anna",
            "contact_email": "anna.kovacs@example.org",
            "contact_phone": "+36 52 555 0101",
            "website": "https://pharma.example.org",
            "quality_label": QualityLabel.ESCA_SILVER,
        },
        sectors=["health"],
        logo=LogoSpec("HG", "#1d4e89"),
        label_valid_days=420,
        social=[("linkedin", "https://www.linkedin.com/company/example-pharma")],
    ),
    ClusterSeed(
        fields={
            "title": T("Debreceni Infokommunikációs Klaszter", "Debrecen ICT Cluster"),
            "slug": T("debreceni-infokommunikacios-klaszter", "debrecen-ict-cluster"),
            "summary": T(
                "Szoftverfejlesztő cégek, rendszerintegrátorok és az egyetem informatikai kara "
                "közösen fejlesztik a régió digitális szolgáltatásait és munkaerő-utánpótlását.",
                "Software companies, system integrators and the university's faculty of "
                "informatics jointly develop the region's digital services and talent pipeline.",
            ),
            "description": description(
                T(
                    "A klaszter tagjai több mint kétezer informatikust foglalkoztatnak. Közös "
                    "gyakornoki programot, felhőalapú tesztkörnyezetet és exportmarketinget "
                    "működtetünk.",
                    "Our members employ more than two thousand IT professionals. We run a "
                    "joint internship programme, a cloud-based test environment and export "
                    "marketing.",
                ),
                [
                    T(
                        "Gyakornoki program az egyetemmel",
                        "Internship programme with the university",
                    ),
                    T("Kiberbiztonsági felmérés kkv-knak", "Cybersecurity assessment for SMEs"),
                    T(
                        "Közös megjelenés nemzetközi szakvásárokon",
                        "Joint stands at international trade fairs",
                    ),
                ],
                T(
                    "A tehetségek itt maradnak, ha a helyi cégek együtt mutatják meg, mit "
                    "kínál a régió.",
                    "Talent stays here when local companies show together what the region has "
                    "to offer.",
                ),
                T("Szabó Péter, klasztermenedzser", "Péter Szabó, cluster manager"),
            ),
            "management_organisation": T(
                "Debreceni Infokommunikációs Klaszter Egyesület",
                "Debrecen ICT Cluster Association",
            ),
            "county": County.HAJDU_BIHAR,
            "city": "Debrecen",
            "founding_year": 2012,
            "members_companies": 54,
            "members_research": 3,
            "members_public_other": 2,
            "contact_name": "Szabó Péter",
            "contact_email": "peter.szabo@example.org",
            "contact_phone": "+36 52 555 0202",
            "website": "https://ikt.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["digital"],
        logo=LogoSpec("DI", "#5b2a86"),
        label_valid_days=300,
        social=[("facebook", "https://www.facebook.com/example.ikt")],
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Hajdúszoboszló–Hortobágy Turisztikai Klaszter",
                "Hajdúszoboszló–Hortobágy Tourism Cluster",
            ),
            "slug": T(
                "hajduszoboszlo-hortobagy-turisztikai-klaszter",
                "hajduszoboszlo-hortobagy-tourism-cluster",
            ),
            "summary": T(
                "Szállodák, fürdők, vendéglátók és a Hortobágyi Nemzeti Park partnerei közös "
                "kínálattal vonzzák a vendégeket egész évben.",
                "Hotels, spas, restaurants and partners of Hortobágy National Park attract "
                "visitors all year round with a joint offer.",
            ),
            "description": description(
                T(
                    "A gyógyfürdő és a puszta együtt többet ad, mint külön. A klaszter "
                    "összehangolja a tagok ajánlatait, rendezvénynaptárát és marketingjét.",
                    "The spa and the puszta offer more together than apart. The cluster "
                    "coordinates its members' offers, event calendars and marketing.",
                ),
                [
                    T(
                        "Közös csomagajánlatok és foglalási rendszer",
                        "Joint package offers and booking system",
                    ),
                    T("Szolgáltatásminőségi képzések", "Service-quality trainings"),
                    T("Külföldi utazásszervezők fogadása", "Hosting foreign tour operators"),
                ],
                T(
                    "A vendég egy térséget választ, nem egy szállodát.",
                    "Guests choose a destination, not a hotel.",
                ),
                T("Farkas Judit, klasztermenedzser", "Judit Farkas, cluster manager"),
            ),
            "management_organisation": T(
                "Hajdúszoboszló–Hortobágy Turisztikai Egyesület",
                "Hajdúszoboszló–Hortobágy Tourism Association",
            ),
            "county": County.HAJDU_BIHAR,
            "city": "Hajdúszoboszló",
            "founding_year": 2006,
            "members_companies": 72,
            "members_research": 1,
            "members_public_other": 8,
            "contact_name": "Farkas Judit",
            "contact_email": "judit.farkas@example.org",
            "contact_phone": "+36 52 555 0909",
            "website": "https://turizmus.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["tourism"],
        logo=LogoSpec("HT", "#0277bd"),
        label_valid_days=150,
        social=[
            ("facebook", "https://www.facebook.com/example.turizmus"),
            ("instagram", "https://www.instagram.com/example.turizmus"),
        ],
    ),
    ClusterSeed(
        fields={
            "title": T("Debreceni Légiipari Klaszter", "Debrecen Aerospace Cluster"),
            "slug": T("debreceni-legiipari-klaszter", "debrecen-aerospace-cluster"),
            "summary": T(
                "Repülőgép-karbantartók, pilótaképző iskolák, drónfejlesztők és "
                "alkatrészgyártók együttműködése a debreceni repülőtér körül.",
                "Aircraft maintenance firms, flight schools, drone developers and parts "
                "manufacturers cooperating around Debrecen airport.",
            ),
            "description": description(
                T(
                    "A klaszter 2017-ben alakult, amikor a repülőtér környékén egyre több "
                    "légiipari vállalkozás telepedett meg. Közösen képezünk műszaki "
                    "szakembereket, és segítjük tagjainkat a szigorú légügyi tanúsítások "
                    "megszerzésében.",
                    "The cluster was founded in 2017, as more and more aviation businesses "
                    "settled around the airport. We train technical staff together and help "
                    "our members obtain the strict aviation certifications.",
                ),
                [
                    T(
                        "Felkészítés légügyi hatósági tanúsításokra",
                        "Preparation for aviation authority certifications",
                    ),
                    T(
                        "Közös drón-tesztterület üzemeltetése",
                        "Operating a shared drone test area",
                    ),
                    T(
                        "Repülőgép-szerelő képzés a szakképzési centrummal",
                        "Aircraft mechanic training with the vocational training centre",
                    ),
                ],
                T(
                    "A légiiparban a bizalom a legfontosabb alkatrész, és azt közösen építjük.",
                    "In aviation, trust is the most important component, and we build it together.",
                ),
                T("Gulyás Dániel, klasztermenedzser", "Dániel Gulyás, cluster manager"),
            ),
            "management_organisation": T(
                "Debreceni Légiipari Klaszter Egyesület", "Debrecen Aerospace Cluster Association"
            ),
            "county": County.HAJDU_BIHAR,
            "city": "Debrecen",
            "founding_year": 2017,
            "members_companies": 19,
            "members_research": 2,
            "members_public_other": 3,
            "contact_name": "Gulyás Dániel",
            "contact_email": "daniel.gulyas@example.org",
            "contact_phone": "+36 52 555 1111",
            "website": "https://legiipar.example.org",
            "quality_label": QualityLabel.NONE,
        },
        sectors=["aerospace-defence"],
        logo=LogoSpec("DL", "#263238"),
        social=[("linkedin", "https://www.linkedin.com/company/example-legiipar")],
    ),
    ClusterSeed(
        fields={
            "title": T("Bihari Agrárinnovációs Klaszter", "Bihar Agri-Innovation Cluster"),
            "slug": T("bihari-agrarinnovacios-klaszter", "bihar-agri-innovation-cluster"),
            "summary": T(
                "Gazdálkodók, gépforgalmazók, vetőmag-előállítók és agrárinformatikai cégek "
                "közösen vezetik be a precíziós gazdálkodást a bihari síkságon.",
                "Farmers, machinery dealers, seed producers and agri-tech companies jointly "
                "introduce precision farming on the Bihar plain.",
            ),
            "description": description(
                T(
                    "Tagjaink bemutatógazdaságokban próbálják ki a műholdas tápanyag-"
                    "utánpótlást, a változó dózisú vetést és a talajszenzorokat, mielőtt nagy "
                    "területen alkalmaznák. A tapasztalatokat nyílt napokon adjuk tovább a "
                    "térség gazdáinak.",
                    "Our members try out satellite-guided fertilising, variable-rate seeding and "
                    "soil sensors on demonstration farms before using them on large areas. We "
                    "pass on what we learn to the region's farmers at open days.",
                ),
                [
                    T("Bemutatógazdaságok és nyílt napok", "Demonstration farms and open days"),
                    T(
                        "Közös gépbeszerzés és gépkörök szervezése",
                        "Joint machinery purchases and machinery rings",
                    ),
                    T(
                        "Agrárinformatikai tanácsadás kisgazdaságoknak",
                        "Agri-tech advice for small farms",
                    ),
                ],
                T(
                    "A precíziós gazdálkodás nem a nagybirtokok kiváltsága: közösen a kisebb "
                    "gazdák is megengedhetik maguknak.",
                    "Precision farming is not a privilege of large estates: together, smaller "
                    "farmers can afford it too.",
                ),
                T("Halász Erika, klasztermenedzser", "Erika Halász, cluster manager"),
            ),
            "management_organisation": T(
                "Bihari Agrárinnovációs Nonprofit Kft.", "Bihar Agri-Innovation Nonprofit Ltd."
            ),
            "county": County.HAJDU_BIHAR,
            "city": "Berettyóújfalu",
            "founding_year": 2014,
            "members_companies": 44,
            "members_research": 3,
            "members_public_other": 4,
            "contact_name": "Halász Erika",
            "contact_email": "erika.halasz@example.org",
            "contact_phone": "+36 54 555 1212",
            "website": "https://agrarinnovacio.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["agri-food", "digital"],
        logo=LogoSpec("BA", "#558b2f"),
        label_valid_days=270,
        social=[("facebook", "https://www.facebook.com/example.agrarinnovacio")],
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Hajdúsági Faipari és Bútorgyártó Klaszter", "Hajdúság Wood and Furniture Cluster"
            ),
            "slug": T(
                "hajdusagi-faipari-es-butorgyarto-klaszter", "hajdusag-wood-and-furniture-cluster"
            ),
            "summary": T(
                "Asztalosüzemek, bútorgyártók és fűrészüzemek hálózata, amely a helyi "
                "faanyagból készült egyedi bútorok piacát építi.",
                "A network of joineries, furniture makers and sawmills building the market "
                "for bespoke furniture made of local timber.",
            ),
            "description": description(
                T(
                    "A hajdúsági asztalosmesterség évszázados hagyományra épül. A klaszter "
                    "közös bemutatótermet működtet Hajdúböszörményben, és segíti tagjait a "
                    "tanúsított faanyag beszerzésében és a nagyobb megrendelések közös "
                    "teljesítésében.",
                    "Joinery in the Hajdúság rests on a centuries-old tradition. The cluster "
                    "runs a shared showroom in Hajdúböszörmény and helps its members source "
                    "certified timber and fulfil larger orders together.",
                ),
                [
                    T("Közös bemutatóterem és webáruház", "Shared showroom and online shop"),
                    T(
                        "Tanúsított faanyag közös beszerzése",
                        "Joint purchasing of certified timber",
                    ),
                    T(
                        "Szakmunkásképzés asztalosoknak és kárpitosoknak",
                        "Vocational training for joiners and upholsterers",
                    ),
                ],
                T(
                    "Egy szálloda berendezését egyik műhely sem vállalhatja el egyedül, együtt "
                    "viszont határidőre szállítunk.",
                    "No single workshop could furnish a hotel on its own; together we deliver "
                    "on time.",
                ),
                T("Bíró István, klasztermenedzser", "István Bíró, cluster manager"),
            ),
            "management_organisation": T(
                "Hajdúsági Faipari Klaszter Egyesület",
                "Hajdúság Wood Industry Cluster Association",
            ),
            "county": County.HAJDU_BIHAR,
            "city": "Hajdúböszörmény",
            "founding_year": 2005,
            "members_companies": 31,
            "members_research": 1,
            "members_public_other": 2,
            "contact_name": "Bíró István",
            "contact_email": "istvan.biro@example.org",
            "contact_phone": "+36 52 555 1313",
            "website": "https://faipar.example.org",
            "quality_label": QualityLabel.ESCA_BRONZE,
        },
        sectors=["construction"],
        logo=LogoSpec("HF", "#6d4c41"),
        label_valid_days=210,
        social=[
            ("facebook", "https://www.facebook.com/example.faipar"),
            ("instagram", "https://www.instagram.com/example.faipar"),
        ],
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Hajdú-bihari Szociális Gazdasági Klaszter", "Hajdú-Bihar Social Economy Cluster"
            ),
            "slug": T(
                "hajdu-bihari-szocialis-gazdasagi-klaszter", "hajdu-bihar-social-economy-cluster"
            ),
            "summary": T(
                "Szociális szövetkezetek, társadalmi vállalkozások és önkormányzatok "
                "együttműködése a vidéki foglalkoztatásért és a helyi termékekért.",
                "Social cooperatives, social enterprises and municipalities working together "
                "for rural employment and local products.",
            ),
            "description": description(
                T(
                    "Tagjaink hátrányos helyzetű térségekben teremtenek munkát, a "
                    "zöldségtermesztéstől a kézműves termékekig. A klaszter közös értékesítési "
                    "csatornákat, üzleti mentorálást és közbeszerzési tanácsadást nyújt.",
                    "Our members create jobs in disadvantaged areas, from vegetable growing to "
                    "handicrafts. The cluster provides shared sales channels, business "
                    "mentoring and public-procurement advice.",
                ),
                [
                    T(
                        "Közös értékesítés közétkeztetőknek és üzleteknek",
                        "Joint sales to public caterers and shops",
                    ),
                    T(
                        "Üzleti mentorálás szociális szövetkezeteknek",
                        "Business mentoring for social cooperatives",
                    ),
                    T(
                        "Foglalkoztatási programok előkészítése önkormányzatokkal",
                        "Preparing employment programmes with municipalities",
                    ),
                ],
                T(
                    "Nálunk a nyereség mellett az is számít, hány embernek adunk tisztes munkát.",
                    "Profit matters to us, but so does the number of people we give decent "
                    "work to.",
                ),
                T("Oláh Krisztina, klasztermenedzser", "Krisztina Oláh, cluster manager"),
            ),
            "management_organisation": T(
                "Hajdú-bihari Szociális Gazdasági Egyesület",
                "Hajdú-Bihar Social Economy Association",
            ),
            "county": County.HAJDU_BIHAR,
            "city": "Püspökladány",
            "founding_year": 2018,
            "members_companies": 27,
            "members_research": 1,
            "members_public_other": 9,
            "contact_name": "Oláh Krisztina",
            "contact_email": "krisztina.olah@example.org",
            "contact_phone": "+36 54 555 1414",
            "website": "https://szocialis.example.org",
            "quality_label": QualityLabel.NONE,
        },
        sectors=["proximity-social", "agri-food"],
        logo=LogoSpec("HS", "#ad1457"),
    ),
]
