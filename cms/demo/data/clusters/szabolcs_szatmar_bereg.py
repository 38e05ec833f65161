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
    ClusterSeed(
        fields={
            "title": T(
                "Nyírségi Digitális Innovációs Klaszter", "Nyírség Digital Innovation Cluster"
            ),
            "slug": T(
                "nyirsegi-digitalis-innovacios-klaszter", "nyirseg-digital-innovation-cluster"
            ),
            "summary": T(
                "Szoftverfejlesztők, adatelemző cégek és az egyetem együttműködése a kkv-k és "
                "az önkormányzatok digitális átállásáért Nyíregyházán.",
                "Software developers, data-analytics firms and the university cooperating in "
                "Nyíregyháza on the digital transition of SMEs and municipalities.",
            ),
            "description": description(
                T(
                    "A klaszter digitális innovációs műhelyt működtet, ahol a helyi "
                    "vállalkozások kipróbálhatják a felhőszolgáltatásokat, az ipari "
                    "érzékelőket és a mesterségesintelligencia-alkalmazásokat. Tagjaink "
                    "okosváros-fejlesztésekre is közösen pályáznak.",
                    "The cluster runs a digital innovation workshop where local businesses can "
                    "try out cloud services, industrial sensors and artificial-intelligence "
                    "applications. Our members also bid together for smart-city projects.",
                ),
                [
                    T(
                        "Digitális érettségi felmérés kkv-knak",
                        "Digital maturity assessment for SMEs",
                    ),
                    T(
                        "Kipróbálható megoldások a bemutatóműhelyben",
                        "Hands-on solutions in the demonstration workshop",
                    ),
                    T(
                        "Adatvédelmi és MI-megfelelőségi tanácsadás",
                        "Data-protection and AI compliance advice",
                    ),
                ],
                T(
                    "A digitális átállás nem a technológián múlik, hanem az első kipróbált "
                    "megoldáson.",
                    "The digital transition does not hinge on technology but on the first "
                    "solution you try out.",
                ),
                T("Németh Levente, klasztermenedzser", "Levente Németh, cluster manager"),
            ),
            "management_organisation": T(
                "Nyírségi Digitális Klaszter Egyesület", "Nyírség Digital Cluster Association"
            ),
            "county": County.SZABOLCS_SZATMAR_BEREG,
            "city": "Nyíregyháza",
            "founding_year": 2019,
            "members_companies": 37,
            "members_research": 2,
            "members_public_other": 3,
            "contact_name": "Németh Levente",
            "contact_email": "levente.nemeth@example.org",
            "contact_phone": "+36 42 555 1919",
            "website": "https://digitalis.example.org",
            "quality_label": QualityLabel.NONE,
        },
        sectors=["digital"],
        logo=LogoSpec("ND", "#3949ab"),
        social=[("linkedin", "https://www.linkedin.com/company/example-digitalis")],
    ),
    ClusterSeed(
        fields={
            "title": T("Szatmári Bioenergia Klaszter", "Szatmár Bioenergy Cluster"),
            "slug": T("szatmari-bioenergia-klaszter", "szatmar-bioenergy-cluster"),
            "summary": T(
                "Biomassza-termelők, kazángyártók, fűtőművek és önkormányzatok együttműködése, "
                "hogy a mezőgazdasági melléktermékekből helyben legyen energia.",
                "Biomass producers, boiler manufacturers, heating plants and municipalities "
                "cooperating to turn farm by-products into local energy.",
            ),
            "description": description(
                T(
                    "A gyümölcsösök nyesedéke, a szalma és a faipari hulladék Szatmárban "
                    "nagyrészt kárba veszett. A klaszter tagjai ebből aprítékot és pelletet "
                    "gyártanak, és közintézményeket fűtenek vele Mátészalkától a Tiszahátig.",
                    "Orchard prunings, straw and wood waste used to go largely to waste in "
                    "Szatmár. The cluster's members turn them into wood chips and pellets that "
                    "heat public buildings from Mátészalka to the Tiszahát.",
                ),
                [
                    T(
                        "A biomassza-ellátási lánc megszervezése",
                        "Organising the biomass supply chain",
                    ),
                    T(
                        "Fűtéskorszerűsítési tervek közintézményeknek",
                        "Heating-modernisation plans for public buildings",
                    ),
                    T("Kazánüzemeltetői képzés", "Boiler operator training"),
                ],
                T(
                    "Ami tegnap hulladék volt, ma az iskolát fűti.",
                    "What was waste yesterday heats the school today.",
                ),
                T("Pintér Boglárka, klasztermenedzser", "Boglárka Pintér, cluster manager"),
            ),
            "management_organisation": T(
                "Szatmári Bioenergia Klaszter Nonprofit Kft.",
                "Szatmár Bioenergy Cluster Nonprofit Ltd.",
            ),
            "county": County.SZABOLCS_SZATMAR_BEREG,
            "city": "Mátészalka",
            "founding_year": 2010,
            "members_companies": 24,
            "members_research": 2,
            "members_public_other": 8,
            "contact_name": "Pintér Boglárka",
            "contact_email": "boglarka.pinter@example.org",
            "contact_phone": "+36 44 555 2020",
            "website": "https://bioenergia.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["renewable-energy", "agri-food"],
        logo=LogoSpec("SB", "#33691e"),
        label_valid_days=120,
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Felső-szabolcsi Fémipari és Mechatronikai Klaszter",
                "Upper Szabolcs Metalworking and Mechatronics Cluster",
            ),
            "slug": T(
                "felso-szabolcsi-femipari-es-mechatronikai-klaszter",
                "upper-szabolcs-metalworking-and-mechatronics-cluster",
            ),
            "summary": T(
                "Fémmegmunkáló, gépgyártó és automatizálási vállalkozások hálózata Kisvárda "
                "és Záhony között, a térség ipari munkahelyeiért.",
                "A network of metalworking, machine-building and automation companies "
                "between Kisvárda and Záhony, working for industrial jobs in the area.",
            ),
            "description": description(
                T(
                    "Tagjaink alkatrészeket, acélszerkezeteket és célgépeket gyártanak hazai és "
                    "külföldi megrendelőknek. A klaszter közös CNC-képzőközpontot működtet, és "
                    "segíti a cégeket az automatizálásban, hogy a szakemberhiány ne fékezze a "
                    "növekedést.",
                    "Our members make components, steel structures and special-purpose "
                    "machines for Hungarian and foreign customers. The cluster runs a shared "
                    "CNC training centre and helps companies automate, so that the shortage "
                    "of skilled workers does not hold back growth.",
                ),
                [
                    T("Közös CNC-képzőközpont", "A shared CNC training centre"),
                    T(
                        "Automatizálási projektek előkészítése",
                        "Preparing automation projects",
                    ),
                    T(
                        "Beszállítói adatbázis és közös ajánlatkérés",
                        "A supplier database and joint requests for quotation",
                    ),
                ],
                T(
                    "Ha a fiatalok itthon is korszerű gépeken dolgozhatnak, nem kell elmenniük.",
                    "If young people can work on modern machines here at home, they do not "
                    "have to leave.",
                ),
                T("Bognár Zoltán, klasztermenedzser", "Zoltán Bognár, cluster manager"),
            ),
            "management_organisation": T(
                "Felső-szabolcsi Fémipari Klaszter Egyesület",
                "Upper Szabolcs Metalworking Cluster Association",
            ),
            "county": County.SZABOLCS_SZATMAR_BEREG,
            "city": "Kisvárda",
            "founding_year": 2008,
            "members_companies": 39,
            "members_research": 2,
            "members_public_other": 2,
            "contact_name": "Bognár Zoltán",
            "contact_email": "zoltan.bognar@example.org",
            "contact_phone": "+36 45 555 2121",
            "website": "https://femipar.example.org",
            "quality_label": QualityLabel.ESCA_SILVER,
        },
        sectors=["electronics", "mobility"],
        logo=LogoSpec("FM", "#424242"),
        label_valid_days=540,
    ),
    ClusterSeed(
        fields={
            "title": T(
                "Felső-tiszai Vízgazdálkodási Klaszter", "Upper Tisza Water Management Cluster"
            ),
            "slug": T(
                "felso-tiszai-vizgazdalkodasi-klaszter", "upper-tisza-water-management-cluster"
            ),
            "summary": T(
                "Vízügyi mérnökirodák, öntözésfejlesztők, víziközmű-szolgáltatók és kutatók "
                "együttműködése az árvízvédelemért és a víz megtartásáért.",
                "Hydraulic engineering firms, irrigation developers, water utilities and "
                "researchers cooperating on flood protection and water retention.",
            ),
            "description": description(
                T(
                    "A Felső-Tisza vidékén egyszerre gond a tavaszi árvíz és a nyári aszály. A "
                    "klaszter tagjai vízvisszatartó tározókat, öntözőrendszereket és "
                    "érzékelőhálózatokat terveznek és építenek, és megosztják egymással "
                    "mérési adataikat.",
                    "In the Upper Tisza area, spring floods and summer droughts are both a "
                    "problem. The cluster's members design and build retention reservoirs, "
                    "irrigation systems and sensor networks, and share their measurement data "
                    "with each other.",
                ),
                [
                    T(
                        "Vízvisszatartási projektek tervezése gazdáknak és önkormányzatoknak",
                        "Planning water-retention projects for farmers and municipalities",
                    ),
                    T(
                        "Közös vízállás- és talajnedvesség-mérő hálózat",
                        "A shared water-level and soil-moisture monitoring network",
                    ),
                    T(
                        "Konzorciumok szervezése ivóvízhálózat-felújításokhoz",
                        "Building consortia for drinking-water network renewals",
                    ),
                ],
                T(
                    "A vizet nem elvezetni kell, hanem megtartani, amikor sok van belőle.",
                    "Water should not be drained away but kept when there is plenty of it.",
                ),
                T("Vincze Noémi, klasztermenedzser", "Noémi Vincze, cluster manager"),
            ),
            "management_organisation": T(
                "Felső-tiszai Vízgazdálkodási Klaszter Egyesület",
                "Upper Tisza Water Management Cluster Association",
            ),
            "county": County.SZABOLCS_SZATMAR_BEREG,
            "city": "Vásárosnamény",
            "founding_year": 2014,
            "members_companies": 22,
            "members_research": 4,
            "members_public_other": 6,
            "contact_name": "Vincze Noémi",
            "contact_email": "noemi.vincze@example.org",
            "contact_phone": "+36 45 555 2222",
            "website": "https://vizgazdalkodas.example.org",
            "quality_label": QualityLabel.ACCREDITED,
        },
        sectors=["construction", "agri-food"],
        logo=LogoSpec("FV", "#01579b"),
        label_valid_days=450,
    ),
]
