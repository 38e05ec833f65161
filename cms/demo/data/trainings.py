"""Training topics and four cluster-management trainings with their scheduled runs.

Run dates are offsets in days from the day of the first `seed_demo` run; one run lies in the
past so the catalogue shows both finished and bookable runs.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cms.demo.bilingual import T
from cms.demo.data import block
from training_catalog.models import DeliveryLanguage, TrainingLevel

TOPICS = {
    "strategy": T("Klaszterstratégia", "Cluster strategy"),
    "internationalisation": T("Nemzetköziesítés", "Internationalisation"),
    "innovation": T("Innovációmenedzsment", "Innovation management"),
    "funding": T("Finanszírozás és pályázatok", "Funding and grants"),
}

VAT_NOTE = T(
    "Az ár nem tartalmazza a 27% áfát; a számlát a képzés után állítjuk ki.",
    "Price excludes 27% Hungarian VAT; the invoice is issued after the training.",
)


@dataclass(frozen=True)
class RunSeed:
    """A run `starts_in_days` from the first run of `seed_demo`, lasting the training's days."""

    starts_in_days: int
    seats: int
    venue: str | None = None  # a key of `cms.demo.data.venues.VENUES`; None means online


@dataclass(frozen=True)
class TrainingSeed:
    fields: dict[str, Any]
    topic: str
    runs: list[RunSeed]


def outcomes(items: list[T]) -> T:
    return T(
        "<ul>" + "".join(f"<li>{item.hu}</li>" for item in items) + "</ul>",
        "<ul>" + "".join(f"<li>{item.en}</li>" for item in items) + "</ul>",
    )


def trainer(name: T, role: T, bio: T) -> dict[str, Any]:
    return block("trainer", {"name": name, "role": role, "bio": bio})


TRAINERS = {
    "kiss": trainer(
        T("Dr. Kiss Gergely", "Dr Gergely Kiss"),
        T("klaszterfejlesztési tanácsadó", "cluster development consultant"),
        T(
            "Húsz éve dolgozik hazai és európai klaszterekkel; ESCA-minősítő.",
            "Has worked with Hungarian and European clusters for twenty years; ESCA "
            "benchmarking expert.",
        ),
    ),
    "fekete": trainer(
        T("Fekete Orsolya", "Orsolya Fekete"),
        T("nemzetközi üzletfejlesztési vezető", "head of international business development"),
        T(
            "Tizenöt exportprojektet vezetett a Közel-Kelettől Skandináviáig.",
            "Has led fifteen export projects from the Middle East to Scandinavia.",
        ),
    ),
    "papp": trainer(
        T("Dr. Papp Ádám", "Dr Ádám Papp"),
        T("egyetemi docens, innovációmenedzsment", "associate professor of innovation management"),
        T(
            "Ipari K+F együttműködéseket kutat és vezet a Debreceni Egyetemen.",
            "Researches and leads industry R&D partnerships at the University of Debrecen.",
        ),
    ),
    "lakatos": trainer(
        T("Lakatos Nóra", "Nóra Lakatos"),
        T("pályázati szakértő", "grants expert"),
        T(
            "Több mint száz hazai és uniós pályázat előkészítésében vett részt.",
            "Has helped prepare more than a hundred Hungarian and EU funding applications.",
        ),
    ),
}

TRAININGS = [
    TrainingSeed(
        fields={
            "title": T("Klaszterstratégia a gyakorlatban", "Cluster Strategy in Practice"),
            "slug": T("klaszterstrategia-a-gyakorlatban", "cluster-strategy-in-practice"),
            "summary": T(
                "Kétnapos műhely arról, hogyan készül tagjaink igényeire épülő, mérhető "
                "klaszterstratégia és akcióterv.",
                "A two-day workshop on building a measurable cluster strategy and action plan "
                "based on members' needs.",
            ),
            "learning_outcomes": outcomes(
                [
                    T(
                        "Tagi igényfelmérést tervez és értékel",
                        "Plan and evaluate a member needs survey",
                    ),
                    T(
                        "Stratégiai célokat és mutatókat fogalmaz meg",
                        "Formulate strategic goals and indicators",
                    ),
                    T(
                        "Hároméves akciótervet készít költségvetéssel",
                        "Draw up a three-year action plan with a budget",
                    ),
                ]
            ),
            "audience": T(
                "Klasztermenedzsereknek és a klaszterek elnökségi tagjainak.",
                "Cluster managers and cluster board members.",
            ),
            "vat_note": VAT_NOTE,
            "trainers": [TRAINERS["kiss"]],
            "level": TrainingLevel.INTERMEDIATE,
            "duration_days": 2,
            "duration_hours": 16,
            "delivery_language": DeliveryLanguage.HUNGARIAN,
            "price_eur": Decimal("500.00"),
            "max_seats_per_booking": 3,
        },
        topic="strategy",
        runs=[
            RunSeed(starts_in_days=-35, seats=16, venue="debrecen-kolcsey"),
            RunSeed(starts_in_days=21, seats=16, venue="debrecen-egyetem"),
            RunSeed(starts_in_days=63, seats=16, venue="szolnok-innovacio"),
        ],
    ),
    TrainingSeed(
        fields={
            "title": T(
                "Nemzetközi piacra lépés klasztereknek",
                "International Market Entry for Clusters",
            ),
            "slug": T("nemzetkozi-piacra-lepes-klasztereknek", "international-market-entry"),
            "summary": T(
                "Hogyan vihet a klaszter közösen külpiacra kis- és középvállalkozásokat: "
                "piackiválasztás, partnerkeresés, közös megjelenés.",
                "How a cluster can take small and medium-sized companies abroad together: "
                "market selection, partner search and joint presence.",
            ),
            "learning_outcomes": outcomes(
                [
                    T("Célpiacot választ adatok alapján", "Choose a target market based on data"),
                    T(
                        "Nemzetközi partnerkereső eszközöket használ",
                        "Use international partner-search tools",
                    ),
                    T("Közös vásári megjelenést tervez", "Plan a joint trade-fair presence"),
                ]
            ),
            "audience": T(
                "Klasztermenedzsereknek és exportfelelősöknek.",
                "Cluster managers and export managers.",
            ),
            "vat_note": VAT_NOTE,
            "trainers": [TRAINERS["fekete"], TRAINERS["kiss"]],
            "level": TrainingLevel.INTERMEDIATE,
            "duration_days": 2,
            "duration_hours": 14,
            "delivery_language": DeliveryLanguage.BILINGUAL,
            "price_eur": Decimal("490.00"),
            "max_seats_per_booking": 3,
        },
        topic="internationalisation",
        runs=[
            RunSeed(starts_in_days=35, seats=14, venue="nyiregyhaza-egyetem"),
            RunSeed(starts_in_days=91, seats=14, venue="hajduszoboszlo-konferencia"),
        ],
    ),
    TrainingSeed(
        fields={
            "title": T(
                "Innovációmenedzsment és közös K+F projektek",
                "Innovation Management and Joint R&D Projects",
            ),
            "slug": T(
                "innovaciomenedzsment-es-kozos-kf-projektek",
                "innovation-management-and-joint-rd-projects",
            ),
            "summary": T(
                "Haladó képzés a tagvállalatok és kutatóhelyek közös fejlesztési "
                "projektjeinek indításáról és vezetéséről.",
                "An advanced course on launching and running joint development projects of "
                "member companies and research organisations.",
            ),
            "learning_outcomes": outcomes(
                [
                    T("Projektötleteket szűr és rangsorol", "Screen and rank project ideas"),
                    T("Konzorciumi szerződést készít elő", "Prepare a consortium agreement"),
                    T(
                        "Kezeli a szellemi tulajdon kérdéseit",
                        "Handle intellectual-property issues",
                    ),
                ]
            ),
            "audience": T(
                "Tapasztalt klasztermenedzsereknek és innovációs vezetőknek.",
                "Experienced cluster managers and innovation managers.",
            ),
            "vat_note": VAT_NOTE,
            "trainers": [TRAINERS["papp"]],
            "level": TrainingLevel.ADVANCED,
            "duration_days": 3,
            "duration_hours": 24,
            "delivery_language": DeliveryLanguage.HUNGARIAN,
            "price_eur": Decimal("550.00"),
            "max_seats_per_booking": 2,
        },
        topic="innovation",
        runs=[RunSeed(starts_in_days=49, seats=12, venue="jaszbereny-ipari-park")],
    ),
    TrainingSeed(
        fields={
            "title": T(
                "Klaszterfinanszírozás és uniós pályázatok", "Cluster Funding and EU Grants"
            ),
            "slug": T("klaszterfinanszirozas-es-unios-palyazatok", "cluster-funding-and-eu-grants"),
            "summary": T(
                "Egynapos bevezető a klaszterek hazai és uniós finanszírozási lehetőségeibe, "
                "online is.",
                "A one-day introduction to Hungarian and EU funding for clusters, also online.",
            ),
            "learning_outcomes": outcomes(
                [
                    T(
                        "Átlátja a klasztereknek szóló forrásokat",
                        "Understand the funding sources open to clusters",
                    ),
                    T(
                        "Projektjavaslat vázlatát készíti el",
                        "Draft the outline of a project proposal",
                    ),
                    T(
                        "Elkerüli a leggyakoribb pályázati hibákat",
                        "Avoid the most common application mistakes",
                    ),
                ]
            ),
            "audience": T(
                "Klasztermenedzsereknek és tagvállalati pályázatíróknak.",
                "Cluster managers and grant writers at member companies.",
            ),
            "vat_note": VAT_NOTE,
            "trainers": [TRAINERS["lakatos"]],
            "level": TrainingLevel.INTRODUCTORY,
            "duration_days": 1,
            "duration_hours": 8,
            "delivery_language": DeliveryLanguage.HUNGARIAN,
            "price_eur": Decimal("450.00"),
            "max_seats_per_booking": 5,
        },
        topic="funding",
        runs=[
            RunSeed(starts_in_days=14, seats=30, venue=None),
            RunSeed(starts_in_days=56, seats=20, venue="debrecen-egyetem"),
        ],
    ),
]
