"""Ten events: every kind once in the past and once upcoming.

Times are local (Europe/Budapest); days are offsets from the day of the first `seed_demo` run.
Registration windows are offsets from that day as well: four upcoming events have registration
open on that day (the upcoming speed dating among them: its demo participants booked
already, `cms.demo.speed_dating`), one opens later (the investment forum), and the past ones
closed before they started.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cms.demo.bilingual import T
from cms.demo.data import block
from event_booking.models import EventKind

#: Fields of interest of the speed-dating events (slug: name).
FIELDS_OF_INTEREST = {
    "kreativ-ipar": T("Kreatív ipar és formatervezés", "Creative industries and design"),
    "gyartas": T("Gyártás és termékfejlesztés", "Manufacturing and product development"),
    "orvostechnika": T("Orvostechnika", "Medical technology"),
    "gyogyszeripar": T("Gyógyszeripar", "Pharmaceuticals"),
    "digitalis-egeszseg": T("Digitális egészségügy", "Digital health"),
}

AGENCY = T("Észak-alföldi Klaszterközpont", "North Great Plain Cluster Centre")
PROGRAMME = T("Program", "Programme")


@dataclass(frozen=True)
class EventSeed:
    fields: dict[str, Any]
    starts_in_days: int
    starts_at: dt.time
    hours: int
    registration: tuple[int, int]  # opens, closes: days from the first run
    venue: str | None = None  # a key of `cms.demo.data.venues.VENUES`
    clusters: tuple[str, ...] = ()  # Hungarian slugs of participating clusters
    speed_field: str | None = None  # speed dating: a key of FIELDS_OF_INTEREST
    speed_deadline_days: int = 3  # speed dating: requests close this many days before


def description(intro: T, agenda: list[T]) -> list[dict]:
    return [
        block("paragraph", T(f"<p>{intro.hu}</p>", f"<p>{intro.en}</p>")),
        block("heading", {"text": PROGRAMME, "level": "h2"}),
        block(
            "paragraph",
            T(
                "<ul>" + "".join(f"<li>{item.hu}</li>" for item in agenda) + "</ul>",
                "<ul>" + "".join(f"<li>{item.en}</li>" for item in agenda) + "</ul>",
            ),
        ),
    ]


EVENTS = [
    EventSeed(
        fields={
            "title": T(
                "Agrár-élelmiszeripari üzletember-találkozó", "Agri-Food Business Brokerage Day"
            ),
            "slug": T("agrar-elelmiszeripari-uzletember-talalkozo", "agri-food-brokerage-day"),
            "kind": EventKind.BUSINESS_BROKERAGE,
            "summary": T(
                "Előre egyeztetett, húszperces tárgyalások gyümölcstermelők, feldolgozók és "
                "kereskedelmi láncok beszerzői között.",
                "Pre-arranged twenty-minute meetings between fruit growers, processors and "
                "buyers from retail chains.",
            ),
            "organiser": T(
                "Észak-alföldi Klaszterközpont és a Nyírségi Agrár-Élelmiszeripari Klaszter",
                "North Great Plain Cluster Centre and the Nyírség Agri-Food Cluster",
            ),
            "description": description(
                T(
                    "A résztvevők profiljuk alapján előre foglalnak időpontot egymással, így "
                    "egy nap alatt akár tíz célzott tárgyalásra is sor kerül.",
                    "Participants book meetings with each other in advance based on their "
                    "profiles, so up to ten targeted meetings fit into one day.",
                ),
                [
                    T("9:00 Regisztráció és kávé", "9:00 Registration and coffee"),
                    T("9:30 Tárgyalások", "9:30 Meetings"),
                    T("13:00 Ebéd és kötetlen kapcsolatépítés", "13:00 Lunch and networking"),
                ],
            ),
            "capacity": 80,
            "fee": Decimal("0"),
        },
        starts_in_days=-45,
        starts_at=dt.time(9, 0),
        hours=6,
        registration=(-90, -47),
        venue="nyiregyhaza-egyetem",
        clusters=("nyirsegi-agrar-elelmiszeripari-klaszter", "kelet-kapu-logisztikai-klaszter"),
    ),
    EventSeed(
        fields={
            "title": T(
                "Járműipari beszállítói üzletember-találkozó",
                "Automotive Supplier Brokerage Day",
            ),
            "slug": T(
                "jarmuipari-beszallitoi-uzletember-talalkozo", "automotive-supplier-brokerage-day"
            ),
            "kind": EventKind.BUSINESS_BROKERAGE,
            "summary": T(
                "A régió autóipari gyárainak beszerzői találkoznak a mechatronikai és "
                "elektronikai beszállítókkal.",
                "Buyers from the region's car plants meet mechatronics and electronics suppliers.",
            ),
            "organiser": T(
                "Jászsági Mechatronikai és Járműipari Klaszter",
                "Jászság Mechatronics and Automotive Cluster",
            ),
            "description": description(
                T(
                    "A találkozón a gyárak bemutatják jövő évi beszerzési igényeiket, majd "
                    "előre egyeztetett tárgyalások következnek.",
                    "The plants present their purchasing needs for next year, followed by "
                    "pre-arranged meetings.",
                ),
                [
                    T("9:00 A gyárak beszerzési igényei", "9:00 The plants' purchasing needs"),
                    T("10:30 Tárgyalások", "10:30 Meetings"),
                    T("14:00 Üzemlátogatás", "14:00 Plant visit"),
                ],
            ),
            "capacity": 60,
            "fee": Decimal("0"),
            "max_seats_per_booking": 2,
        },
        starts_in_days=24,
        starts_at=dt.time(9, 0),
        hours=7,
        registration=(-10, 21),
        venue="jaszbereny-ipari-park",
        clusters=("jaszsagi-mechatronikai-es-jarmuipari-klaszter",),
    ),
    EventSeed(
        fields={
            "title": T("Kiberbiztonság kkv-knak", "Cybersecurity for SMEs"),
            "slug": T("kiberbiztonsag-kkv-knak", "cybersecurity-for-smes"),
            "kind": EventKind.SEMINAR,
            "summary": T(
                "Gyakorlati szeminárium a leggyakoribb támadásokról és az olcsó, hatékony "
                "védekezésről.",
                "A practical seminar on the most common attacks and on cheap, effective defences.",
            ),
            "organiser": T("Debreceni Infokommunikációs Klaszter", "Debrecen ICT Cluster"),
            "description": description(
                T(
                    "Valós esetek alapján mutatjuk be, hogyan védheti meg egy kisvállalat az "
                    "adatait és a működését.",
                    "Using real cases, we show how a small company can protect its data and "
                    "its operations.",
                ),
                [
                    T("14:00 Adathalászat és zsarolóvírusok", "14:00 Phishing and ransomware"),
                    T("15:00 Mentés és helyreállítás", "15:00 Backup and recovery"),
                    T("16:00 Kérdések és válaszok", "16:00 Questions and answers"),
                ],
            ),
            "capacity": 50,
            "fee": Decimal("0"),
        },
        starts_in_days=-20,
        starts_at=dt.time(14, 0),
        hours=3,
        registration=(-50, -21),
        venue="debrecen-egyetem",
        clusters=("debreceni-infokommunikacios-klaszter",),
    ),
    EventSeed(
        fields={
            "title": T(
                "Energiaközösségek: jogi és pénzügyi szeminárium",
                "Energy Communities: Legal and Financial Seminar",
            ),
            "slug": T(
                "energiakozossegek-jogi-es-penzugyi-szeminarium",
                "energy-communities-legal-and-financial-seminar",
            ),
            "kind": EventKind.SEMINAR,
            "summary": T(
                "Online szeminárium önkormányzatoknak és vállalkozásoknak az "
                "energiaközösségek alapításáról és finanszírozásáról.",
                "An online seminar for municipalities and companies on setting up and "
                "financing energy communities.",
            ),
            "organiser": T(
                "Nagykunsági Megújuló Energia Klaszter", "Nagykunság Renewable Energy Cluster"
            ),
            "description": description(
                T(
                    "Jogász és energetikai szakértő mutatja be a szabályozást, a "
                    "működési modelleket és a megtérülést.",
                    "A lawyer and an energy expert present the regulations, the operating "
                    "models and the return on investment.",
                ),
                [
                    T("10:00 Szabályozási keretek", "10:00 Regulatory framework"),
                    T(
                        "11:00 Működési és finanszírozási modellek",
                        "11:00 Operating and financing models",
                    ),
                    T("12:00 Kérdések és válaszok", "12:00 Questions and answers"),
                ],
            ),
            "online_link": "https://meet.example.org/energiakozossegek",
            "capacity": 100,
            "fee": Decimal("25.00"),
        },
        starts_in_days=12,
        starts_at=dt.time(10, 0),
        hours=2,
        registration=(-14, 11),
        clusters=("nagykunsagi-megujulo-energia-klaszter",),
    ),
    EventSeed(
        fields={
            "title": T("Kreatív ipar találkozik az iparral", "Creative Meets Industry"),
            "slug": T("kreativ-ipar-talalkozik-az-iparral", "creative-meets-industry"),
            "kind": EventKind.SPEED_DATING,
            "summary": T(
                "Tízperces gyorstalálkozók kreatív vállalkozások és termékfejlesztő ipari "
                "cégek között.",
                "Ten-minute quick meetings between creative businesses and manufacturers "
                "developing products.",
            ),
            "organiser": T("Tisza-parti Kreatívipari Klaszter", "Tisza Riverside Creative Cluster"),
            "description": description(
                T(
                    "Minden asztalnál tíz perc jut a bemutatkozásra; a gong után "
                    "mindenki továbblép.",
                    "Each table has ten minutes for introductions; at the gong everyone moves on.",
                ),
                [
                    T("17:00 Köszöntő", "17:00 Welcome"),
                    T("17:15 Gyorstalálkozók", "17:15 Quick meetings"),
                    T("19:00 Fogadás", "19:00 Reception"),
                ],
            ),
            "capacity": 40,
            "fee": Decimal("0"),
            "max_seats_per_booking": 1,
            "speed_rounds": 8,
            "speed_meeting_minutes": 10,
            "speed_break_minutes": 5,
            "speed_tables": 12,
            "speed_max_requests": 8,
        },
        speed_field="kreativ-ipar",
        starts_in_days=-70,
        starts_at=dt.time(17, 0),
        hours=3,
        registration=(-100, -72),
        venue="szolnok-innovacio",
        clusters=("tisza-parti-kreativipari-klaszter", "alfoldi-epitoipari-klaszter"),
    ),
    EventSeed(
        fields={
            "title": T(
                "Egészségipari gyorsrandi kórházakkal",
                "Health Industry Speed Dating with Hospitals",
            ),
            "slug": T(
                "egeszsegipari-gyorsrandi-korhazakkal",
                "health-industry-speed-dating-with-hospitals",
            ),
            "kind": EventKind.SPEED_DATING,
            "summary": T(
                "Orvostechnikai és gyógyszeripari cégek rövid találkozói a régió kórházainak "
                "beszerzőivel és orvosaival.",
                "Short meetings of medical-device and pharmaceutical companies with "
                "purchasers and doctors of the region's hospitals.",
            ),
            "organiser": T(
                "Szabolcsi Egészségipari és Orvostechnikai Klaszter",
                "Szabolcs Health and Medical Technology Cluster",
            ),
            "description": description(
                T(
                    "A kórházak előre megadják fejlesztési igényeiket, a cégek ezekre "
                    "szabott megoldásokat mutatnak be.",
                    "Hospitals state their development needs in advance and companies present "
                    "solutions tailored to them.",
                ),
                [
                    T("13:00 A kórházak igényei", "13:00 The hospitals' needs"),
                    T("14:00 Gyorstalálkozók", "14:00 Quick meetings"),
                    T("16:30 Összegzés", "16:30 Wrap-up"),
                ],
            ),
            "capacity": 36,
            "fee": Decimal("15.00"),
            "max_seats_per_booking": 1,
            "speed_rounds": 10,
            "speed_meeting_minutes": 12,
            "speed_break_minutes": 3,
            "speed_tables": 10,
            "speed_max_requests": 8,
            "speed_objective": "at-least-n",
        },
        speed_field="orvostechnika",
        speed_deadline_days=2,
        starts_in_days=40,
        starts_at=dt.time(13, 0),
        hours=4,
        registration=(-21, 37),
        venue="nyiregyhaza-egyetem",
        clusters=(
            "szabolcsi-egeszsegipari-es-orvostechnikai-klaszter",
            "hajdusagi-gyogyszeripari-klaszter",
        ),
    ),
    EventSeed(
        fields={
            "title": T("Kelet–nyugati logisztikai fórum", "East–West Logistics Forum"),
            "slug": T("kelet-nyugati-logisztikai-forum", "east-west-logistics-forum"),
            "kind": EventKind.INTERNATIONAL,
            "summary": T(
                "Nemzetközi fórum szállítmányozóknak, vasúttársaságoknak és "
                "kikötőüzemeltetőknek az eurázsiai áruforgalomról.",
                "An international forum for forwarders, railway companies and port "
                "operators on Eurasian freight.",
            ),
            "organiser": T("Kelet-Kapu Logisztikai Klaszter", "East Gate Logistics Cluster"),
            "description": description(
                T(
                    "Előadások és kerekasztal-beszélgetés angol nyelven, szinkrontolmácsolással.",
                    "Talks and a panel discussion in English, with simultaneous interpreting.",
                ),
                [
                    T("9:30 Nyitóelőadás", "9:30 Keynote"),
                    T(
                        "11:00 Kerekasztal: a záhonyi átrakókörzet jövője",
                        "11:00 Panel: the future of the Záhony transhipment area",
                    ),
                    T("14:00 Üzleti tárgyalások", "14:00 Business meetings"),
                ],
            ),
            "capacity": 120,
            "fee": Decimal("60.00"),
        },
        starts_in_days=-100,
        starts_at=dt.time(9, 30),
        hours=8,
        registration=(-150, -102),
        venue="nyiregyhaza-egyetem",
        clusters=("kelet-kapu-logisztikai-klaszter",),
    ),
    EventSeed(
        fields={
            "title": T(
                "Észak-alföldi Befektetési és Klaszterfórum",
                "North Great Plain Investment and Cluster Forum",
            ),
            "slug": T(
                "eszak-alfoldi-befektetesi-es-klaszterforum",
                "north-great-plain-investment-and-cluster-forum",
            ),
            "kind": EventKind.INTERNATIONAL,
            "summary": T(
                "Kétnapos nemzetközi fórum befektetőknek és klasztereknek, kiállítással és "
                "előre egyeztetett tárgyalásokkal.",
                "A two-day international forum for investors and clusters, with an "
                "exhibition and pre-arranged meetings.",
            ),
            "organiser": AGENCY,
            "description": description(
                T(
                    "A régió legnagyobb klasztereinek bemutatkozása külföldi befektetőknek "
                    "és partnerrégióknak.",
                    "The region's largest clusters present themselves to foreign investors "
                    "and partner regions.",
                ),
                [
                    T(
                        "1. nap: befektetési előadások és kiállítás",
                        "Day 1: investment talks and exhibition",
                    ),
                    T("2. nap: tárgyalások és tanulmányutak", "Day 2: meetings and study visits"),
                ],
            ),
            "capacity": 150,
            "fee": Decimal("90.00"),
            "max_seats_per_booking": 4,
        },
        starts_in_days=55,
        starts_at=dt.time(9, 0),
        hours=32,
        registration=(5, 50),
        venue="hajduszoboszlo-konferencia",
        clusters=(
            "hajdusagi-gyogyszeripari-klaszter",
            "debreceni-infokommunikacios-klaszter",
            "jaszsagi-mechatronikai-es-jarmuipari-klaszter",
            "hajduszoboszlo-hortobagy-turisztikai-klaszter",
        ),
    ),
    EventSeed(
        fields={
            "title": T(
                "Klaszterszeminárium-nap: tagszolgáltatások fejlesztése",
                "Cluster Seminar Day: Developing Member Services",
            ),
            "slug": T(
                "klaszterszeminarium-nap-tagszolgaltatasok",
                "cluster-seminar-day-member-services",
            ),
            "kind": EventKind.CLUSTER_SEMINAR_DAY,
            "summary": T(
                "A régió klasztermenedzsereinek szakmai napja jó gyakorlatokról és új "
                "tagszolgáltatásokról.",
                "A professional day for the region's cluster managers on good practices and "
                "new member services.",
            ),
            "organiser": AGENCY,
            "description": description(
                T(
                    "Klasztermenedzserek mutatják be egymásnak legsikeresebb szolgáltatásaikat.",
                    "Cluster managers present their most successful services to each other.",
                ),
                [
                    T("10:00 Jó gyakorlatok", "10:00 Good practices"),
                    T("12:00 Ebéd", "12:00 Lunch"),
                    T("13:00 Műhelymunka", "13:00 Workshops"),
                ],
            ),
            "capacity": 90,
            "fee": Decimal("0"),
        },
        starts_in_days=-30,
        starts_at=dt.time(10, 0),
        hours=6,
        registration=(-60, -31),
        venue="debrecen-kolcsey",
        clusters=(
            "hajdusagi-gyogyszeripari-klaszter",
            "nyirsegi-agrar-elelmiszeripari-klaszter",
            "alfoldi-epitoipari-klaszter",
        ),
    ),
    EventSeed(
        fields={
            "title": T(
                "Klaszterszeminárium-nap: minősítés és akkreditáció",
                "Cluster Seminar Day: Labels and Accreditation",
            ),
            "slug": T(
                "klaszterszeminarium-nap-minosites-es-akkreditacio",
                "cluster-seminar-day-labels-and-accreditation",
            ),
            "kind": EventKind.CLUSTER_SEMINAR_DAY,
            "summary": T(
                "Hogyan készüljön fel egy klaszter a hazai akkreditációra és az ESCA/EUCLES "
                "minősítésre?",
                "How should a cluster prepare for Hungarian accreditation and the "
                "ESCA/EUCLES labels?",
            ),
            "organiser": AGENCY,
            "description": description(
                T(
                    "Minősített klaszterek menedzserei és egy ESCA-minősítő osztják meg "
                    "tapasztalataikat.",
                    "Managers of labelled clusters and an ESCA benchmarking expert share "
                    "their experience.",
                ),
                [
                    T("10:00 A minősítési rendszerek", "10:00 The labelling schemes"),
                    T("11:30 Esettanulmányok", "11:30 Case studies"),
                    T("13:30 Egyéni konzultáció", "13:30 One-to-one consultation"),
                ],
            ),
            "capacity": 70,
            "fee": Decimal("0"),
        },
        starts_in_days=8,
        starts_at=dt.time(10, 0),
        hours=5,
        registration=(-25, 6),
        venue="szolnok-innovacio",
        clusters=("alfoldi-epitoipari-klaszter", "tisza-parti-kreativipari-klaszter"),
    ),
]
