"""Demo agency services: a year of consultations (this year and last), applications written
for clusters and clusters supported at international business events.

Built so that the services log has every record for the current and the previous year
(dates are fixed days of those years, this year's never after today): last year's consultation
requests were accepted and delivered in full; this year's partly, with a session planned ten
days ahead; one request from `manager1`'s cluster waits for the consultant (the demo's walk-through:
the consultant accepts it, plans and logs two days, and the days left drop by two). The rows
are written directly, not through the services: their dates lie in the past, which the
request form refuses.

Idempotent: each kind of record is created only while its table is empty, so a second run (or
a run on a later day) adds nothing and moves no date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from agency_services.models import (
    ClusterApplication,
    ConsultationRequest,
    ConsultationSession,
    EventSupport,
    RequestStatus,
    SessionStatus,
)
from agency_services.models.consultations import RequestSource
from cluster_pages.models import ClusterProfilePage

#: (cluster slug, topic, what they need, sessions: (year, month, day, days)). Year 1 is last
#: year; year 0 this year, where a date after today becomes today (so it is delivered) and a
#: session with month 0 is planned ten days after today (within this year).
CONSULTATIONS = [
    (
        "nyirsegi-agrar-elelmiszeripari-klaszter",
        "Közös termékmárka a tagoknak",
        "Márkaépítési műhely és arculati kézikönyv a klaszter tagjainak közös termékeihez.",
        [(1, 3, 10, "2"), (1, 4, 14, "1.5"), (1, 6, 2, "1")],
    ),
    (
        "kelet-kapu-logisztikai-klaszter",
        "Nemzetközi vásári megjelenés",
        "Standkoncepció és angol nyelvű kiadványok a müncheni logisztikai vásárra.",
        [(1, 9, 8, "1"), (1, 9, 22, "2")],
    ),
    (
        "tisza-parti-kreativipari-klaszter",
        "Közösségimédia-stratégia",
        "Tartalomnaptár és célcsoport-elemzés a klaszter közösségi oldalaihoz.",
        [(0, 1, 20, "1"), (0, 2, 5, "0.5")],
    ),
    (
        "alfoldi-epitoipari-klaszter",
        "Honlap és tagtoborzás",
        "A klaszter honlapjának üzenetei és tagtoborzó kampány a megye építőipari cégeinek.",
        [(0, 1, 12, "2"), (0, 0, 0, "1")],
    ),
]
PENDING = (
    "hajdusagi-gyogyszeripari-klaszter",
    "Kommunikáció a klinikai partnerek felé",
    "Tájékoztató anyagok és egy partnertalálkozó kommunikációs terve.",
)
#: (cluster slug, programme, title, (year, month, day) as above, result)
APPLICATIONS = [
    (
        "debreceni-infokommunikacios-klaszter",
        "GINOP Plusz",
        "Klaszterfejlesztés",
        (1, 2, 28),
        "won",
    ),
    (
        "nyirsegi-agrar-elelmiszeripari-klaszter",
        "TOP Plusz",
        "Helyi termékek",
        (1, 5, 15),
        "rejected",
    ),
    (
        "jaszsagi-mechatronikai-es-jarmuipari-klaszter",
        "Interreg Europe",
        "EV-ipar",
        (1, 10, 1),
        "won",
    ),
    ("nagykunsagi-megujulo-energia-klaszter", "LIFE", "Energiaközösségek", (0, 1, 15), "pending"),
    (
        "hajdusagi-gyogyszeripari-klaszter",
        "Horizont Európa",
        "Klinikai hálózat",
        (0, 1, 30),
        "pending",
    ),
]
#: (cluster slug, event, place, (year, month, day) as above)
EVENT_SUPPORT = [
    ("jaszsagi-mechatronikai-es-jarmuipari-klaszter", "Automotive Expo", "Stuttgart", (1, 4, 22)),
    ("debreceni-infokommunikacios-klaszter", "Web Summit", "Lisszabon", (1, 11, 4)),
    ("szabolcsi-egeszsegipari-es-orvostechnikai-klaszter", "MEDICA", "Düsseldorf", (0, 1, 25)),
]


def seed_services(*, today: dt.date, clusters: Mapping[str, ClusterProfilePage]) -> int:
    """Create the demo service records that are missing; return how many rows were created."""
    created = 0
    with transaction.atomic():
        if not ConsultationRequest.objects.exists():
            created += _consultations(today, clusters)
        if not ClusterApplication.objects.exists():
            for slug, programme, title, when, result in APPLICATIONS:
                ClusterApplication.objects.create(
                    cluster=clusters[slug],
                    programme=programme,
                    title=title,
                    submitted_on=_day(today, *when),
                    result=result,
                )
                created += 1
        if not EventSupport.objects.exists():
            for slug, event, place, when in EVENT_SUPPORT:
                EventSupport.objects.create(
                    cluster=clusters[slug],
                    event_name=event,
                    place=place,
                    date=_day(today, *when),
                )
                created += 1
    return created


def _day(today: dt.date, years_back: int, month: int, day: int) -> dt.date:
    """A date of last year (`years_back` 1), or of this year no later than today (0); month 0
    means ten days after today, kept within this year."""
    if years_back:
        return dt.date(today.year - years_back, month, day)
    if month == 0:
        return min(today + dt.timedelta(days=10), dt.date(today.year, 12, 31))
    return min(dt.date(today.year, month, day), today)


def _consultations(today: dt.date, clusters: Mapping[str, ClusterProfilePage]) -> int:
    consultant = get_user_model().objects.filter(username="consultant").first()
    created = 0
    for slug, topic, needs, sessions in CONSULTATIONS:
        cluster = clusters[slug]
        dates = [(_day(today, *when), when[1] == 0, days) for *when, days in sessions]
        first = min(date for date, _planned, _days in dates) - dt.timedelta(days=20)
        request = ConsultationRequest.objects.create(
            cluster=cluster,
            organisation=cluster.title,
            contact_name=cluster.contact_name or cluster.title,
            email=cluster.contact_email or "info@example.org",
            language="hu",
            source=RequestSource.ADMIN,
            topic=topic,
            needs=needs,
            preferred_from=first,
            preferred_until=first + dt.timedelta(days=120),
            status=RequestStatus.ACCEPTED,
            decision_comment="Elfogadva, egyeztetjük az időpontokat.",
            decided_by=consultant,
        )
        for date, planned, days in dates:
            ConsultationSession.objects.create(
                request=request,
                date=date,
                days=Decimal(days),
                status=SessionStatus.PLANNED if planned else SessionStatus.DELIVERED,
            )
        created += 1
    slug, topic, needs = PENDING
    manager = get_user_model().objects.filter(username="manager1").first()
    ConsultationRequest.objects.create(
        cluster=clusters[slug],
        organisation=clusters[slug].title,
        contact_name=manager.get_full_name() if manager else clusters[slug].title,
        email=manager.email if manager else "manager1@example.org",
        language="hu",
        source=RequestSource.ADMIN,
        requested_by=manager,
        topic=topic,
        needs=needs,
        preferred_from=today + dt.timedelta(days=7),
        preferred_until=today + dt.timedelta(days=60),
    )
    return created + 1
