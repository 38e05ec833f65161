"""Running the meeting scheduler for a speed-dating event and storing its meetings.

`run_scheduler` (the organiser's "run the scheduler" action and the deadline job) turns the
requests into weights (`matchmaking.request_weights`), calls the pure `scheduler.schedule`
with the event's objective and keeps every locked meeting, then replaces the unlocked
meetings in one transaction (under the offering's lock, the lock cancellations take). Only
while the schedule is unpublished: afterwards a full re-run would move published meetings, so
it is refused (`ScheduleLocked`); changes then go through "fill freed slots" and single
meeting edits.

Objective: "most wanted meetings" -> ``min_meetings=0`` (the largest total weight);
"everyone gets at least N" -> ``min_meetings=N``, or, with N left empty, the largest floor any
schedule can give everyone (`max_fair_floor`).

`run_at_deadline` is what the one-off job at the request deadline calls: it expires pending
requests and runs the scheduler once per deadline (`SpeedDatingEvent.deadline_run_for`), so
a retried or duplicated job stores one schedule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from event_booking.models import (
    EventPage,
    Meeting,
    MeetingStatus,
    Objective,
    SpeedDatingEvent,
)
from event_booking.scheduler import Meeting as Slot
from event_booking.scheduler import ScheduleReport, max_fair_floor, schedule_report
from event_booking.services.errors import ScheduleLocked
from event_booking.services.locking import lock_offering
from event_booking.services.matchmaking import expire_pending_requests, request_weights
from event_booking.services.speed_dating_events import (
    active_participants,
    event_page,
    require_event_page,
    speed_event,
)


def min_meetings_for(page: EventPage, *, weights: dict[tuple[str, str], int]) -> int:
    """The floor k the event's objective asks the scheduler for (see the module docstring)."""
    if page.speed_objective != Objective.AT_LEAST_N:
        return 0
    if page.speed_min_meetings:
        return page.speed_min_meetings
    return max_fair_floor(rounds=page.speed_rounds, tables=page.speed_tables, weights=weights)


def _store(event: SpeedDatingEvent, report: ScheduleReport, kept: set[int]) -> None:
    event.meetings.filter(status=MeetingStatus.SCHEDULED, locked=False).delete()
    # Locks of participants who dropped out go: their meetings cannot take place.
    event.meetings.filter(status=MeetingStatus.SCHEDULED, locked=True).exclude(pk__in=kept).update(
        status=MeetingStatus.CANCELLED, updated_at=timezone.now()
    )
    add_meetings(event, report.meetings, existing=event.meetings.filter(pk__in=kept))


def slot_of(meeting: Meeting) -> Slot:
    """A stored meeting as the pure scheduler knows it."""
    return Slot(meeting.round, meeting.table, str(meeting.company_id), str(meeting.researcher_id))


def add_meetings(
    event: SpeedDatingEvent, slots: Iterable[Slot], *, existing: Iterable[Meeting]
) -> list[Meeting]:
    """Store the scheduler's `slots` that are not among the `existing` meetings."""
    known = {slot_of(m) for m in existing}
    return Meeting.objects.bulk_create(
        Meeting(
            event=event,
            round=slot.round,
            table=slot.table,
            company_id=int(slot.company),
            researcher_id=int(slot.researcher),
        )
        for slot in slots
        if Slot(*slot) not in known
    )


def run_scheduler(*, offering_id: int, now: dt.datetime | None = None) -> ScheduleReport:
    """Compute and store the schedule of an unpublished speed-dating event.

    Returns the scheduler's report (also stored, as figures, on the event).

    Raises:
        InvalidBooking("offering"): not a live speed-dating event.
        ScheduleLocked: the schedule is published.
    """
    now = now or timezone.now()
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        page = require_event_page(offering)
        event = speed_event(offering)
        if event.schedule_published_at is not None:
            raise ScheduleLocked()
        taking_part = set(active_participants(offering_id).values_list("pk", flat=True))
        locks = [
            m
            for m in event.meetings.filter(status=MeetingStatus.SCHEDULED, locked=True)
            if m.company_id in taking_part and m.researcher_id in taking_part
        ]
        weights = request_weights(offering_id=offering_id, max_requests=page.speed_max_requests)
        floor = min_meetings_for(page, weights=weights)
        report = schedule_report(
            rounds=page.speed_rounds,
            tables=page.speed_tables,
            weights=weights,
            locked=[slot_of(m) for m in locks],
            min_meetings=floor,
        )
        _store(event, report, kept={m.pk for m in locks})
        event.scheduled_at = now
        event.schedule_report = {
            "meetings": len(report.meetings),
            "total_weight": report.total_weight,
            "optimum_without_locks": report.optimum_without_locks,
            "bound_with_locks": report.bound_with_locks,
            "dropped": report.dropped,
            "min_meetings": floor,
            "participants": len(taking_part),
        }
        event.save(update_fields=["scheduled_at", "schedule_report"])
        return report


def run_at_deadline(*, offering_id: int, now: dt.datetime | None = None) -> str:
    """The request-deadline job's work: expire pending requests, then run the scheduler
    once for this deadline. Returns what happened ("not due", "done already", "published",
    "scheduled"). Safe to run twice or late: the deadline it handled is recorded under the
    offering's lock, and a deadline moved later makes an early run do nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        page = event_page(offering)
        deadline = page.speed_request_deadline if page else None
        if deadline is None or now < deadline:
            return "not due"
        event = speed_event(offering)
        if event.deadline_run_for == deadline:
            return "done already"
        expire_pending_requests(offering_id=offering_id, now=now)
        outcome = "published"
        if event.schedule_published_at is None:
            run_scheduler(offering_id=offering_id, now=now)
            outcome = "scheduled"
        SpeedDatingEvent.objects.filter(pk=event.pk).update(deadline_run_for=deadline)
        return outcome
