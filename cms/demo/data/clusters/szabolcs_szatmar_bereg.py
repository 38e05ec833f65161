"""The demo clusters of Szabolcs-Szatmár-Bereg county."""

from cluster_pages.models import County, QualityLabel
from cms.demo.bilingual import T
from cms.demo.data.clusters.base import ClusterSeed, description
from cms.demo.logos import LogoSpec

CLUSTERS = [
    ClusterSeed(
        fields={
            "title": T("Nyírségi Agrár-Élelmiszeripari Klaszter", "Nyírség Agri-Food Cluster"),
            "slug": T("nyirsegi-agrar-elelmiszeripari-klaszter", "nyirseg-agri-food-cluster"),
            "summary": T(
                "Gyümölcstermelők, hűtőházak és feldolgozók összefogása az almától a "
                "meggyen át a bodzáig, közös logisztikával és értékesítéssel.",
                "Fruit growers, cold stores and processors joining forces, from apples and "
                "sour cherries to elderberries, with shared logistics and sales.",
            ),
            "description": description(
                T(
                    "Szabolcs-Szatmár-Bereg az ország legnagyobb gyümölcstermő vidéke. A "
                    "klaszter a termelőket és a feldolgozókat köti össze, hogy a termés "
                    "nagyobb része helyben kapjon hozzáadott értéket.",
                    "Szabolcs-Szatmár-Bereg is Hungary's largest fruit-growing area. The "
                    "cluster connects growers and processors so that more of the harvest "
                    "gains added value locally.",
                ),
                [
                    T(
                        "Közös hűtőházi kapacitás és szállítás",
                        "Shared cold-storage capacity and transport",
                    ),
                    T(
                        "Élelmiszerbiztonsági tanúsítások előkészítése",
                        "Preparation for food-safety certifications",
                    ),
                    T(
                        "Exportpiacok feltárása a Közel-Keleten és Skandináviában",
                        "Opening export markets in the Middle East and Scandinavia",
                    ),
                ],
                T(
                    "Egy termelő egyedül nem tölt meg egy kamiont, a klaszter igen.",
                    "A single grower cannot fill a lorry; the cluster can.",
                ),
                T("Nagy Zsófia, klasztermenedzser", "Zsófia Nagy, cluster manager"),
            ),
            "management_organisation": T(
                "Nyírségi Agrárklaszter Kft.", "Nyírség Agri Cluster Ltd."
            ),
            "county": County.SZABOLCS_SZATMAR_BEREG,
            "city": "Nyíregyháza",
            "founding_year": 2009,
            "members_companies": 61,
            "members_research": 4,
            "members_public_other": 6,
            "contact_name": "Nagy Zsófia",
            "contact_email": "zsofia.nagy@example.org",
            "contact_phone": "+36 42 555 0303",
            "website": "https://agrar.example.org",
            "quality_label": QualityLabel.ESCA_BRONZE,
        },
        sectors=["agri-food"],
        logo=LogoSpec("NA", "#2e7d32"),
        label_valid_days=180,
    ),
    ClusterSeed(
        fields={
            "title": T("Kelet-Kapu Logisztikai Klaszter", "East Gate Logistics Cluster"),
            "slug": T("kelet-kapu-logisztikai-klaszter", "east-gate-logistics-cluster"),
            "summary": T(
                "Szállítmányozók, raktárüzemeltetők és vámügynökök együttműködése a záhonyi "
                "átrakókörzetben, az Európai Unió keleti kapujában.",
                "Forwarders, warehouse operators and customs agents cooperating in the "
                "Záhony transhipment area, the European Union's eastern gateway.",
            ),
            "description": description(
                T(
                    "A széles és normál nyomtávú vasút találkozásánál működő klaszter a "
                    "keleti áruforgalom gyorsabb és biztonságosabb kezelésén dolgozik.",
                    "Working where broad-gauge and standard-gauge railways meet, the cluster "
                    "aims to handle eastern freight faster and more safely.",
                ),
                [
                    T("Közös vámügyintézési tudásbázis", "Shared customs know-how base"),
                    T("Intermodális szállítási ajánlatok", "Intermodal transport offers"),
                    T("Raktárkapacitás-börze", "Warehouse capacity exchange"),
                ],
                T(
                    "A határ nálunk nem akadály, hanem szolgáltatás.",
                    "For us the border is not an obstacle but a service.",
                ),
                T("Varga László, klasztermenedzser", "László Varga, cluster manager"),
            ),
            "management_organisation": T(
                "Kelet-Kapu Logisztikai Egyesület", "East Gate Logistics Association"
            ),
            "county": County.SZABOLCS_SZATMAR_BEREG,
            "city": "Záhony",
            "founding_year": 2011,
            "members_companies": 29,
            "members_research": 1,
            "members_public_other": 4,
            "contact_name": "Varga László",
            "contact_email": "laszlo.varga@example.org",
            "contact_phone": "+36 45 555 0606",
            "website": "https://logisztika.example.org",
            "quality_label": QualityLabel.NONE,
        },
        sectors=["mobility"],
        logo=LogoSpec("KK", "#00695c"),
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Szabolcsi Egészségipari és Orvostechnikai Klaszter",
                "Szabolcs Health and Medical Technology Cluster",
            ),
            "slug": T(
                "szabolcsi-egeszsegipari-es-orvostechnikai-klaszter",
                "szabolcs-health-and-medical-technology-cluster",
            ),
            "summary": T(
                "Orvostechnikai gyártók, rehabilitációs szolgáltatók és egészségügyi "
                "intézmények együttműködése Nyíregyházán.",
                "Medical-device manufacturers, rehabilitation providers and healthcare "
                "institutions cooperating in Nyíregyháza.",
            ),
            "description": description(
                T(
                    "A klaszter a kórházak valós igényeit köti össze a helyi gyártók "
                    "fejlesztéseivel, a segédeszközöktől a távmonitorozásig.",
                    "The cluster links the real needs of hospitals with the developments of "
                    "local manufacturers, from assistive devices to remote monitoring.",
                ),
                [
                    T(
                        "Klinikai tesztelési lehetőségek közvetítése",
                        "Brokering clinical testing opportunities",
                    ),
                    T("MDR-megfelelőségi tanácsadás", "MDR compliance advice"),
                    T(
                        "Egészségturisztikai csomagok fejlesztése",
                        "Developing health-tourism packages",
                    ),
                ],
                T(
                    "A jó orvostechnikai eszköz a betegágy mellett születik.",
                    "Good medical devices are born at the bedside.",
                ),
                T("Molnár Tamás, klasztermenedzser", "Tamás Molnár, cluster manager"),
            ),
            "management_organisation": T(
                "Szabolcsi Egészségipari Klaszter Egyesület",
                "Szabolcs Health Industry Cluster Association",
            ),
            "county": County.SZABOLCS_SZATMAR_BEREG,
            "city": "Nyíregyháza",
            "founding_year": 2015,
            "members_companies": 26,
            "members_research": 3,
            "members_public_other": 4,
            "contact_name": "Molnár Tamás",
            "contact_email": "tamas.molnar@example.org",
            "contact_phone": "+36 42 555 0808",
            "website": "https://egeszsegipar.example.org",
            "quality_label": QualityLabel.NONE,
        },
        sectors=["health"],
        logo=LogoSpec("SE", "#c62828"),
    ),
]
