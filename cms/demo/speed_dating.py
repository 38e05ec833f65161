"""Demo speed dating: two events with participants of both sides and their requests.

The casts (people, requests, answers) are declared in `cms.demo.data.speed_dating`:

* The past event (`CREATIVE`, "Creative meets industry", 70 days ago) shows everything up to
  the day after: the schedule the scheduler made from the requests, published (agenda e-mails
  queued), a few check-ins, a no-show and some feedback.
* The upcoming event (`HEALTH`, "Health industry speed dating with hospitals", in 40 days)
  shows the organiser's side before the request deadline: the participant list published,
  requests still open (mutual, one-sided accepted, pending) and a *draft* schedule the
  scheduler made at seeding time. A draft is seen by nobody but organisers and e-mails nobody.
  The organiser runs the scheduler again from the offering's bookings screen (requests sent
  since then count), and publishes the schedule from its speed-dating screen; if nobody does,
  the deadline job expires the pending requests and runs the scheduler once more.

Bookings are written directly, confirmed, with the fee owed (the past event's registration is
closed, so the booking service would refuse them, and demo bookers need no confirmation
e-mail); the profile is stored by `speed_dating_profiles.create_profile`. Everything after goes
through the services: for the past event with the clock set to before its request deadline,
for the upcoming one at the real time (the admin's "Run the scheduler" uses it too).

Idempotent: an event that already has participants is left alone, and so is an upcoming event
whose request deadline has passed (its requests could not be sent any more).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from cms.demo.data.speed_dating import CREATIVE, HEALTH, Cast, Person
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


def seed_speed_dating(*, fields_of_interest: dict[str, FieldOfInterest]) -> int:
    """Add the demo's speed-dating participants, requests and schedules (module docstring);
    return how many participants were created (0 when already there)."""
    created = _seed_past(CREATIVE, fields_of_interest)
    upcoming = _event_without_participants(HEALTH)
    now = timezone.now()
    if upcoming is not None and now < upcoming[1].speed_request_deadline:
        offering, page = upcoming
        with transaction.atomic():
            people = _add_cast(HEALTH, offering, page, fields_of_interest, now=now)
            run_scheduler(offering_id=offering.pk, now=now)  # a draft: not published
        created += len(people)
    return created


def seed_earlier_edition(*, fields_of_interest: dict[str, FieldOfInterest], slug: str) -> int:
    """The past event's cast, schedule and day at an earlier edition of it (Hungarian `slug`,
    `data.last_year`), so the evidence dashboard has last year's meetings and outcomes."""
    return _seed_past(replace(CREATIVE, slug=slug), fields_of_interest)


def _seed_past(cast: Cast, fields_of_interest: dict[str, FieldOfInterest]) -> int:
    """A past event: the cast before its deadline, the published schedule, the day itself."""
    past = _event_without_participants(cast)
    if past is None:
        return 0
    offering, page = past
    deadline = page.speed_request_deadline
    with transaction.atomic():
        people = _add_cast(
            cast, offering, page, fields_of_interest, now=deadline - dt.timedelta(days=1)
        )
        run_scheduler(offering_id=offering.pk, now=deadline)
        publish_schedule(offering_id=offering.pk, now=deadline)
        _the_day(offering, people)
    return len(people)


def _event_without_participants(cast: Cast) -> tuple[Offering, EventPage] | None:
    """The cast's live Hungarian event page and its offering, unless either is missing or the
    event already has participants."""
    page = EventPage.objects.filter(slug=cast.slug, locale__language_code="hu").first()
    offering = (
        Offering.objects.filter(page_translation_key=page.translation_key).first() if page else None
    )
    if page is None or offering is None or page.speed_request_deadline is None:
        return None
    if Participant.objects.filter(booking__offering=offering).exists():
        return None
    return offering, page


def _add_cast(
    cast: Cast,
    offering: Offering,
    page: EventPage,
    fields_of_interest: dict[str, FieldOfInterest],
    *,
    now: dt.datetime,
) -> list[Participant]:
    """Book the cast, publish the participant list, send the requests and the answers."""
    people = [
        _participant(offering, page, f"{cast.email_prefix}-{n}", person, fields_of_interest, now)
        for n, person in enumerate(cast.people, start=1)
    ]
    speed_dating_events.publish_participants(offering_id=offering.pk)
    for sender, recipients in cast.requests:
        matchmaking.send_requests(
            participant_id=people[sender].pk,
            recipient_ids=[people[i].pk for i in recipients],
            now=now,
        )
    for recipient, sender, accept in cast.answers:
        request = people[recipient].requests_received.get(sender=people[sender])
        matchmaking.answer_request(
            participant_id=people[recipient].pk, request_id=request.pk, accept=accept, now=now
        )
    return people


def _participant(
    offering: Offering,
    page: EventPage,
    mailbox: str,
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
        email=f"{mailbox}@example.org",
        organisation=person.organisation,
        amount_due=offering.fee,
        currency=offering.currency,
        consent=current_consent(),
        confirmed_at=now,
    )
    profile = CleanProfile(
        side=person.side,
        organisation=person.organisation,
        cluster_id=(
            page.participating_clusters.filter(slug=person.cluster)
            .values_list("pk", flat=True)
            .first()
            if person.cluster
            else None
        ),
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
