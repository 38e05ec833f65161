"""Venues of the demo events and training runs (translatable snippets).

A venue is found again by its Hungarian name; `key` is how events and runs refer to it here.
"""

from cms.demo.bilingual import T

HUNGARY = T("Magyarország", "Hungary")

VENUES = {
    "debrecen-egyetem": {
        "name": T("Debreceni Egyetem, Főépület", "University of Debrecen, Main Building"),
        "street_address": "Egyetem tér 1.",
        "postal_code": "4032",
        "city": "Debrecen",
        "country": HUNGARY,
        "directions": T(
            "<p>A 3-as villamos Egyetem megállójától 2 perc gyalog; parkolás a főépület "
            "mögött.</p>",
            "<p>A 2-minute walk from the University stop of tram line 3; parking behind the "
            "main building.</p>",
        ),
        "map_url": "https://www.openstreetmap.org/search?query=Debrecen%20Egyetem%20t%C3%A9r%201",
    },
    "debrecen-kolcsey": {
        "name": T("Kölcsey Központ", "Kölcsey Centre"),
        "street_address": "Hunyadi János utca 1–3.",
        "postal_code": "4026",
        "city": "Debrecen",
        "country": HUNGARY,
        "directions": T(
            "<p>A belvárosban, a Kossuth tértől 5 perc sétára. A mélygarázs bejárata a "
            "Hunyadi utca felől nyílik.</p>",
            "<p>In the city centre, a 5-minute walk from Kossuth Square. The underground car "
            "park is entered from Hunyadi Street.</p>",
        ),
        "map_url": "https://www.openstreetmap.org/search?query=Debrecen%20Hunyadi%20utca%201",
    },
    "nyiregyhaza-egyetem": {
        "name": T(
            "Nyíregyházi Egyetem, Konferenciaterem", "University of Nyíregyháza, Conference Hall"
        ),
        "street_address": "Sóstói út 31/B",
        "postal_code": "4400",
        "city": "Nyíregyháza",
        "country": HUNGARY,
        "directions": T(
            "<p>A vasútállomástól a 8-as busszal, az Egyetem megállóig.</p>",
            "<p>From the railway station take bus 8 to the University stop.</p>",
        ),
        "map_url": "https://www.openstreetmap.org/search?query=Ny%C3%ADregyh%C3%A1za%20S%C3%B3st%C3%B3i%20%C3%BAt%2031",
    },
    "szolnok-innovacio": {
        "name": T(
            "Szolnoki Innovációs és Rendezvényközpont", "Szolnok Innovation and Event Centre"
        ),
        "street_address": "Tiszaligeti sétány 14.",
        "postal_code": "5000",
        "city": "Szolnok",
        "country": HUNGARY,
        "directions": T(
            "<p>A Tiszaligetben, a belvárosból a Tiszavirág hídon át gyalog 10 perc.</p>",
            "<p>In Tiszaliget park, a 10-minute walk from the centre over the Tiszavirág "
            "bridge.</p>",
        ),
        "map_url": "https://www.openstreetmap.org/search?query=Szolnok%20Tiszaliget",
    },
    "jaszbereny-ipari-park": {
        "name": T(
            "Jászberényi Ipari Park, Oktatóközpont", "Jászberény Industrial Park, Training Centre"
        ),
        "street_address": "Ipari park 3.",
        "postal_code": "5100",
        "city": "Jászberény",
        "country": HUNGARY,
        "directions": T(
            "<p>A 31-es főútról a Jászberény-Nyugat lehajtónál; ingyenes parkoló az "
            "épület előtt.</p>",
            "<p>Leave main road 31 at the Jászberény West exit; free parking in front of the "
            "building.</p>",
        ),
        "map_url": "https://www.openstreetmap.org/search?query=J%C3%A1szber%C3%A9ny",
    },
    "hajduszoboszlo-konferencia": {
        "name": T("Hajdúszoboszlói Konferenciaközpont", "Hajdúszoboszló Conference Centre"),
        "street_address": "Szent István park 3.",
        "postal_code": "4200",
        "city": "Hajdúszoboszló",
        "country": HUNGARY,
        "directions": T(
            "<p>A fürdő főbejáratával szemben; a debreceni repülőtérről 30 perc autóval.</p>",
            "<p>Opposite the main entrance of the spa; 30 minutes by car from Debrecen "
            "airport.</p>",
        ),
        "map_url": "https://www.openstreetmap.org/search?query=Hajd%C3%BAszoboszl%C3%B3",
    },
}
