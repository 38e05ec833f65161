"""The home page texts and the three index pages (clusters, trainings, events)."""

from cms.demo.bilingual import T
from cms.demo.data import block

HOME = {
    "intro": T(
        "Az Észak-alföldi Klaszterközpont Hajdú-Bihar, Jász-Nagykun-Szolnok és "
        "Szabolcs-Szatmár-Bereg vármegye ipari klasztereit mutatja be itthon és külföldön, "
        "klasztermenedzsment-képzéseket tart, és üzleti rendezvényeket szervez.",
        "The North Great Plain Cluster Centre promotes the industry clusters of Hajdú-Bihar, "
        "Jász-Nagykun-Szolnok and Szabolcs-Szatmár-Bereg counties in Hungary and abroad, runs "
        "cluster-management trainings and organises business events.",
    ),
    "body": [
        block("heading", {"text": T("Kiknek szólunk?", "Who we work for"), "level": "h2"}),
        block(
            "paragraph",
            T(
                "<p>Klasztermenedzsereknek, tagvállalatoknak, kutatóhelyeknek és befektetőknek, "
                "akik partnert, tudást vagy piacot keresnek az Észak-Alföldön.</p>",
                "<p>Cluster managers, member companies, research organisations and investors "
                "looking for partners, know-how or markets in the North Great Plain.</p>",
            ),
        ),
        block(
            "paragraph",
            T(
                "<ul><li>Klaszterprofilok ágazat és vármegye szerint</li>"
                "<li>Akkreditált klasztermenedzsment-képzések</li>"
                "<li>Üzletember-találkozók, szemináriumok és nemzetközi rendezvények</li></ul>",
                "<ul><li>Cluster profiles by sector and county</li>"
                "<li>Accredited cluster-management trainings</li>"
                "<li>Business brokerage days, seminars and international events</li></ul>",
            ),
        ),
    ],
}

# The index pages are the main menu, in the order seed_demo adds them (the tree's order).
CLUSTER_INDEX = {
    "title": T("Klaszterek", "Clusters"),
    "slug": T("klaszterek", "clusters"),
    "show_in_menus": True,
    "intro": T(
        "A régió ipari klaszterei ágazat és vármegye szerint kereshetők.",
        "The industry clusters of the region, searchable by sector and county.",
    ),
    "search_description": T(
        "Az Észak-Alföld ipari klasztereinek profiljai: tagság, szolgáltatások, kapcsolat.",
        "Profiles of the North Great Plain's industry clusters: members, services, contacts.",
    ),
}

TRAINING_INDEX = {
    "title": T("Képzések", "Trainings"),
    "slug": T("kepzesek", "trainings"),
    "show_in_menus": True,
    "intro": T(
        "Gyakorlati klasztermenedzsment-képzések tapasztalt trénerekkel, kis csoportokban.",
        "Practical cluster-management trainings with experienced trainers, in small groups.",
    ),
    "search_description": T(
        "Klasztermenedzsment-képzések időpontokkal, helyszínekkel és jelentkezéssel.",
        "Cluster-management trainings with dates, venues and registration.",
    ),
}

EVENT_INDEX = {
    "title": T("Rendezvények", "Events"),
    "slug": T("rendezvenyek", "events"),
    "show_in_menus": True,
    "intro": T(
        "Üzletember-találkozók, szemináriumok és nemzetközi rendezvények a régió klasztereivel.",
        "Business brokerage days, seminars and international events with the region's clusters.",
    ),
    "search_description": T(
        "Közelgő és korábbi rendezvények, jelentkezés és részvételi díjak.",
        "Upcoming and past events, registration and fees.",
    ),
}
