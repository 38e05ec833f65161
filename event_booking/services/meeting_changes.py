"""Changing a speed-dating schedule meeting by meeting: the organiser's edits and the refill
after cancellations.

Organiser edits (`move_meeting`, `swap_meetings`, `cancel_meeting`, `set_meeting_lock`) work
on a draft or a published schedule. A moved or swapped meeting becomes locked: the organiser
placed it, so a later scheduler run keeps it. Every edit is checked before anything is
written: the round and table exist, and nobody (company, researcher) and no table is used
twice in a round; a refused edit raises `InvalidBooking` naming the field ("round", "table",
"other") and changes nothing. The database's partial unique constraints back this up.

`refill_freed_slots` ("fill freed slots only") runs after a participant left a published
schedule (cancelled booking, anonymised, consent withdrawn): their meetings are cancelled
and the freed places go to the best pairs that still fit (`scheduler.fill_freed_slots`),
without moving any other meeting. Pairs whose meeting was cancelled once are not offered
again (an organiser's cancellation stands).

Each change set raises the schedule version once and notifies everyone it touched, once
(`speed_dating_agendas.notify_schedule_change`), in their booking's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_q.tasks import async_task

from event_booking.models import (
    Booking,
    BookingStatus,
    EventPage,
    Meeting,
    MeetingStatus,
    SpeedDatingEvent,
)
from event_booking.scheduler import fill_freed_slots
from event_booking.services.errors import InvalidBooking
from event_booking.services.locking import lock_offering
from event_booking.services.matchmaking import request_weights
from event_booking.services.speed_dating_agendas import notify_schedule_change
from event_booking.services.speed_dating_events import (
    active_participants,
    require_event_page,
    speed_event,
)
from event_booking.services.speed_dating_schedule import add_meetings, min_meetings_for, slot_of


def _locked_meeting(meeting_id: int) -> tuple[Meeting, SpeedDatingEvent, EventPage]:
    """The meeting under its offering's lock, with its event and page (re-read after the
    lock). Raises InvalidBooking("meeting") when it is gone or cancelled."""
    found = Meeting.objects.filter(pk=meeting_id).values_list("event__offering_id", flat=True)
    if not found:
        raise InvalidBooking(_("No such meeting."), field="meeting")
    offering = lock_offering(offering_id=found[0])
    page = require_event_page(offering)
    meeting = Meeting.objects.select_related("event").get(pk=meeting_id)
    if meeting.status != MeetingStatus.SCHEDULED:
        raise InvalidBooking(_("This meeting is cancelled."), field="meeting")
    return meeting, meeting.event, page


def _check_place(
    meeting: Meeting, *, round_number: int, table: int, page: EventPage, ignore: set[int]
) -> None:
    """Refuse a place outside the event or taken in that round (by a table or a person)."""
    if not 1 <= round_number <= page.speed_rounds:
        raise InvalidBooking(
            _("Choose a round from 1 to %(rounds)s.") % {"rounds": page.speed_rounds},
            field="round",
        )
    if not 1 <= table <= page.speed_tables:
        raise InvalidBooking(
            _("Choose a table from 1 to %(tables)s.") % {"tables": page.speed_tables},
            field="table",
        )
    others = (
        meeting.event.meetings.filter(status=MeetingStatus.SCHEDULED, round=round_number)
        .exclude(pk__in=ignore | {meeting.pk})
        .values_list("table", "company_id", "researcher_id")
    )
    for other_table, company, researcher in others:
        if other_table == table:
            raise InvalidBooking(
                _("Table %(table)s is taken in round %(round)s.")
                % {"table": table, "round": round_number},
                field="table",
            )
        if meeting.company_id == company or meeting.researcher_id == researcher:
            raise InvalidBooking(
                _("One of the two already has a meeting in round %(round)s.")
                % {"round": round_number},
                field="round",
            )


def move_meeting(*, meeting_id: int, round_number: int, table: int) -> Meeting:
    """Move a meeting to another round and/or table and lock it; notify both people.

    Raises:
        InvalidBooking: "meeting" (gone or cancelled), "round" (no such round, or one of the
            two is busy then), "table" (no such table, or it is taken in that round).
    """
    with transaction.atomic():
        meeting, event, page = _locked_meeting(meeting_id)
        _check_place(meeting, round_number=round_number, table=table, page=page, ignore=set())
        if (meeting.round, meeting.table) == (round_number, table):
            return meeting
        meeting.round, meeting.table, meeting.locked = round_number, table, True
        meeting.version += 1
        meeting.save(update_fields=["round", "table", "locked", "version", "updated_at"])
        notify_schedule_change(
            event=event, participant_ids=[meeting.company_id, meeting.researcher_id]
        )
        return meeting


def swap_meetings(*, meeting_id: int, other_id: int) -> tuple[Meeting, Meeting]:
    """Swap the places (round and table) of two meetings of one event and lock both;
    notify the (up to four) people.

    Raises:
        InvalidBooking: "meeting" or "other" (gone, cancelled, the same meeting, another
            event), "round" (someone would have two meetings in a round).
    """
    with transaction.atomic():
        meeting, event, page = _locked_meeting(meeting_id)
        other = Meeting.objects.filter(
            pk=other_id, event=event, status=MeetingStatus.SCHEDULED
        ).first()
        if other is None or other.pk == meeting.pk:
            raise InvalidBooking(
                _("Choose another scheduled meeting of this event."), field="other"
            )
        pair = {meeting.pk, other.pk}
        _check_place(meeting, round_number=other.round, table=other.table, page=page, ignore=pair)
        _check_place(other, round_number=meeting.round, table=meeting.table, page=page, ignore=pair)
        first, second = (meeting.round, meeting.table), (other.round, other.table)
        # The partial unique constraints hold among scheduled meetings only: park one meeting
        # outside them while the other takes its place.
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)
        for row, (round_number, table) in ((other, first), (meeting, second)):
            row.round, row.table, row.locked = round_number, table, True
            row.status = MeetingStatus.SCHEDULED
            row.version += 1
            row.save(update_fields=["round", "table", "locked", "status", "version", "updated_at"])
        notify_schedule_change(
            event=event,
            participant_ids=[
                meeting.company_id,
                meeting.researcher_id,
                other.company_id,
                other.researcher_id,
            ],
        )
        return meeting, other


def cancel_meeting(*, meeting_id: int) -> Meeting:
    """Cancel one meeting (its place becomes free; the pair is not scheduled again by a
    refill); notify both people."""
    with transaction.atomic():
        meeting, event, _page = _locked_meeting(meeting_id)
        meeting.status = MeetingStatus.CANCELLED
        meeting.version += 1
        meeting.save(update_fields=["status", "version", "updated_at"])
        notify_schedule_change(
            event=event, participant_ids=[meeting.company_id, meeting.researcher_id]
        )
        return meeting


def set_meeting_lock(*, meeting_id: int, locked: bool) -> Meeting:
    """Lock a meeting (every scheduler run keeps it) or unlock it. Nobody is notified: the
    meeting itself does not change."""
    with transaction.atomic():
        meeting, _event, _page = _locked_meeting(meeting_id)
        if meeting.locked != locked:
            meeting.locked = locked
            meeting.save(update_fields=["locked", "updated_at"])
        return meeting


# --- fill freed slots --------------------------------------------------------------------------


@dataclass(frozen=True)
class RefillResult:
    cancelled: int
    added: int
    notified: list[int]


def refill_freed_slots(*, offering_id: int, force: bool = False) -> RefillResult:
    """Cancel the meetings of participants who left a published schedule and give the freed
    places to the best pairs that still fit, moving no other meeting (module docstring).

    Without `force` (the job after a cancellation) nothing happens unless someone left, so
    running it twice changes nothing the second time. With `force` (the organiser's "fill
    freed slots" button) places freed by cancelled meetings are offered too.
    """
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        page = require_event_page(offering)
        event = speed_event(offering)
        if event.schedule_published_at is None:
            return RefillResult(0, 0, [])
        taking_part = set(active_participants(offering_id).values_list("pk", flat=True))
        meetings = list(event.meetings.filter(status=MeetingStatus.SCHEDULED))
        leaving = [
            m
            for m in meetings
            if m.company_id not in taking_part or m.researcher_id not in taking_part
        ]
        if not leaving and not force:
            return RefillResult(0, 0, [])
        removed = {
            str(pid)
            for m in leaving
            for pid in (m.company_id, m.researcher_id)
            if pid not in taking_part
        }
        cancelled_pairs = set(
            event.meetings.filter(status=MeetingStatus.CANCELLED).values_list(
                "company_id", "researcher_id"
            )
        )
        weights = {
            pair: weight
            for pair, weight in request_weights(
                offering_id=offering_id, max_requests=page.speed_max_requests
            ).items()
            if (int(pair[0]), int(pair[1])) not in cancelled_pairs
        }
        report = fill_freed_slots(
            rounds=page.speed_rounds,
            tables=page.speed_tables,
            weights=weights,
            existing=[slot_of(m) for m in meetings],
            removed=removed,
            min_meetings=min_meetings_for(page, weights=weights),
        )
        now = timezone.now()
        Meeting.objects.filter(pk__in=[m.pk for m in leaving]).update(
            status=MeetingStatus.CANCELLED, updated_at=now
        )
        added = add_meetings(event, report.meetings, existing=meetings)
        touched = {pid for m in leaving for pid in (m.company_id, m.researcher_id)}
        touched |= {pid for m in added for pid in (m.company_id, m.researcher_id)}
        notified = notify_schedule_change(event=event, participant_ids=touched)
        return RefillResult(cancelled=len(leaving), added=len(added), notified=notified)


def booking_left(*, booking: Booking) -> bool:
    """After a booking changed: when it left a published speed-dating schedule (cancelled,
    anonymised) while still holding meetings, enqueue the refill job after commit. Returns
    whether it did. Cheap for every other booking: one query."""
    if booking.status == BookingStatus.CONFIRMED and booking.anonymised_at is None:
        return False
    holds = Meeting.objects.filter(
        Q(company__booking=booking) | Q(researcher__booking=booking),
        status=MeetingStatus.SCHEDULED,
        event__schedule_published_at__isnull=False,
    ).exists()
    if holds:
        offering_id = booking.offering_id
        transaction.on_commit(
            lambda: async_task("event_booking.jobs.speed_dating_refill", offering_id)
        )
    return holds


def refill_sweep(*, now: dt.datetime | None = None) -> int:
    """The backstop of the job `booking_left` enqueues (a Redis broker may lose it): run
    `refill_freed_slots` for every published speed-dating event that has not started (a
    handful at a time; each returns at once when nobody left). Returns how many events
    changed; harmless to repeat."""
    now = now or timezone.now()
    offering_ids = SpeedDatingEvent.objects.filter(
        schedule_published_at__isnull=False, offering__starts_at__gt=now
    ).values_list("offering_id", flat=True)
    changed = 0
    for offering_id in sorted(offering_ids):
        changed += bool(refill_freed_slots(offering_id=offering_id).cancelled)
    return changed
