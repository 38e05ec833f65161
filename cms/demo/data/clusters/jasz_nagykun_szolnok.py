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
]
