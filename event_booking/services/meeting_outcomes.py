"""Speed dating on the day and after: no-show marks, feedback, the follow-up, the figures.

- Check-in is the booking's own (`organiser.check_in`, the organiser's bookings screen).
- `set_no_show`: the organiser marks that one side of a meeting did not come.
- *Held* meeting: scheduled (not cancelled) and neither side marked as a no-show.
- Feedback (`record_feedback`): only the participant of a held meeting, through their manage
  link, only once the event has ended (its end, else its start); a rating 1-5 and an outcome.
  Answering again replaces the answer of the same stage. The stage is "after the event"
  until the six-month follow-up has been sent to the participant, "six months later" after.
- Jobs (`queue_feedback_requests`, hourly): once an event with a published schedule has
  ended, each participant with a held meeting gets one `sd-feedback` e-mail; six months
  (`FOLLOW_UP_AFTER`) after the end, one `sd-follow-up` e-mail (recorded in
  `Participant.follow_up_sent_at`). The outbox is unique per booking and kind, so a second
  run sends nothing. An anonymised booking gets neither.
- `event_outcomes`: the figures per event for the organisers' report and, later, the
  agency's evidence dashboard.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.locking import lock_for_transaction
from event_booking.models import (
    EmailKind,
    FeedbackStage,
    Meeting,
    MeetingFeedback,
    MeetingOutcome,
    MeetingStatus,
    Offering,
    Participant,
    Side,
    SpeedDatingEvent,
)
from event_booking.services.errors import BookingError, InvalidBooking
from event_booking.services.locking import lock_offering
from event_booking.services.notifications import queue_email
from event_booking.services.speed_dating_events import active_participants

#: The follow-up e-mail goes out this long after the event's end.
FOLLOW_UP_AFTER = dt.timedelta(days=182)
#: Feedback requests are not sent for events that ended longer ago than this (a job that was
#: off for a while does not write about an event of last year).
FEEDBACK_REQUEST_WINDOW = dt.timedelta(days=14)


class FeedbackClosed(BookingError):
    """Feedback cannot be given (yet) for this meeting."""

    default_message = _("Feedback opens when the event has ended.")


def held_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        status=MeetingStatus.SCHEDULED, company_no_show=False, researcher_no_show=False
    )


def event_end(offering: Offering) -> dt.datetime | None:
    return offering.ends_at or offering.starts_at


def feedback_open(participant: Participant, *, now: dt.datetime | None = None) -> bool:
    """Whether the participant may rate meetings now: the event has ended, the schedule was
    published, and they took part (see `speed_dating_events.active_participants`)."""
    now = now or timezone.now()
    offering = participant.booking.offering
    end = event_end(offering)
    if end is None or now < end:
        return False
    published = SpeedDatingEvent.objects.filter(
        offering=offering, schedule_published_at__isnull=False
    ).exists()
    return published and active_participants(offering.pk).filter(pk=participant.pk).exists()


def feedback_stage(participant: Participant) -> str:
    """The stage an answer given now belongs to (module docstring)."""
    if participant.follow_up_sent_at is not None:
        return FeedbackStage.FOLLOW_UP
    return FeedbackStage.AFTER_EVENT


def meetings_to_rate(participant: Participant) -> list[Meeting]:
    """The participant's held meetings with both people loaded, by round."""
    mine = Q(company=participant) | Q(researcher=participant)
    return list(
        held_meetings()
        .filter(mine, event__offering_id=participant.booking.offering_id)
        .select_related("company__booking", "researcher__booking")
        .order_by("round")
    )


def record_feedback(
    *,
    participant_id: int,
    meeting_id: int,
    rating: int,
    outcome: str,
    now: dt.datetime | None = None,
) -> MeetingFeedback:
    """Store (or replace) the participant's rating and outcome of one held meeting, at the
    current stage.

    Raises:
        InvalidBooking: "meeting" (not one of theirs, or not held), "rating" (not 1-5),
            "outcome" (not one of the choices).
        FeedbackClosed: the event has not ended, or they did not take part.
    """
    with transaction.atomic():
        participant = Participant.objects.select_related("booking__offering").get(pk=participant_id)
        if not feedback_open(participant, now=now):
            raise FeedbackClosed()
        if not any(m.pk == meeting_id for m in meetings_to_rate(participant)):
            raise InvalidBooking(_("This is not one of your meetings."), field="meeting")
        if not isinstance(rating, int) or not 1 <= rating <= 5:
            raise InvalidBooking(_("Give a rating from 1 to 5."), field="rating")
        if outcome not in MeetingOutcome.values:
            raise InvalidBooking(_("Choose one of the outcomes."), field="outcome")
        feedback, _created = MeetingFeedback.objects.update_or_create(
            meeting_id=meeting_id,
            participant=participant,
            stage=feedback_stage(participant),
            defaults={"rating": rating, "outcome": outcome},
        )
        return feedback


def set_no_show(*, meeting_id: int, side: str, no_show: bool) -> Meeting:
    """Mark (or unmark) that the company or the researcher of a meeting did not come.

    Raises:
        InvalidBooking("side"): `side` is neither "company" nor "researcher";
            ("meeting"): no such scheduled meeting.
    """
    if side not in Side.values:
        raise InvalidBooking(_("Choose the company or the researcher."), field="side")
    with transaction.atomic():
        offering_id = (
            Meeting.objects.filter(pk=meeting_id, status=MeetingStatus.SCHEDULED)
            .values_list("event__offering_id", flat=True)
            .first()
        )
        if offering_id is None:
            raise InvalidBooking(_("No such meeting."), field="meeting")
        lock_offering(offering_id=offering_id)
        meeting = Meeting.objects.get(pk=meeting_id)
        setattr(meeting, f"{side}_no_show", no_show)
        meeting.save(update_fields=[f"{side}_no_show", "updated_at"])
        return meeting


# --- jobs ---------------------------------------------------------------------------------------


def _ended_events(*, before: dt.datetime, after: dt.datetime | None) -> QuerySet[SpeedDatingEvent]:
    events = SpeedDatingEvent.objects.filter(schedule_published_at__isnull=False).alias(
        end=Coalesce("offering__ends_at", "offering__starts_at")
    )
    events = events.filter(end__lte=before)
    return events.filter(end__gt=after) if after is not None else events


def _with_held_meetings(offering_id: int) -> QuerySet[Participant]:
    held = held_meetings().filter(event__offering_id=offering_id)
    ids = set(held.values_list("company_id", flat=True)) | set(
        held.values_list("researcher_id", flat=True)
    )
    return active_participants(offering_id).filter(pk__in=ids).select_related("booking")


def queue_feedback_requests(*, now: dt.datetime | None = None) -> int:
    """Queue the after-event feedback e-mail and the six-month follow-up where due (module
    docstring); return how many e-mails were queued. Safe to run twice or on two workers:
    it holds a named lock, skips bookings that already have the row, and marks follow-ups."""
    now = now or timezone.now()
    queued = 0
    with transaction.atomic():
        lock_for_transaction("event_booking.speed_dating_feedback")
        for event in _ended_events(before=now, after=now - FEEDBACK_REQUEST_WINDOW):
            participants = _with_held_meetings(event.offering_id).exclude(
                booking__emails__kind=EmailKind.SPEED_FEEDBACK
            )
            for participant in participants:
                queue_email(booking=participant.booking, kind=EmailKind.SPEED_FEEDBACK)
                queued += 1
        for event in _ended_events(before=now - FOLLOW_UP_AFTER, after=None):
            participants = list(
                _with_held_meetings(event.offering_id).filter(follow_up_sent_at__isnull=True)
            )
            for participant in participants:
                queue_email(booking=participant.booking, kind=EmailKind.SPEED_FOLLOW_UP)
            Participant.objects.filter(pk__in=[p.pk for p in participants]).update(
                follow_up_sent_at=now
            )
            queued += len(participants)
    return queued


# --- the figures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeFigures:
    """What happened at one speed-dating event (for the report and the evidence dashboard).

    `outcomes` counts answers per outcome value, per stage (`FeedbackStage` values);
    `average_rating` per stage (None without answers).
    """

    participants: int
    checked_in: int
    meetings_scheduled: int
    meetings_held: int
    no_shows: int
    feedback_answers: dict[str, int] = field(default_factory=dict)
    average_rating: dict[str, float | None] = field(default_factory=dict)
    outcomes: dict[str, dict[str, int]] = field(default_factory=dict)


def event_outcomes(*, offering_id: int) -> OutcomeFigures:
    """The figures of one event: participants taking part and checked in, meetings
    scheduled and held, no-show marks, and the feedback per stage."""
    people = active_participants(offering_id)
    scheduled = Meeting.objects.filter(
        event__offering_id=offering_id, status=MeetingStatus.SCHEDULED
    )
    marks = scheduled.aggregate(
        companies=Count("pk", filter=Q(company_no_show=True)),
        researchers=Count("pk", filter=Q(researcher_no_show=True)),
    )
    feedback = MeetingFeedback.objects.filter(meeting__event__offering_id=offering_id)
    outcomes: dict[str, dict[str, int]] = {}
    answers: dict[str, int] = {}
    averages: dict[str, float | None] = {}
    for stage in FeedbackStage.values:
        rows = feedback.filter(stage=stage)
        counts = Counter(dict(rows.values_list("outcome").annotate(n=Count("pk"))))
        outcomes[stage] = {value: counts.get(value, 0) for value in MeetingOutcome.values}
        answers[stage] = sum(counts.values())
        average = rows.aggregate(avg=Avg("rating"))["avg"]
        averages[stage] = round(average, 2) if average is not None else None
    return OutcomeFigures(
        participants=people.count(),
        checked_in=people.filter(booking__checked_in_at__isnull=False).count(),
        meetings_scheduled=scheduled.count(),
        meetings_held=held_meetings().filter(event__offering_id=offering_id).count(),
        no_shows=marks["companies"] + marks["researchers"],
        feedback_answers=answers,
        average_rating=averages,
        outcomes=outcomes,
    )
