"""Speed dating (issue 11, item 5): changes after publication. A cancelled participant's places
are refilled without moving any other meeting; organisers move, swap, cancel and lock
meetings, with clear errors; everyone affected is told once, in their language."""

import pytest
from django.core import mail
from django.test import Client

from event_booking.jobs import (
    SCHEDULES,
    deliver_email,
    speed_dating_refill,
    speed_dating_refill_sweep,
)
from event_booking.models import EmailKind, EmailOutbox, Meeting, MeetingStatus
from event_booking.services import bookings, meeting_changes
from event_booking.services.errors import InvalidBooking
from tests.event_booking.organiser_helpers import editor_without_booking_rights, organiser
from tests.event_booking.speed_schedule_helpers import scheduled_world


@pytest.fixture
def world(home, django_capture_on_commit_callbacks, monkeypatch):
    # Three rounds, two tables; hu/en companies, hu/en researchers; four meetings.
    return scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch)


def places(meetings):
    return {m.pk: (m.round, m.table, m.company_id, m.researcher_id) for m in meetings}


def free_move(world):
    """A meeting and a (round, table) it can move to: the table free, both people free."""
    meetings = world.meetings()
    taken = {(m.round, m.table) for m in meetings}
    for meeting in meetings:
        people = {meeting.company_id, meeting.researcher_id}
        busy = {
            m.round
            for m in meetings
            if m.pk != meeting.pk and people & {m.company_id, m.researcher_id}
        }
        for round_number in range(1, 4):
            for table in (1, 2):
                if round_number not in busy and (round_number, table) not in taken:
                    return meeting, round_number, table
    pytest.fail("no free place in the test world")


def clashing_swap(world):
    """Two meetings whose swap would give someone two meetings in one round."""
    meetings = world.meetings()
    for a in meetings:
        for b in meetings:
            if a.round == b.round:
                continue
            third = [m for m in meetings if m.pk not in {a.pk, b.pk}]
            for moved, into in ((a, b.round), (b, a.round)):
                people = {moved.company_id, moved.researcher_id}
                if any(m.round == into and people & {m.company_id, m.researcher_id} for m in third):
                    return a, b
    pytest.fail("no clashing swap in the test world")


# --- fill freed slots ------------------------------------------------------------------------


def test_a_cancelled_participant_is_replaced_without_moving_any_other_meeting(
    home, django_capture_on_commit_callbacks, monkeypatch
):
    # One researcher, two rounds, three companies: one company is left without a meeting.
    people = (("company", "hu"), ("company", "hu"), ("company", "en"), ("researcher", "hu"))
    world = scheduled_world(
        home, django_capture_on_commit_callbacks, monkeypatch, people=people, speed_rounds=2
    )
    waiting = next(c for c in world.companies if not world.meetings_of(c))
    leaving = next(c for c in world.companies if world.meetings_of(c))
    freed = world.meetings_of(leaving)[0]
    before = places(world.meetings())
    others = {pk: p for pk, p in before.items() if p[2] != leaving.pk}

    with django_capture_on_commit_callbacks(execute=True):
        bookings.cancel_booking(booking_id=leaving.booking_id)

    after = places(world.meetings())
    assert {pk: after[pk] for pk in others} == others
    assert all(p[2] != leaving.pk for p in after.values())
    [new] = world.meetings_of(waiting)
    assert (new.round, new.table) == (freed.round, freed.table)
    [notice] = [m for m in mail.outbox if m.to[0] == waiting.booking.email]
    assert world.researchers[0].organisation in notice.body


def test_the_people_touched_by_a_refill_are_told_once_in_their_language(
    world, django_capture_on_commit_callbacks
):
    leaving = world.companies[0]
    partners = {m.researcher.booking.email for m in world.meetings_of(leaving)}

    with django_capture_on_commit_callbacks(execute=True):
        bookings.cancel_booking(booking_id=leaving.booking_id)
    changed = [m for m in mail.outbox if m.to[0] != leaving.booking.email]

    assert partners <= {m.to[0] for m in changed}
    assert len({m.to[0] for m in changed}) == len(changed)
    english = [m for m in changed if m.to[0] == world.researchers[1].booking.email]
    assert english and english[0].subject.startswith("Your meetings have changed:")
    hungarian = [m for m in changed if m.to[0] == world.researchers[0].booking.email]
    assert hungarian and hungarian[0].subject.startswith("Változtak a találkozói:")


def test_the_refill_job_run_twice_changes_and_sends_nothing_more(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bookings.cancel_booking(booking_id=world.companies[0].booking_id)
    before, sent = places(world.meetings()), len(mail.outbox)
    rows = EmailOutbox.objects.filter(kind=EmailKind.SPEED_SCHEDULE_CHANGED).count()

    with django_capture_on_commit_callbacks(execute=True):
        assert speed_dating_refill(world.offering.pk) == "cancelled 0, added 0"
    for outbox in EmailOutbox.objects.filter(kind=EmailKind.SPEED_SCHEDULE_CHANGED):
        assert deliver_email(outbox.pk) == "nothing to do"

    assert places(world.meetings()) == before
    assert len(mail.outbox) == sent
    assert EmailOutbox.objects.filter(kind=EmailKind.SPEED_SCHEDULE_CHANGED).count() == rows


def test_nothing_is_refilled_or_sent_for_an_unpublished_schedule(
    home, django_capture_on_commit_callbacks, monkeypatch
):
    world = scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch, publish=False)

    with django_capture_on_commit_callbacks(execute=True):
        bookings.cancel_booking(booking_id=world.companies[0].booking_id)

    assert not EmailOutbox.objects.filter(kind=EmailKind.SPEED_SCHEDULE_CHANGED).exists()


# --- organiser edits -------------------------------------------------------------------------


def test_moving_to_a_taken_table_is_refused_on_the_table_and_changes_nothing(world):
    first, second = world.meetings()[:2]  # round 1, tables 1 and 2
    before = places(world.meetings())

    with pytest.raises(InvalidBooking) as error:
        meeting_changes.move_meeting(
            meeting_id=first.pk, round_number=second.round, table=second.table
        )

    assert error.value.field == "table"
    assert places(world.meetings()) == before
    assert not mail.outbox


def test_moving_into_a_round_where_a_person_is_busy_is_refused_on_the_round(world):
    meeting = world.meetings_of(world.companies[0])[0]
    busy = world.meetings_of(world.companies[0])[1]

    with pytest.raises(InvalidBooking) as error:
        meeting_changes.move_meeting(meeting_id=meeting.pk, round_number=busy.round, table=2)

    assert error.value.field in {"round", "table"}
    assert Meeting.objects.get(pk=meeting.pk).round == meeting.round


@pytest.mark.parametrize(("round_number", "table", "field"), [(4, 1, "round"), (1, 3, "table")])
def test_moving_outside_the_rounds_or_tables_is_refused(world, round_number, table, field):
    meeting = world.meetings()[0]

    with pytest.raises(InvalidBooking) as error:
        meeting_changes.move_meeting(meeting_id=meeting.pk, round_number=round_number, table=table)

    assert error.value.field == field


def test_a_move_locks_the_meeting_and_tells_both_people_once(
    world, django_capture_on_commit_callbacks
):
    meeting, round_number, table = free_move(world)

    with django_capture_on_commit_callbacks(execute=True):
        meeting_changes.move_meeting(meeting_id=meeting.pk, round_number=round_number, table=table)

    moved = Meeting.objects.get(pk=meeting.pk)
    assert (moved.round, moved.table, moved.locked) == (round_number, table, True)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [meeting.company.booking.email, meeting.researcher.booking.email]
    )


def test_a_swap_exchanges_places_and_refuses_a_double_booking(
    world, django_capture_on_commit_callbacks
):
    first, second = world.meetings()[:2]  # round 1, tables 1 and 2: a safe swap

    with django_capture_on_commit_callbacks(execute=True):
        meeting_changes.swap_meetings(meeting_id=first.pk, other_id=second.pk)

    a, b = Meeting.objects.get(pk=first.pk), Meeting.objects.get(pk=second.pk)
    assert (a.round, a.table) == (second.round, second.table)
    assert (b.round, b.table) == (first.round, first.table)
    assert a.locked and b.locked
    assert len(mail.outbox) == 4


def test_a_swap_that_would_double_book_someone_is_refused_on_the_round(world):
    a, b = clashing_swap(world)
    before = places(world.meetings())

    with pytest.raises(InvalidBooking) as error:
        meeting_changes.swap_meetings(meeting_id=a.pk, other_id=b.pk)

    assert error.value.field == "round"
    assert places(world.meetings()) == before


def test_a_cancelled_meeting_frees_its_place_and_is_not_refilled_with_the_same_pair(
    world, django_capture_on_commit_callbacks
):
    meeting = world.meetings()[0]

    with django_capture_on_commit_callbacks(execute=True):
        meeting_changes.cancel_meeting(meeting_id=meeting.pk)
        meeting_changes.refill_freed_slots(offering_id=world.offering.pk, force=True)

    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.CANCELLED
    pairs = {(m.company_id, m.researcher_id) for m in world.meetings()}
    assert (meeting.company_id, meeting.researcher_id) not in pairs
    assert {m.to[0] for m in mail.outbox} >= {
        meeting.company.booking.email,
        meeting.researcher.booking.email,
    }


# --- the admin screens -----------------------------------------------------------------------


def test_the_organiser_sees_the_grid_exports_csv_and_prints_table_cards(world):
    client = Client()
    client.force_login(organiser())
    url = f"/admin/bookings/offerings/{world.offering.pk}/speed-dating/"

    grid = client.get(url)
    csv = client.get(url + "?export=csv")
    cards = client.get(url + "?print=cards")

    assert grid.status_code == 200
    assert grid.content.decode().count("data-meeting=") == 4
    lines = csv.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("Round,Start,End,Table,Company")
    assert len(lines) == 5
    assert cards.content.decode().count("data-table-card=") == 2
    assert "size: A4" in cards.content.decode()


def test_an_invalid_move_in_the_admin_is_shown_next_to_the_field(world):
    client = Client()
    client.force_login(organiser())
    first, second = world.meetings()[:2]

    response = client.post(
        f"/admin/bookings/meetings/{first.pk}/",
        {"action": "move", "round": second.round, "table": second.table},
    )

    assert response.status_code == 400
    assert "is taken in round" in response.content.decode()
    assert Meeting.objects.get(pk=first.pk).table == first.table


def test_someone_without_booking_rights_cannot_change_meetings(world):
    client = Client()
    client.force_login(editor_without_booking_rights())
    meeting = world.meetings()[0]

    response = client.post(f"/admin/bookings/meetings/{meeting.pk}/", {"action": "cancel"})
    grid = client.get(f"/admin/bookings/offerings/{world.offering.pk}/speed-dating/")

    assert response.status_code == 302
    assert grid.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.SCHEDULED


def test_the_sweep_refills_when_the_refill_job_was_lost(world, monkeypatch):
    monkeypatch.setattr("event_booking.services.meeting_changes.async_task", lambda *a: None)
    leaving = world.companies[0]
    bookings.cancel_booking(booking_id=leaving.booking_id)  # its refill job is "lost"
    assert world.meetings_of(leaving)

    assert speed_dating_refill_sweep() == 1
    assert speed_dating_refill_sweep() == 0
    assert not world.meetings_of(leaving)
    assert "event_booking.speed_dating_refill_sweep" in {s["name"] for s in SCHEDULES}
