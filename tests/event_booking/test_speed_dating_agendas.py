"""Speed dating (issue 11, item 6): each participant's agenda at their manage link (HTML and
`.ics`), the agenda e-mails in both languages, and what nobody else may see."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from icalendar import Calendar

from event_booking.jobs import deliver_email
from event_booking.models import EmailKind, EmailOutbox
from event_booking.services import bookings, speed_dating_agendas
from event_booking.services.errors import InvalidBooking
from event_booking.tokens import booking_token
from tests import factories
from tests.event_booking.organiser_helpers import organiser
from tests.event_booking.speed_dating_helpers import speed_event
from tests.event_booking.speed_schedule_helpers import scheduled_world

BUDAPEST = ZoneInfo("Europe/Budapest")


def agenda_url(participant, language="hu", suffix="agenda/"):
    booking = participant.booking
    return f"/{language}/bookings/{booking.reference}/{suffix}?token={booking_token(booking)}"


def round_start(world, meeting):
    """10-minute meetings, 5-minute breaks: round r starts 15 (r - 1) minutes in."""
    return world.page.start.astimezone(BUDAPEST) + dt.timedelta(minutes=15 * (meeting.round - 1))


@pytest.fixture
def world(home, django_capture_on_commit_callbacks, monkeypatch):
    return scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch)


def test_the_agenda_lists_the_participants_own_meetings_with_times_tables_and_partners(world):
    company = world.companies[0]
    mine = world.meetings_of(company)

    response = Client().get(agenda_url(company, "en"))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert "Your meetings" in html
    assert html.count("data-meeting=") == len(mine) > 0
    for meeting in mine:
        start = round_start(world, meeting)
        assert f'data-meeting="{meeting.pk}"' in html
        assert start.strftime("%H:%M") in html
        assert meeting.researcher.organisation in html
    others = [m for m in world.meetings() if m not in mine]
    assert others and all(f'data-meeting="{m.pk}"' not in html for m in others)


def test_the_agenda_speaks_the_language_of_the_address(world):
    response = Client().get(agenda_url(world.researchers[0], "hu"))

    assert "Találkozói" in response.content.decode()


def test_the_agenda_has_print_styles_for_one_a4_page(world):
    html = Client().get(agenda_url(world.companies[0])).content.decode()

    assert "agenda-print.css" in html
    css = settings.BASE_DIR / "event_booking/static/event_booking/agenda-print.css"
    assert "size: A4" in css.read_text()


def test_the_ics_has_one_entry_per_meeting_with_table_partner_and_budapest_time(world):
    company = world.companies[0]
    mine = world.meetings_of(company)

    response = Client().get(agenda_url(company, "en", "agenda.ics"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == len(mine)
    by_start = {e.decoded("dtstart"): e for e in events}
    for meeting in mine:
        start = round_start(world, meeting)
        event = by_start[start]
        assert str(event["summary"]) == (
            f"Table {meeting.table}: {meeting.researcher.organisation} "
            f"({meeting.researcher.booking.name})"
        )
        assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=10)
        assert event.decoded("dtstart").tzinfo.key == "Europe/Budapest"


def test_nothing_of_an_unpublished_schedule_is_shown(
    home, django_capture_on_commit_callbacks, monkeypatch
):
    world = scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch, publish=False)
    company = world.companies[0]
    assert world.meetings_of(company)

    page = Client().get(agenda_url(company, "en"))
    ics = Client().get(agenda_url(company, "en", "agenda.ics"))

    assert "data-agenda-unpublished" in page.content.decode()
    assert "data-meeting=" not in page.content.decode()
    assert ics.status_code == 404
    assert not EmailOutbox.objects.filter(kind=EmailKind.SPEED_SCHEDULE).exists()


def test_a_wrong_token_or_another_booking_shows_no_agenda(world):
    company = world.companies[0]
    reference = company.booking.reference
    other = world.companies[1].booking

    assert Client().get(f"/en/bookings/{reference}/agenda/?token=x").status_code == 404
    wrong = f"/en/bookings/{reference}/agenda.ics?token={booking_token(other)}"
    assert Client().get(wrong).status_code == 404
    plain = factories.booking(factories.offering(factories.event(world.page.get_parent())))
    assert Client().get(agenda_url_for_booking(plain)).status_code == 404


def agenda_url_for_booking(booking):
    return f"/en/bookings/{booking.reference}/agenda/?token={booking_token(booking)}"


def test_a_cancelled_participant_sees_no_agenda(world, django_capture_on_commit_callbacks):
    company = world.companies[0]
    with django_capture_on_commit_callbacks(execute=True):
        bookings.cancel_booking(booking_id=company.booking_id)

    response = Client().get(agenda_url(company, "en"))
    ics = Client().get(agenda_url(company, "en", "agenda.ics"))

    assert "data-meeting=" not in response.content.decode()
    assert "data-agenda-inactive" in response.content.decode()
    assert ics.status_code == 404


# --- e-mails ---------------------------------------------------------------------------------


def test_publishing_emails_each_participant_their_agenda_in_their_language(
    home, django_capture_on_commit_callbacks, monkeypatch
):
    world = scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch, publish=False)

    with django_capture_on_commit_callbacks(execute=True):
        speed_dating_agendas.publish_schedule(offering_id=world.offering.pk)

    by_address = {m.to[0]: m for m in mail.outbox}
    assert len(mail.outbox) == 4
    hungarian = by_address[world.companies[0].booking.email]
    english = by_address[world.companies[1].booking.email]
    assert hungarian.subject.startswith("Találkozói:")
    assert english.subject.startswith("Your meetings:")
    for message, participant in ((hungarian, world.companies[0]), (english, world.companies[1])):
        meetings = world.meetings_of(participant)
        for meeting in meetings:
            assert meeting.researcher.organisation in message.body
        name, content, mimetype = message.attachments[0]
        assert mimetype == "text/calendar"
        assert len(Calendar.from_ical(content).walk("VEVENT")) == len(meetings)
    assert ". asztal:" in hungarian.attachments[0][1]


def test_publishing_twice_and_delivering_twice_sends_one_email(
    home, django_capture_on_commit_callbacks, monkeypatch
):
    world = scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch, publish=False)

    with django_capture_on_commit_callbacks(execute=True):
        speed_dating_agendas.publish_schedule(offering_id=world.offering.pk)
        speed_dating_agendas.publish_schedule(offering_id=world.offering.pk)
    outbox = EmailOutbox.objects.get(
        kind=EmailKind.SPEED_SCHEDULE, booking=world.companies[0].booking
    )
    assert deliver_email(outbox.pk) == "nothing to do"

    assert len(mail.outbox) == 4


def test_publishing_before_the_scheduler_ran_is_refused_on_the_offering(home):
    _page, offering = speed_event(home)

    with pytest.raises(InvalidBooking) as error:
        speed_dating_agendas.publish_schedule(offering_id=offering.pk)

    assert error.value.field == "offering"


def test_the_organiser_publishes_from_the_grid_and_everyone_gets_their_agenda(
    home, django_capture_on_commit_callbacks, monkeypatch
):
    world = scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch, publish=False)
    client = Client()
    client.force_login(organiser())
    grid = f"/admin/bookings/offerings/{world.offering.pk}/speed-dating/"

    draft = client.get(grid).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{grid}publish/")
    printed = client.get(f"{grid}?print=grid").content.decode()

    assert "Publish the schedule" in draft
    assert response.status_code == 302
    assert len(mail.outbox) == 4
    assert "Publish the schedule" not in client.get(grid).content.decode()
    assert "size: A4 landscape" in printed
    assert printed.count("data-meeting=") == 4
