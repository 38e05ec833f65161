"""Booking e-mails: the booking's language, HTML and text parts, the .ics, safe headers."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from event_booking import jobs
from event_booking.emails import build_message
from event_booking.models import BookingStatus, EmailKind, EmailOutbox
from event_booking.tokens import manage_url
from tests import factories
from tests.event_booking import job_helpers as h

BUDAPEST = ZoneInfo("Europe/Budapest")
START = dt.datetime(2030, 6, 1, 10, 0, tzinfo=BUDAPEST)


@pytest.fixture
def event(home, en_home):
    """A paid Hungarian event at a venue, both translated into English and live."""
    venue = factories.venue()
    index = factories.event_index(home)
    page = factories.event(
        index,
        title="Klasztertalálkozó",
        slug="klasztertalalkozo",
        start=START,
        end=START + dt.timedelta(hours=7),
        venue=venue,
        fee=Decimal("500.00"),
    )
    factories.to_english(
        venue,
        {
            "Debreceni Egyetem Főépület": "University of Debrecen Main Building",
            "Magyarország": "Hungary",
        },
    )
    factories.english_index(index)
    english = factories.to_english(
        page, {"Klasztertalálkozó": "Cluster Meeting", "klasztertalalkozo": "cluster-meeting"}
    )
    page.english = english
    return page


def message_for(booking, kind=EmailKind.CONFIRMATION):
    outbox = EmailOutbox.objects.create(booking=booking, kind=kind)
    return build_message(outbox)


def html_of(message):
    (html, mimetype), *_rest = message.alternatives
    assert mimetype == "text/html"
    return html


def ics_of(message):
    attachments = [a for a in message.attachments if a[2].startswith("text/calendar")]
    assert len(attachments) == 1
    filename, content, _mimetype = attachments[0]
    assert filename.endswith(".ics")
    return Calendar.from_ical(content)


def test_confirmation_in_english_uses_the_english_page_venue_and_times(event):
    booking = factories.booking(
        factories.offering(event),
        language="en",
        seats=2,
        name="Anna Kiss",
        email="a@example.org",
        status=BookingStatus.CONFIRMED,
    )

    message = message_for(booking)

    assert message.subject == "Booking confirmed: Cluster Meeting"
    assert message.to == ["a@example.org"]
    for body in (message.body, html_of(message)):
        assert "Cluster Meeting" in body
        assert "Klasztertalálkozó" not in body
        assert "University of Debrecen Main Building" in body
        assert "4032 Debrecen, Egyetem tér 1." in body
        assert "June 1, 2030 10:00–17:00 (Budapest time)" in body
        assert "1,000.00 EUR net + 27% VAT (270.00 EUR) = 1,270.00 EUR" in body
        assert "Payment is by invoice" in body
        assert manage_url(booking) in body
        assert "/en/bookings/" in manage_url(booking)
        assert "Dear Anna Kiss," in body


def test_confirmation_in_hungarian_uses_the_hungarian_page_and_formats(event):
    booking = factories.booking(
        factories.offering(event), language="hu", seats=2, status=BookingStatus.CONFIRMED
    )

    message = message_for(booking)

    assert "Klasztertalálkozó" in message.subject
    assert "Debreceni Egyetem Főépület" in message.body
    assert "2030. június 1. 10:00–17:00" in message.body
    assert "1 000,00 EUR" in message.body.replace("\xa0", " ")
    assert "/hu/bookings/" in message.body


def test_the_ics_attachment_is_in_the_bookings_language_with_a_stable_uid(event):
    offering = factories.offering(event)
    english = message_for(
        factories.booking(offering, language="en", status=BookingStatus.CONFIRMED)
    )
    hungarian = message_for(
        factories.booking(offering, language="hu", status=BookingStatus.CONFIRMED)
    )

    en_event = ics_of(english).walk("VEVENT")[0]
    hu_event = ics_of(hungarian).walk("VEVENT")[0]
    assert str(en_event["SUMMARY"]) == "Cluster Meeting"
    assert str(hu_event["SUMMARY"]) == "Klasztertalálkozó"
    assert en_event["UID"] == hu_event["UID"]
    assert str(event.translation_key) in en_event["UID"]
    assert en_event.decoded("DTSTART") == START
    assert en_event["DTSTART"].params["TZID"] == "Europe/Budapest"
    assert en_event.decoded("DTEND") == START + dt.timedelta(hours=7)
    assert "University of Debrecen Main Building" in str(en_event["LOCATION"])
    assert "/en/events/cluster-meeting/" in str(en_event["URL"])


def test_an_english_booking_falls_back_to_the_hungarian_page_when_not_translated(home):
    index = factories.event_index(home)
    page = factories.event(index, title="Csak magyarul", slug="csak-magyarul", fee=Decimal("0"))
    booking = factories.booking(
        factories.offering(page), language="en", status=BookingStatus.CONFIRMED
    )

    message = message_for(booking)

    assert message.subject == "Booking confirmed: Csak magyarul"
    assert "(Budapest time)" in message.body
    assert "Payment is by invoice" not in message.body  # free event
    assert "Amount due" not in html_of(message)


def test_notice_kinds_say_what_happened(home):
    offering = factories.offering(factories.event(factories.event_index(home), title="Szeminárium"))
    first = factories.booking(offering, status=BookingStatus.WAITLISTED, language="en")
    second = factories.booking(offering, status=BookingStatus.WAITLISTED, language="en")
    confirmed = factories.booking(offering, language="en", status=BookingStatus.CONFIRMED)
    cancelled = factories.booking(offering, status=BookingStatus.CANCELLED, language="en")

    waitlisted = message_for(second, EmailKind.WAITLISTED)
    assert waitlisted.subject == "You are on the waiting list: Szeminárium"
    assert "Your place on the waiting list: 2." in waitlisted.body
    assert waitlisted.attachments == []
    assert message_for(first, EmailKind.WAITLISTED).body.count("waiting list: 1.") == 1

    promoted = message_for(confirmed, EmailKind.PROMOTED)
    assert promoted.subject == "A seat is yours: Szeminárium"
    assert len(promoted.attachments) == 1  # the seat is confirmed: the .ics comes along

    assert message_for(cancelled, EmailKind.CANCELLED).subject == ("Booking cancelled: Szeminárium")
    assert message_for(confirmed, EmailKind.REMINDER).subject == (
        "Reminder: Szeminárium starts soon"
    )
    link = message_for(
        factories.booking(offering, language="en", status=BookingStatus.CONFIRMED),
        EmailKind.MANAGE_LINK,
    )
    assert link.subject == "Your booking link: Szeminárium"


def test_a_training_run_confirmation_has_an_all_day_calendar_entry(home):
    training = factories.training(factories.training_index(home), title="Klasztermenedzsment")
    run = training.runs.get()
    booking = factories.booking(
        factories.offering(run), language="hu", seats=1, status=BookingStatus.CONFIRMED
    )

    message = message_for(booking)

    entry = ics_of(message).walk("VEVENT")[0]
    assert entry.decoded("DTSTART") == run.start_date
    assert entry.decoded("DTEND") == run.end_date + dt.timedelta(days=1)  # exclusive end
    assert str(entry["SUMMARY"]) == "Klasztermenedzsment"
    assert "500,00 EUR" in message.body


def test_user_text_is_escaped_in_html_and_kept_out_of_headers(db):
    offering = factories.offering(title="Rendezvény\r\nBcc: everyone@example.org")
    booking = factories.booking(
        offering, name='<script>alert("x")</script>', language="en", status=BookingStatus.CONFIRMED
    )

    message = message_for(booking)

    assert "<script>" not in html_of(message)
    assert "&lt;script&gt;" in html_of(message)
    raw = message.message()
    assert raw["Bcc"] is None
    assert message.subject == "Booking confirmed: Rendezvény Bcc: everyone@example.org"
    assert raw["To"] == booking.email
    assert "script" not in raw.as_string().split("\n\n", 1)[0]  # not in any header


def test_the_job_sends_html_and_text_in_the_bookings_language(event, monkeypatch):
    h.run_tasks_inline(monkeypatch)
    booking = factories.booking(
        factories.offering(event), language="en", status=BookingStatus.CONFIRMED
    )
    outbox = EmailOutbox.objects.create(booking=booking, kind=EmailKind.CONFIRMATION)

    with translation.override("hu"):  # the worker's own language does not matter
        assert jobs.deliver_email(outbox.pk) == "sent"

    (sent,) = mail.outbox
    assert sent.subject == "Booking confirmed: Cluster Meeting"
    assert "Cluster Meeting" in html_of(sent)
    assert sent.body.startswith("Dear ")


@pytest.mark.parametrize(
    ("language", "organisation"),
    [("en", "North Great Plain Cluster Centre"), ("hu", "Észak-alföldi Klaszterközpont")],
)
def test_organisation_name_in_header_signature_and_sender_is_in_the_bookings_language(
    event, settings, language, organisation
):
    settings.DEFAULT_FROM_EMAIL = "Klaszterközpont <noreply@example.org>"
    booking = factories.booking(
        factories.offering(event), language=language, status=BookingStatus.CONFIRMED
    )

    message = message_for(booking)

    assert message.from_email == f"{organisation} <noreply@example.org>"
    assert message.body.rstrip().endswith(f"-- \n{organisation}")
    assert organisation in html_of(message)
    other = "Észak-alföldi" if language == "en" else "North Great Plain"
    assert other not in message.body + html_of(message) + message.from_email


def test_paid_confirmation_repeats_the_invoice_details(event):
    booking = factories.booking(
        factories.offering(event),
        language="en",
        status=BookingStatus.CONFIRMED,
        organisation="Agrár Kft.",
        tax_number="12345678-2-09",
        billing_address="4032 Debrecen\nEgyetem tér 1.",
    )

    message = message_for(booking)

    assert (
        "Invoice to: Agrár Kft., Tax number: 12345678-2-09, 4032 Debrecen Egyetem tér 1."
        in message.body
    )
    assert "4032 Debrecen<br>Egyetem tér 1." in html_of(message)


def test_join_link_of_an_online_event_reaches_confirmed_bookings_only(home):
    join = "https://meet.example.org/klaszter-42"
    page = factories.event(factories.event_index(home), online_link=join, capacity=1)
    offering = factories.offering(page)
    confirmed = factories.booking(offering, status=BookingStatus.CONFIRMED)
    waitlisted = factories.booking(offering, status=BookingStatus.WAITLISTED)

    message = message_for(confirmed)
    event = ics_of(message).walk("VEVENT")[0]
    assert join in message.body and join in html_of(message)
    assert str(event["LOCATION"]) == join

    notice = message_for(waitlisted, kind=EmailKind.WAITLISTED)
    assert join not in notice.body + html_of(notice)


def test_cancellation_offers_to_see_the_booking_not_to_change_or_cancel_it(home):
    offering = factories.offering(factories.event(factories.event_index(home)))
    cancelled = factories.booking(offering, status=BookingStatus.CANCELLED, language="en")

    message = message_for(cancelled, EmailKind.CANCELLED)

    for body in (message.body, html_of(message)):
        assert "change or cancel" not in body
        assert "See your booking" in body
