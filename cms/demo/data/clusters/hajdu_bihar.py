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
]
