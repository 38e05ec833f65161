"""The demo's speed-dating casts: who takes part in which demo event, and what they ask.

A `Cast` is declared against one speed-dating event of `cms.demo.data.events` (by its
Hungarian slug); `cms.demo.speed_dating` books these people, publishes the participant list
and sends the requests and answers through the matchmaking services. Participants write their
profile in their own language (Hungarian or English), as real ones do. Field of interest and
cluster slugs are those of `events.FIELDS_OF_INTEREST` and `cms.demo.data.clusters`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    side: str
    language: str
    name: str
    organisation: str
    interests: tuple[str, ...]
    offer: str
    look_for: str
    auto_accept: bool = False
    #: Companies: the Hungarian slug of their cluster, one of the event's participating
    #: clusters (the booking form requires one when the event lists any).
    cluster: str | None = None


@dataclass(frozen=True)
class Cast:
    #: The Hungarian slug of the speed-dating event.
    slug: str
    #: Booking e-mail addresses are ``<email_prefix>-<n>@example.org``, n from 1.
    email_prefix: str
    people: list[Person]
    #: (sender index, [recipient indices, first choice first]).
    requests: list[tuple[int, list[int]]]
    #: Answers to requests received: (recipient index, sender index, accepted?). Requests to
    #: participants who accept automatically are accepted at once, and asking someone who
    #: asked you makes both accepted (mutual); the rest stay pending.
    answers: list[tuple[int, int, bool]]


_CREATIVE_PEOPLE = [
    Person(
        "company",
        "hu",
        "Kiss Réka",
        "Tiszavirág Design Kft.",
        ("kreativ-ipar",),
        "Bútor- és lámpatervezés kis sorozatokra.",
        "Anyagkutatót, aki újrahasznosított műanyagokkal dolgozik.",
    ),
    Person(
        "company",
        "en",
        "Daniel Weber",
        "Alföld Packaging Ltd.",
        ("gyartas", "kreativ-ipar"),
        "Short-run packaging production and prototyping.",
        "Design researchers for sustainable packaging.",
        auto_accept=True,
    ),
    Person(
        "company",
        "hu",
        "Nagy Péter",
        "Szolnoki Fémforma Zrt.",
        ("gyartas",),
        "CNC-megmunkálás és lemezalakítás.",
        "Termékfejlesztési partnert egyetemről.",
    ),
    Person(
        "company",
        "hu",
        "Tóth Anna",
        "Kerámiaműhely Bt.",
        ("kreativ-ipar",),
        "Kézműves kerámia, egyedi burkolatok.",
        "Mázkutatásban jártas kutatót.",
    ),
    Person(
        "company",
        "en",
        "Laura Rossi",
        "Plains Interactive Kft.",
        ("kreativ-ipar", "gyartas"),
        "Interactive installations and exhibition design.",
        "Researchers in human-computer interaction.",
    ),
    Person(
        "researcher",
        "hu",
        "Dr. Szabó Gábor",
        "Szolnoki Egyetem, Anyagtudományi Tanszék",
        ("gyartas",),
        "Újrahasznosított polimerek vizsgálata.",
        "Ipari partnert mintadarabok gyártásához.",
    ),
    Person(
        "researcher",
        "en",
        "Dr. Emma Clarke",
        "University of Debrecen, Design Lab",
        ("kreativ-ipar",),
        "User research and service design.",
        "Companies that want to test new products with users.",
    ),
    Person(
        "researcher",
        "hu",
        "Dr. Varga Eszter",
        "Nyíregyházi Egyetem, Kerámia Műhely",
        ("kreativ-ipar",),
        "Mázak és égetési eljárások fejlesztése.",
        "Kézműves vállalkozásokat közös pályázathoz.",
        auto_accept=True,
    ),
    Person(
        "researcher",
        "hu",
        "Dr. Kovács Bence",
        "Óbudai Egyetem, Mechatronika Intézet",
        ("gyartas", "kreativ-ipar"),
        "Érzékelők és interaktív vezérlések.",
        "Kiállítás- és termékfejlesztő cégeket.",
    ),
]


#: The past event ("Creative meets industry"): its schedule is published and the day is over.
CREATIVE = Cast(
    slug="kreativ-ipar-talalkozik-az-iparral",
    email_prefix="speed-dating",
    people=_CREATIVE_PEOPLE,
    requests=[
        (0, [5, 7]),
        (1, [6, 5]),
        (2, [5, 8]),
        (3, [7]),
        (4, [8, 6]),
        (5, [0, 2]),
        (6, [1, 4]),
        (8, [4]),
    ],
    answers=[(6, 4, True), (8, 2, False)],
)

_HEALTH_CLUSTER = "szabolcsi-egeszsegipari-es-orvostechnikai-klaszter"
_PHARMA_CLUSTER = "hajdusagi-gyogyszeripari-klaszter"

_HEALTH_PEOPLE = [
    Person(
        "company",
        "hu",
        "Balogh Tamás",
        "Nyírmed Orvostechnikai Kft.",
        ("orvostechnika",),
        "Egyszer használatos sebészeti eszközök gyártása kis és közepes sorozatban.",
        "Sebészeti osztályt, amely kipróbálja új trokárjainkat.",
        cluster=_HEALTH_CLUSTER,
    ),
    Person(
        "company",
        "en",
        "Sophie Martin",
        "MedSense Diagnostics Ltd.",
        ("orvostechnika", "digitalis-egeszseg"),
        "Wearable ECG patches with cloud-based analysis.",
        "Cardiology departments for a clinical pilot.",
        auto_accept=True,
        cluster=_HEALTH_CLUSTER,
    ),
    Person(
        "company",
        "hu",
        "Fekete Zoltán",
        "Hajdú Pharma Zrt.",
        ("gyogyszeripar",),
        "Generikus injekciós készítmények fejlesztése és gyártása.",
        "Kórházi gyógyszerészt új kiszerelések kipróbálásához.",
        cluster=_PHARMA_CLUSTER,
    ),
    Person(
        "company",
        "hu",
        "Molnár Katalin",
        "Rehab-Tech Kft.",
        ("orvostechnika",),
        "Egyedi méretre készülő sínek és mozgásterápiás eszközök.",
        "Rehabilitációs orvost klinikai visszajelzéshez.",
        cluster=_HEALTH_CLUSTER,
    ),
    Person(
        "company",
        "en",
        "Jonas Becker",
        "CareFlow Software Kft.",
        ("digitalis-egeszseg",),
        "Patient flow and bed management software for hospitals.",
        "A hospital ward willing to pilot it for three months.",
        cluster=_HEALTH_CLUSTER,
    ),
    Person(
        "company",
        "hu",
        "Horváth Levente",
        "Debreceni Laborkémia Kft.",
        ("gyogyszeripar", "orvostechnika"),
        "Laboratóriumi reagensek és gyorstesztek fejlesztése.",
        "Klinikai laboratóriumot gyorstesztjeink validálásához.",
        cluster=_PHARMA_CLUSTER,
    ),
    Person(
        "researcher",
        "hu",
        "Dr. Lakatos Judit",
        "Nyíregyházi kórház, Kardiológiai Osztály",
        ("orvostechnika", "digitalis-egeszseg"),
        "Klinikai vizsgálatok szervezése szívbetegek bevonásával.",
        "Távmonitorozó eszközöket fejlesztő cégeket.",
    ),
    Person(
        "researcher",
        "en",
        "Dr. Michael Evans",
        "University of Debrecen, Clinical Centre, Department of Surgery",
        ("orvostechnika",),
        "Clinical trials of surgical instruments and structured user feedback.",
        "Makers of instruments for minimally invasive surgery.",
    ),
    Person(
        "researcher",
        "hu",
        "Dr. Pap Ildikó",
        "Nyíregyházi kórház, Kórházi Gyógyszertár",
        ("gyogyszeripar",),
        "Kórházi gyógyszerellátás, beszerzési és adagolási tapasztalat.",
        "Gyógyszergyártót új kiszerelések közös kipróbálásához.",
        auto_accept=True,
    ),
    Person(
        "researcher",
        "hu",
        "Dr. Simon Ákos",
        "Nyíregyházi Egyetem, Egészségügyi Informatikai Tanszék",
        ("digitalis-egeszseg",),
        "Kórházi adatelemzés és betegút-modellezés.",
        "Szoftvercéget közös pályázathoz.",
    ),
    Person(
        "researcher",
        "en",
        "Dr. Hannah Fischer",
        "University of Debrecen, Department of Laboratory Medicine",
        ("gyogyszeripar", "orvostechnika"),
        "Validation of in-vitro diagnostic tests.",
        "Companies bringing rapid tests to market.",
    ),
    Person(
        "researcher",
        "hu",
        "Dr. Farkas Mónika",
        "Mátészalkai kórház, Rehabilitációs Osztály",
        ("orvostechnika",),
        "Rehabilitációs terápiák és betegek visszajelzései.",
        "Segédeszközgyártókat klinikai kipróbáláshoz.",
    ),
]

#: The upcoming event ("Health industry speed dating with hospitals"): its participant list
#: is published and requests are still open (mutual 1-6, 3-11, 4-9; accepted one-sided
#: 0->7, 2->8, 5->8; pending 0->11, 1->9, 4->6, 5->10, 10->3; 7 and 8 sent none, so the
#: reminder before the deadline has someone to remind). The scheduler has made a draft.
HEALTH = Cast(
    slug="egeszsegipari-gyorsrandi-korhazakkal",
    email_prefix="speed-dating-health",
    people=_HEALTH_PEOPLE,
    requests=[
        (0, [7, 11]),
        (1, [6, 9]),
        (2, [8]),
        (3, [11]),
        (4, [9, 6]),
        (5, [8, 10]),
        (6, [1]),
        (9, [4]),
        (10, [3]),
        (11, [3]),
    ],
    answers=[(7, 0, True)],
)
