"""Demo speed dating: participants of both sides, requests and a published schedule.

Built on the past speed-dating event of the demo (`SPEED_DATING_SLUG`, "Creative meets industry",
70 days ago), so everything a participant and an organiser can see is there: the profiles,
requests (mutual and one-sided accepted ones, some still pending, one declined), the
schedule the scheduler made from them, published, with the agenda e-mails queued, a few
check-ins, a no-show and some feedback.

The bookings are written directly (registration of a past event is closed, so the booking
service would refuse them), with the profile stored by `speed_dating_profiles.create_profile`;
everything after goes through the services, with the clock set to before the request
deadline where the services check it. Participants write their profile in their own
language (Hungarian or English), as real ones do.

Idempotent: nothing is done when the event already has participants.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from event_booking.models import (
    Booking,
    BookingStatus,
    EventPage,
    FieldOfInterest,
    Offering,
    Participant,
)
from event_booking.services import matchmaking, meeting_outcomes, speed_dating_events
from event_booking.services.bookings import new_reference
from event_booking.services.consent import current_consent
from event_booking.services.speed_dating_agendas import publish_schedule
from event_booking.services.speed_dating_profiles import CleanProfile, create_profile
from event_booking.services.speed_dating_schedule import run_scheduler

#: The Hungarian slug of the demo's past speed-dating event.
SPEED_DATING_SLUG = "kreativ-ipar-talalkozik-az-iparral"


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


PEOPLE = [
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

#: Requests: (sender index, [recipient indices, first choice first]).
REQUESTS = [
    (0, [5, 7]),
    (1, [6, 5]),
    (2, [5, 8]),
    (3, [7]),
    (4, [8, 6]),
    (5, [0, 2]),
    (6, [1, 4]),
    (8, [4]),
]
#: Answers given to requests: (recipient index, sender index, accepted?). Requests to
#: participants who accept automatically are accepted at once; the rest stay pending.
ANSWERS = [(6, 4, True), (8, 2, False)]


def seed_speed_dating(
    *, fields_of_interest: dict[str, FieldOfInterest], slug: str = SPEED_DATING_SLUG
) -> int:
    """Add the demo's speed-dating participants, requests and published schedule (module
    docstring) to the past speed-dating event `slug` (also last year's edition,
    `data.last_year`); return how many participants were created (0 when already there)."""
    page = EventPage.objects.filter(slug=slug, locale__language_code="hu").first()
    offering = (
        Offering.objects.filter(page_translation_key=page.translation_key).first() if page else None
    )
    if page is None or offering is None:
        return 0
    if Participant.objects.filter(booking__offering=offering).exists():
        return 0
    before_deadline = page.speed_request_deadline - dt.timedelta(days=1)
    with transaction.atomic():
        people = [
            _participant(offering, page, n, person, fields_of_interest, before_deadline)
            for n, person in enumerate(PEOPLE, start=1)
        ]
        speed_dating_events.publish_participants(offering_id=offering.pk)
        for sender, recipients in REQUESTS:
            matchmaking.send_requests(
                participant_id=people[sender].pk,
                recipient_ids=[people[i].pk for i in recipients],
                now=before_deadline,
            )
        for recipient, sender, accept in ANSWERS:
            request = people[recipient].requests_received.get(sender=people[sender])
            matchmaking.answer_request(
                participant_id=people[recipient].pk,
                request_id=request.pk,
                accept=accept,
                now=before_deadline,
            )
        run_scheduler(offering_id=offering.pk, now=page.speed_request_deadline)
        publish_schedule(offering_id=offering.pk, now=page.speed_request_deadline)
        _the_day(offering, people)
    return len(people)


def _participant(
    offering: Offering,
    page: EventPage,
    n: int,
    person: Person,
    fields_of_interest: dict[str, FieldOfInterest],
    now: dt.datetime,
) -> Participant:
    booking = Booking.objects.create(
        reference=new_reference(),
        offering=offering,
        page=page,
        status=BookingStatus.CONFIRMED,
        language=person.language,
        name=person.name,
        email=f"speed-dating-{n}@example.org",
        organisation=person.organisation,
        consent=current_consent(),
        confirmed_at=now,
    )
    profile = CleanProfile(
        side=person.side,
        organisation=person.organisation,
        cluster_id=None,
        interest_ids=tuple(fields_of_interest[slug].pk for slug in person.interests),
        offer=person.offer,
        look_for=person.look_for,
        auto_accept=person.auto_accept,
    )
    return create_profile(booking=booking, profile=profile, now=now)


def _the_day(offering: Offering, people: list[Participant]) -> None:
    """Check-ins, one no-show and a little feedback, so the outcomes report has figures."""
    start = offering.starts_at or timezone.now()
    Booking.objects.filter(pk__in=[p.booking_id for p in people[:-1]]).update(checked_in_at=start)
    meetings = list(offering.speed_dating.meetings.order_by("round", "table"))
    if not meetings:
        return
    missing = people[-1]
    for meeting in meetings:
        if missing.pk in (meeting.company_id, meeting.researcher_id):
            meeting_outcomes.set_no_show(meeting_id=meeting.pk, side=missing.side, no_show=True)
    after = (offering.ends_at or start) + dt.timedelta(hours=1)
    outcomes = ["joint-project-idea", "follow-up-planned", "no-further-contact"]
    held = [m for m in meetings if missing.pk not in (m.company_id, m.researcher_id)]
    for n, meeting in enumerate(held):
        meeting_outcomes.record_feedback(
            participant_id=meeting.company_id,
            meeting_id=meeting.pk,
            rating=5 - n % 3,
            outcome=outcomes[n % 3],
            now=after,
        )
