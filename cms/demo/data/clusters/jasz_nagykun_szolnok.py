"""The demo clusters of Jász-Nagykun-Szolnok county."""

from cluster_pages.models import County, QualityLabel
from cms.demo.bilingual import T
from cms.demo.data.clusters.base import ClusterSeed, description
from cms.demo.logos import LogoSpec

CLUSTERS = [
    ClusterSeed(
        fields={
            "title": T("Alföldi Építőipari Klaszter", "Great Plain Construction Cluster"),
            "slug": T("alfoldi-epitoipari-klaszter", "great-plain-construction-cluster"),
            "summary": T(
                "Kivitelezők, tervezők és építőanyag-gyártók közös fellépése az "
                "energiahatékony és fenntartható építésért.",
                "Contractors, designers and building-material manufacturers acting together "
                "for energy-efficient and sustainable construction.",
            ),
            "description": description(
                T(
                    "A klaszter szolnoki központtal fogja össze a vármegye építőipari "
                    "vállalkozásait. Közös ajánlatokkal nagyobb közbeszerzéseken is "
                    "versenyképesek tagjaink.",
                    "Based in Szolnok, the cluster brings together the county's construction "
                    "firms. With joint bids our members can compete for larger public "
                    "contracts.",
                ),
                [
                    T(
                        "Konzorciumépítés közbeszerzésekhez",
                        "Building consortia for public tenders",
                    ),
                    T(
                        "BIM-képzés tervezőknek és kivitelezőknek",
                        "BIM training for designers and contractors",
                    ),
                    T(
                        "Épületenergetikai bemutatóprojektek",
                        "Building-energy demonstration projects",
                    ),
                ],
                T(
                    "A közös ajánlat nem kockázat, hanem a kisebb cégek belépője a nagy "
                    "projektekhez.",
                    "A joint bid is not a risk: it is how smaller firms get into large projects.",
                ),
                T("Tóth Gábor, klasztermenedzser", "Gábor Tóth, cluster manager"),
            ),
            "management_organisation": T(
                "Alföldi Építőipari Klaszter Egyesület",
                "Great Plain Construction Cluster Association",
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Szolnok",
            "founding_year": 2008,
            "members_companies": 42,
            "members_research": 2,
            "members_public_other": 3,
            "contact_name": "Tóth Gábor",
            "contact_email": "gabor.toth@example.org",
            "contact_phone": "+36 56 555 0404",
            "website": "https://epitoipar.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["construction"],
        logo=LogoSpec("AE", "#b85c00"),
        label_valid_days=240,
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Jászsági Mechatronikai és Járműipari Klaszter",
                "Jászság Mechatronics and Automotive Cluster",
            ),
            "slug": T(
                "jaszsagi-mechatronikai-es-jarmuipari-klaszter",
                "jaszsag-mechatronics-and-automotive-cluster",
            ),
            "summary": T(
                "Jászberényi és környékbeli gépipari, elektronikai és járműipari beszállítók "
                "hálózata a gyártásautomatizálás és az ipar 4.0 szolgálatában.",
                "A network of engineering, electronics and automotive suppliers in and "
                "around Jászberény, working on production automation and Industry 4.0.",
            ),
            "description": description(
                T(
                    "Tagjaink a nemzetközi autógyárak második és harmadik szintű beszállítói. "
                    "A klaszter közös mérnökképzéssel és robotizálási tanácsadással segíti "
                    "őket.",
                    "Our members are second- and third-tier suppliers of international car "
                    "makers. The cluster supports them with joint engineering training and "
                    "robotisation advice.",
                ),
                [
                    T(
                        "Robotizálási és automatizálási átvilágítás",
                        "Robotisation and automation audits",
                    ),
                    T(
                        "Duális mérnökképzés a tagvállalatoknál",
                        "Dual engineering training at member companies",
                    ),
                    T("Beszállítói fejlesztési program", "Supplier development programme"),
                ],
                T(
                    "A beszállítói lánc olyan erős, mint a leggyengébb tagja, ezért együtt "
                    "fejlődünk.",
                    "A supply chain is as strong as its weakest link, so we develop together.",
                ),
                T("Horváth Eszter, klasztermenedzser", "Eszter Horváth, cluster manager"),
            ),
            "management_organisation": T(
                "Jászsági Mechatronikai Klaszter Nonprofit Kft.",
                "Jászság Mechatronics Cluster Nonprofit Ltd.",
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Jászberény",
            "founding_year": 2010,
            "members_companies": 47,
            "members_research": 3,
            "members_public_other": 2,
            "contact_name": "Horváth Eszter",
            "contact_email": "eszter.horvath@example.org",
            "contact_phone": "+36 57 555 0505",
            "website": "https://mechatronika.example.org",
            "quality_label": QualityLabel.ESCA_BRONZE,
        },
        sectors=["mobility", "electronics"],
        logo=LogoSpec("JM", "#37474f"),
        label_valid_days=360,
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Nagykunsági Megújuló Energia Klaszter", "Nagykunság Renewable Energy Cluster"
            ),
            "slug": T(
                "nagykunsagi-megujulo-energia-klaszter", "nagykunsag-renewable-energy-cluster"
            ),
            "summary": T(
                "Napenergia-, geotermikus és biogázprojektek fejlesztői és üzemeltetői, "
                "önkormányzatok és kutatók közös műhelye Karcag központtal.",
                "Developers and operators of solar, geothermal and biogas projects, "
                "municipalities and researchers working together, based in Karcag.",
            ),
            "description": description(
                T(
                    "Az Alföld kiváló napsütéses óraszámmal és termálvízkinccsel rendelkezik. "
                    "A klaszter segít, hogy ebből helyi vállalkozások és közösségek "
                    "profitáljanak.",
                    "The Great Plain has plenty of sunshine and rich thermal-water resources. "
                    "The cluster helps local businesses and communities benefit from them.",
                ),
                [
                    T(
                        "Energiaközösségek alapításának támogatása",
                        "Support for setting up energy communities",
                    ),
                    T("Geotermikus projektek előkészítése", "Preparation of geothermal projects"),
                    T(
                        "Biogázüzemek tapasztalatcseréje",
                        "Experience exchange between biogas plants",
                    ),
                ],
                T(
                    "Az energia, amit itt termelünk, itt teremt munkahelyet.",
                    "The energy we produce here creates jobs here.",
                ),
                T("Kiss Réka, klasztermenedzser", "Réka Kiss, cluster manager"),
            ),
            "management_organisation": T(
                "Nagykunsági Energiaklaszter Nonprofit Kft.",
                "Nagykunság Energy Cluster Nonprofit Ltd.",
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Karcag",
            "founding_year": 2013,
            "members_companies": 23,
            "members_research": 2,
            "members_public_other": 5,
            "contact_name": "Kiss Réka",
            "contact_email": "reka.kiss@example.org",
            "contact_phone": "+36 59 555 0707",
            "website": "https://energia.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["renewable-energy"],
        logo=LogoSpec("NM", "#f9a825", "#1b1b1b"),
        label_valid_days=500,
    ),
    ClusterSeed(
        fields={
            "title": T("Tisza-parti Kreatívipari Klaszter", "Tisza Riverside Creative Cluster"),
            "slug": T("tisza-parti-kreativipari-klaszter", "tisza-riverside-creative-cluster"),
            "summary": T(
                "Szolnoki és környékbeli design-, média-, játékfejlesztő és kulturális "
                "vállalkozások közössége.",
                "A community of design, media, game-development and cultural businesses in "
                "and around Szolnok.",
            ),
            "description": description(
                T(
                    "A klaszter közös irodaházat, stúdiót és bemutatóteret működtet, és "
                    "összeköti az alkotókat a régió ipari megrendelőivel.",
                    "The cluster runs a shared office building, studio and showroom, and "
                    "connects creative professionals with the region's industrial clients.",
                ),
                [
                    T("Közös stúdió és bemutatótér", "Shared studio and showroom"),
                    T(
                        "Kreatív megrendelések közvetítése ipari cégeknek",
                        "Brokering creative commissions for industrial companies",
                    ),
                    T("Mentorprogram induló alkotóknak", "Mentoring for emerging creatives"),
                ],
                T(
                    "A jó termékhez jó történet kell, azt mi írjuk meg.",
                    "A good product needs a good story, and we write it.",
                ),
                T("Balogh Márton, klasztermenedzser", "Márton Balogh, cluster manager"),
            ),
            "management_organisation": T(
                "Tisza-parti Kreatív Egyesület", "Tisza Riverside Creative Association"
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Szolnok",
            "founding_year": 2016,
            "members_companies": 35,
            "members_research": 2,
            "members_public_other": 3,
            "contact_name": "Balogh Márton",
            "contact_email": "marton.balogh@example.org",
            "contact_phone": "+36 56 555 1010",
            "website": "https://kreativ.example.org",
            "quality_label": QualityLabel.NONE,
        },
        sectors=["cultural-creative"],
        logo=LogoSpec("TK", "#6a1b9a"),
        social=[("instagram", "https://www.instagram.com/example.kreativ")],
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Közép-alföldi Műanyagipari Klaszter", "Central Great Plain Plastics Cluster"
            ),
            "slug": T(
                "kozep-alfoldi-muanyagipari-klaszter", "central-great-plain-plastics-cluster"
            ),
            "summary": T(
                "Fröccsöntő üzemek, szerszámkészítők és újrahasznosítók közös fellépése a "
                "körforgásos műanyagiparért, Törökszentmiklós központtal.",
                "Injection moulders, toolmakers and recyclers acting together for a circular "
                "plastics industry, based in Törökszentmiklós.",
            ),
            "description": description(
                T(
                    "Tagjaink autóipari, háztartásigép-ipari és csomagolóipari megrendelőknek "
                    "gyártanak. A klaszter segít csökkenteni az energiafelhasználást, és közös "
                    "programmal növeli az újrahasznosított alapanyag arányát.",
                    "Our members manufacture for the automotive, household-appliance and "
                    "packaging industries. The cluster helps them cut their energy use and, "
                    "through a joint programme, raise the share of recycled raw material.",
                ),
                [
                    T(
                        "Energiahatékonysági felmérés gyártóüzemeknek",
                        "Energy-efficiency audits for production plants",
                    ),
                    T(
                        "Újrahasznosított alapanyagok minősítése",
                        "Qualification of recycled raw materials",
                    ),
                    T(
                        "Szerszámkészítő- és gépkezelőképzés",
                        "Training for toolmakers and machine operators",
                    ),
                ],
                T(
                    "A műanyag akkor jó alapanyag, ha nem lesz belőle hulladék.",
                    "Plastic is a good material as long as it never becomes waste.",
                ),
                T("Simon Bence, klasztermenedzser", "Bence Simon, cluster manager"),
            ),
            "management_organisation": T(
                "Közép-alföldi Műanyagipari Klaszter Nonprofit Kft.",
                "Central Great Plain Plastics Cluster Nonprofit Ltd.",
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Törökszentmiklós",
            "founding_year": 2009,
            "members_companies": 33,
            "members_research": 2,
            "members_public_other": 2,
            "contact_name": "Simon Bence",
            "contact_email": "bence.simon@example.org",
            "contact_phone": "+36 56 555 1515",
            "website": "https://muanyag.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["energy-intensive", "mobility"],
        logo=LogoSpec("KM", "#283593"),
        label_valid_days=330,
        social=[("linkedin", "https://www.linkedin.com/company/example-muanyag")],
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Tiszazugi Borászati és Gyümölcsfeldolgozó Klaszter",
                "Tiszazug Wine and Fruit Processing Cluster",
            ),
            "slug": T(
                "tiszazugi-boraszati-es-gyumolcsfeldolgozo-klaszter",
                "tiszazug-wine-and-fruit-processing-cluster",
            ),
            "summary": T(
                "Családi borászatok, pálinkafőzdék és gyümölcsfeldolgozók a Tisza és a "
                "Hármas-Körös ölelésében, közös márkával és borúttal.",
                "Family wineries, pálinka distilleries and fruit processors between the Tisza "
                "and the Hármas-Körös rivers, with a shared brand and a wine route.",
            ),
            "description": description(
                T(
                    "A Tiszazug homokos talaja kiváló bort és gyümölcsöt ad, de a kis "
                    "pincészetek egyenként nehezen jutnak el a vevőkhöz. A klaszter közös "
                    "márkát, borutat és rendezvényeket szervez, és segít, hogy a termékek a "
                    "nagyvárosi éttermekbe is eljussanak.",
                    "The sandy soil of the Tiszazug yields excellent wine and fruit, but small "
                    "wineries struggle to reach buyers on their own. The cluster organises a "
                    "shared brand, a wine route and events, and helps the products into "
                    "restaurants in the big cities.",
                ),
                [
                    T(
                        "Közös márka és eredetvédelmi kérelem",
                        "A shared brand and an application for protected origin",
                    ),
                    T(
                        "Borút és kóstolóhétvégék szervezése",
                        "A wine route and tasting weekends",
                    ),
                    T(
                        "Közös palackozó- és címkézősor bérlése",
                        "Hire of a shared bottling and labelling line",
                    ),
                ],
                T(
                    "Egy pohár tiszazugi bor egy egész tájat mutat meg a vendégnek.",
                    "A glass of Tiszazug wine shows the guest a whole landscape.",
                ),
                T("Takács Ildikó, klasztermenedzser", "Ildikó Takács, cluster manager"),
            ),
            "management_organisation": T(
                "Tiszazugi Borászati Klaszter Egyesület", "Tiszazug Wine Cluster Association"
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Tiszaföldvár",
            "founding_year": 2012,
            "members_companies": 48,
            "members_research": 1,
            "members_public_other": 6,
            "contact_name": "Takács Ildikó",
            "contact_email": "ildiko.takacs@example.org",
            "contact_phone": "+36 56 555 1616",
            "website": "https://tiszazug.example.org",
            "quality_label": QualityLabel.NONE,
        },
        sectors=["agri-food", "tourism"],
        logo=LogoSpec("TB", "#880e4f"),
        social=[
            ("facebook", "https://www.facebook.com/example.tiszazug"),
            ("instagram", "https://www.instagram.com/example.tiszazug"),
        ],
    ),
    ClusterSeed(
        fields={
            "title": T("Tisza-tavi Ökoturisztikai Klaszter", "Lake Tisza Ecotourism Cluster"),
            "slug": T("tisza-tavi-okoturisztikai-klaszter", "lake-tisza-ecotourism-cluster"),
            "summary": T(
                "Vízitúra-szervezők, falusi szálláshelyek, horgásztanyák és természetvédők "
                "közösen teszik a Tisza-tavat az ökoturizmus célpontjává.",
                "Canoe-tour operators, village guesthouses, angling lodges and "
                "conservationists working together to make Lake Tisza an ecotourism "
                "destination.",
            ),
            "description": description(
                T(
                    "Tiszafüredről szervezzük a tó körüli szolgáltatók együttműködését. Közös "
                    "minőségi jelzést, csónakkölcsönző-hálózatot és szezonon kívüli programokat "
                    "fejlesztünk, hogy a vendégek tavasztól őszig érkezzenek.",
                    "From Tiszafüred we coordinate the service providers around the lake. We "
                    "develop a shared quality mark, a boat-rental network and off-season "
                    "programmes so that visitors come from spring to autumn.",
                ),
                [
                    T(
                        "Közös minőségi jelzés szálláshelyeknek",
                        "A shared quality mark for accommodation",
                    ),
                    T(
                        "Vízitúra- és kerékpárutak gondozása",
                        "Looking after canoeing and cycling routes",
                    ),
                    T(
                        "Természetvédelmi képzés túravezetőknek",
                        "Nature-conservation training for guides",
                    ),
                ],
                T(
                    "A tó a legnagyobb vonzerőnk, ezért úgy fogadunk vendéget, hogy a madarak "
                    "is maradjanak.",
                    "The lake is our greatest attraction, so we host visitors in a way that "
                    "lets the birds stay too.",
                ),
                T("Juhász Ádám, klasztermenedzser", "Ádám Juhász, cluster manager"),
            ),
            "management_organisation": T(
                "Tisza-tavi Turisztikai Egyesület", "Lake Tisza Tourism Association"
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Tiszafüred",
            "founding_year": 2010,
            "members_companies": 58,
            "members_research": 2,
            "members_public_other": 7,
            "contact_name": "Juhász Ádám",
            "contact_email": "adam.juhasz@example.org",
            "contact_phone": "+36 59 555 1717",
            "website": "https://tisza-to.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["tourism"],
        logo=LogoSpec("TT", "#00838f"),
        label_valid_days=90,
        social=[
            ("facebook", "https://www.facebook.com/example.tiszato"),
            ("youtube", "https://www.youtube.com/@example-tiszato"),
        ],
    ),
    ClusterSeed(
        fields={
            "title": T("Martfűi Cipő- és Bőripari Klaszter", "Martfű Footwear and Leather Cluster"),
            "slug": T("martfui-cipo-es-boripari-klaszter", "martfu-footwear-and-leather-cluster"),
            "summary": T(
                "Cipőgyártók, bőrdíszművesek és beszállítóik hálózata, amely a martfűi "
                "cipőgyártás hagyományát viszi tovább.",
                "A network of shoemakers, leather-goods makers and their suppliers carrying "
                "on Martfű's shoemaking tradition.",
            ),
            "description": description(
                T(
                    "Martfűn évtizedekig készültek cipők a fél világ számára. A klaszter tagjai "
                    "ma prémium- és munkavédelmi lábbelit gyártanak, közösen fejlesztenek "
                    "terméket, és együtt jelennek meg a nemzetközi szakvásárokon.",
                    "For decades Martfű made shoes for half the world. Today the cluster's "
                    "members make premium and safety footwear, develop products together and "
                    "exhibit together at international trade fairs.",
                ),
                [
                    T(
                        "Közös termékfejlesztés és mintakészítés",
                        "Joint product development and sample making",
                    ),
                    T("Cipőipari szakmunkásképzés", "Vocational training for footwear makers"),
                    T(
                        "Közös stand nemzetközi cipővásárokon",
                        "A joint stand at international footwear fairs",
                    ),
                ],
                T(
                    "A kézművestudás nem avul el, csak új piacot kell találni neki.",
                    "Craft skills never go out of date; they just need a new market.",
                ),
                T("Mészáros Katalin, klasztermenedzser", "Katalin Mészáros, cluster manager"),
            ),
            "management_organisation": T(
                "Martfűi Cipőipari Klaszter Kft.", "Martfű Footwear Cluster Ltd."
            ),
            "county": County.JASZ_NAGYKUN_SZOLNOK,
            "city": "Martfű",
            "founding_year": 2011,
            "members_companies": 21,
            "members_research": 1,
            "members_public_other": 2,
            "contact_name": "Mészáros Katalin",
            "contact_email": "katalin.meszaros@example.org",
            "contact_phone": "+36 56 555 1818",
            "website": "https://cipoipar.example.org",
            "quality_label": QualityLabel.ESCA_BRONZE,
        },
        sectors=["textiles"],
        logo=LogoSpec("MC", "#4e342e"),
        label_valid_days=400,
    ),
]
