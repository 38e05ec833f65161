"""Speed-dating agendas: what each participant and the organisers see of a schedule.

*Published*: participants see nothing of the schedule (no agenda, no `.ics`, no e-mail)
until the organiser publishes it (`publish_schedule`); organisers see the draft grid at once.
A participant sees only their own meetings, and only while taking part
(`speed_dating_events.active_participants`: confirmed, not anonymised, profile consent given);
of a partner, the name and organisation they booked with (what the partner's profile consent
covers).

*Times*: round r runs from the event's start + (r - 1) x (meeting + break) minutes for the
meeting's length, in Europe/Budapest; the settings come from the live source-language page
(`speed_dating_events.event_page`).

*Notices*: `publish_schedule` queues one `sd-schedule` e-mail per participant taking part
(sequence 0). Every later change set (an organiser's edit, a refill after cancellations)
raises `SpeedDatingEvent.schedule_version` once and queues one `sd-schedule-changed` e-mail
with that version as the outbox sequence to each participant it touched
(`notify_schedule_change`): a change set is announced once per person, and a job or request
that runs twice finds the outbox row already there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from event_booking import calendars
from event_booking.calendar_entries import CalendarEntry, budapest, calendar_uid
from event_booking.models import (
    EmailKind,
    EventPage,
    Meeting,
    MeetingStatus,
    Participant,
    Side,
    SpeedDatingEvent,
)
from event_booking.services.errors import InvalidBooking
from event_booking.services.locking import lock_offering
from event_booking.services.notifications import queue_email
from event_booking.services.speed_dating_events import (
    active_participants,
    event_page,
    require_event_page,
    speed_event,
)


@dataclass(frozen=True)
class AgendaItem:
    """One meeting as a participant sees it."""

    meeting_id: int
    round: int
    table: int
    start: dt.datetime
    end: dt.datetime
    partner_name: str
    partner_organisation: str
    partner_side: str


def round_times(page: EventPage, round_number: int) -> tuple[dt.datetime, dt.datetime]:
    """Start and end of round `round_number` (from 1), in Europe/Budapest."""
    step = dt.timedelta(minutes=page.speed_meeting_minutes + page.speed_break_minutes)
    start = timezone.localtime(page.start, budapest()) + (round_number - 1) * step
    return start, start + dt.timedelta(minutes=page.speed_meeting_minutes)


def scheduled_meetings(event: SpeedDatingEvent) -> QuerySet[Meeting]:
    """The event's scheduled (not cancelled) meetings with both people loaded."""
    return event.meetings.filter(status=MeetingStatus.SCHEDULED).select_related(
        "company__booking", "researcher__booking"
    )


def participant_event(participant: Participant) -> tuple[SpeedDatingEvent, EventPage] | None:
    """The published event and its page of a participant taking part, else None."""
    offering = participant.booking.offering
    page = event_page(offering)
    event = SpeedDatingEvent.objects.filter(offering=offering).first()
    if page is None or event is None or event.schedule_published_at is None:
        return None
    if not active_participants(offering.pk).filter(pk=participant.pk).exists():
        return None
    return event, page


def agenda_for(participant: Participant) -> list[AgendaItem] | None:
    """The participant's meetings, by round; None while they may see no schedule (not
    published, or not taking part). Meetings with a partner who dropped out are left out
    (the refill job cancels them shortly)."""
    found = participant_event(participant)
    if found is None:
        return None
    event, page = found
    taking_part = set(active_participants(event.offering_id).values_list("pk", flat=True))
    mine = Q(company=participant) | Q(researcher=participant)
    items = []
    for meeting in scheduled_meetings(event).filter(mine).order_by("round"):
        partner = meeting.researcher if participant.side == Side.COMPANY else meeting.company
        if partner.pk not in taking_part:
            continue
        start, end = round_times(page, meeting.round)
        items.append(
            AgendaItem(
                meeting_id=meeting.pk,
                round=meeting.round,
                table=meeting.table,
                start=start,
                end=end,
                partner_name=partner.booking.name,
                partner_organisation=partner.organisation,
                partner_side=partner.side,
            )
        )
    return items


def agenda_lines(items: Iterable[AgendaItem]) -> list[str]:
    """One plain-text line per meeting, in the active language (e-mails, print)."""
    return [
        _("Round %(round)s, %(start)s–%(end)s, table %(table)s: %(name)s (%(organisation)s)")
        % {
            "round": item.round,
            "start": item.start.strftime("%H:%M"),
            "end": item.end.strftime("%H:%M"),
            "table": item.table,
            "name": item.partner_name,
            "organisation": item.partner_organisation,
        }
        for item in items
    ]


def agenda_ics(participant: Participant, language: str) -> bytes | None:
    """The participant's agenda as iCalendar, one entry per meeting (table and partner in
    its title, the venue as its place), in `language`; None while no agenda may be seen.

    UIDs are per meeting and participant, so a moved meeting updates the calendar entry."""
    items = agenda_for(participant)
    if items is None:
        return None
    offering = participant.booking.offering
    with translation.override(language):
        event_entry = calendars.offering_entry(offering, language)
        entries = [
            CalendarEntry(
                uid=calendar_uid(f"speed-meeting-{item.meeting_id}-{participant.pk}"),
                title=_("Table %(table)s: %(organisation)s (%(name)s)")
                % {
                    "table": item.table,
                    "organisation": item.partner_organisation,
                    "name": item.partner_name,
                },
                summary=_("Round %(round)s of %(event)s")
                % {"round": item.round, "event": event_entry.title},
                url="",
                start=item.start,
                end=item.end,
                all_day=False,
                venue_name=event_entry.venue_name,
                venue_address=event_entry.venue_address,
            )
            for item in items
        ]
        name = _("My meetings – %(event)s") % {"event": event_entry.title}
    return calendars.build_calendar(entries, name=name)


# --- the organisers' grid --------------------------------------------------------------------


@dataclass(frozen=True)
class GridRound:
    """One row of the grid: a round with its times and one cell per table (None = free)."""

    round: int
    start: dt.datetime
    end: dt.datetime
    cells: list[Meeting | None]


def schedule_grid(event: SpeedDatingEvent, page: EventPage) -> list[GridRound]:
    """Rounds x tables of the event's scheduled meetings (draft or published)."""
    by_slot = {(m.round, m.table): m for m in scheduled_meetings(event)}
    rounds = []
    for number in range(1, page.speed_rounds + 1):
        start, end = round_times(page, number)
        cells = [by_slot.get((number, table)) for table in range(1, page.speed_tables + 1)]
        rounds.append(GridRound(round=number, start=start, end=end, cells=cells))
    return rounds


GRID_CSV_HEADERS = (
    pgettext_lazy("speed dating", "Round"),
    pgettext_lazy("speed dating", "Start"),
    pgettext_lazy("speed dating", "End"),
    pgettext_lazy("speed dating", "Table"),
    pgettext_lazy("speed dating", "Company"),
    pgettext_lazy("speed dating", "Company contact"),
    pgettext_lazy("speed dating", "Researcher"),
    pgettext_lazy("speed dating", "Researcher contact"),
    pgettext_lazy("speed dating", "Locked"),
)

LOCKED_TEXT = {
    True: pgettext_lazy("speed dating", "yes"),
    False: pgettext_lazy("speed dating", "no"),
}


def grid_csv_rows(grid: list[GridRound]) -> list[list[object]]:
    """One CSV row per meeting of the grid (free tables left out), in `GRID_CSV_HEADERS`."""
    rows: list[list[object]] = []
    for row in grid:
        for meeting in row.cells:
            if meeting is None:
                continue
            rows.append(
                [
                    row.round,
                    row.start.strftime("%H:%M"),
                    row.end.strftime("%H:%M"),
                    meeting.table,
                    meeting.company.organisation,
                    meeting.company.booking.name,
                    meeting.researcher.organisation,
                    meeting.researcher.booking.name,
                    str(LOCKED_TEXT[meeting.locked]),
                ]
            )
    return rows


@dataclass(frozen=True)
class TableCard:
    """What one table's card shows: its number and who sits there in each round."""

    table: int
    rounds: list[tuple[GridRound, Meeting | None]]


def table_cards(grid: list[GridRound]) -> list[TableCard]:
    """One card per table (to print and put on the table), rounds in order."""
    tables = len(grid[0].cells) if grid else 0
    return [
        TableCard(table=t + 1, rounds=[(row, row.cells[t]) for row in grid]) for t in range(tables)
    ]


# --- publication and change notices ---------------------------------------------------------


def publish_schedule(*, offering_id: int, now: dt.datetime | None = None) -> SpeedDatingEvent:
    """Publish the stored schedule: participants see their agendas, and each participant
    taking part gets the `sd-schedule` e-mail with their agenda (those without a meeting
    learn that too). Publishing again changes nothing and sends nothing.

    Raises:
        InvalidBooking("offering"): not a live speed-dating event, or the scheduler has not
            run yet.
    """
    now = now or timezone.now()
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        require_event_page(offering)
        event = speed_event(offering)
        if event.schedule_published_at is not None:
            return event
        if event.scheduled_at is None:
            raise InvalidBooking(
                gettext_lazy("Run the scheduler before publishing the schedule."),
                field="offering",
            )
        event.schedule_published_at = now
        event.save(update_fields=["schedule_published_at"])
        for participant in active_participants(offering_id).select_related("booking"):
            queue_email(booking=participant.booking, kind=EmailKind.SPEED_SCHEDULE)
        return event


def notify_schedule_change(*, event: SpeedDatingEvent, participant_ids: Iterable[int]) -> list[int]:
    """Announce one change set: raise the schedule version once and queue an
    `sd-schedule-changed` e-mail (sequence = the new version) to each of `participant_ids`
    still taking part. Nothing is sent for a draft schedule (nobody has seen it yet).

    Call it inside the transaction that made the change, holding the offering's lock.
    Returns the participants notified.
    """
    if event.schedule_published_at is None:
        return []
    ids = set(participant_ids)
    if not ids:
        return []
    event.schedule_version += 1
    event.save(update_fields=["schedule_version"])
    notified = list(
        active_participants(event.offering_id).filter(pk__in=ids).select_related("booking")
    )
    for participant in notified:
        queue_email(
            booking=participant.booking,
            kind=EmailKind.SPEED_SCHEDULE_CHANGED,
            sequence=event.schedule_version,
        )
    return [p.pk for p in notified]
