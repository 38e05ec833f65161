"""Privacy: an organiser exports or erases one person's data from the admin."""

import csv
import datetime as dt
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from event_booking.models import (
    Booking,
    BookingStatus,
    ConsentText,
    EmailKind,
    EmailOutbox,
    OutboxStatus,
)
from event_booking.tokens import booking_token
from tests import factories
from tests.event_booking import organiser_helpers as helpers

pytestmark = pytest.mark.django_db

PERSON_DATA = "/admin/bookings/personal-data/"
ERASE = "/admin/bookings/personal-data/erase/"


@pytest.fixture
def organiser_client(client):
    client.force_login(helpers.organiser())
    return client


def past_offering(**fields):
    starts = timezone.now() - dt.timedelta(days=40)
    return factories.offering(starts_at=starts, ends_at=starts + dt.timedelta(hours=5), **fields)


@pytest.fixture
def anna():
    """Anna booked a past event and a past paid training; someone else booked the event too."""
    consent = ConsentText.objects.create(version=3, text_hu="Hozzájárulok.", text_en="I agree.")
    event = past_offering(title="Szeminárium")
    training = past_offering(title="Képzés", fee=500, kind="training-run")
    first = factories.booking(
        event,
        name="Kovács Anna",
        email="anna.kovacs@example.org",
        phone="+36 30 123 4567",
        consent=consent,
        language="en",
        status=BookingStatus.CONFIRMED,
    )
    second = factories.booking(
        training,
        seats=2,
        name="Kovács Anna",
        email="Anna.Kovacs@Example.org",
        organisation="Agrár Kft.",
        tax_number="12345678-2-09",
        billing_address="4032 Debrecen, Egyetem tér 1.",
        status=BookingStatus.CONFIRMED,
    )
    other = factories.booking(
        event, name="Nagy Béla", email="bela@example.org", status=BookingStatus.CONFIRMED
    )
    return {"event": event, "training": training, "bookings": [first, second], "other": other}


def test_export_json_holds_every_booking_of_the_address_whatever_its_case(organiser_client, anna):
    response = organiser_client.post(
        PERSON_DATA, {"email": "ANNA.kovacs@example.org", "action": "export-json"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert [b["reference"] for b in data["bookings"]] == [b.reference for b in anna["bookings"]]
    first, second = data["bookings"]
    assert first["name"] == "Kovács Anna"
    assert first["phone"] == "+36 30 123 4567"
    assert first["offering"] == "Szeminárium"
    assert first["consent_version"] == 3
    assert first["consent_text"] == "I agree."
    assert second["organisation"] == "Agrár Kft."
    assert second["tax_number"] == "12345678-2-09"
    assert second["billing_address"] == "4032 Debrecen, Egyetem tér 1."
    assert second["seats"] == 2
    assert second["amount_due"] == "1000.00"
    # Nobody else's data, and no credential that opens the bookings.
    body = response.content.decode()
    assert "Nagy Béla" not in body and "bela@example.org" not in body
    assert str(anna["bookings"][0].secret) not in body
    assert "token" not in body


def test_export_lists_the_emails_sent_to_the_person(organiser_client, anna):
    EmailOutbox.objects.create(
        booking=anna["bookings"][0],
        kind=EmailKind.CONFIRMATION,
        status=OutboxStatus.SENT,
        sent_at=timezone.now(),
    )
    data = json.loads(
        organiser_client.post(
            PERSON_DATA, {"email": "anna.kovacs@example.org", "action": "export-json"}
        ).content
    )
    assert [(e["kind"], e["status"]) for e in data["bookings"][0]["emails"]] == [
        ("confirmation", "sent")
    ]


def test_export_csv_has_one_row_per_booking(organiser_client, anna):
    response = organiser_client.post(
        PERSON_DATA, {"email": "anna.kovacs@example.org", "action": "export-csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["reference"], r["name"], r["organisation"]) for r in rows] == [
        (anna["bookings"][0].reference, "Kovács Anna", ""),
        (anna["bookings"][1].reference, "Kovács Anna", "Agrár Kft."),
    ]


def test_export_of_an_unknown_address_says_nothing_is_held(organiser_client, anna):
    response = organiser_client.post(
        PERSON_DATA, {"email": "nobody@example.org", "action": "export-json"}
    )
    assert response.status_code == 200
    assert json.loads(response.content)["bookings"] == []


def test_export_with_a_bad_address_shows_the_error_next_to_the_field(organiser_client, anna):
    response = organiser_client.post(
        PERSON_DATA, {"email": "not-an-address", "action": "export-json"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Enter a valid email address." in response.content.decode()


def test_erase_asks_for_confirmation_and_lists_what_will_be_erased(organiser_client, anna):
    response = organiser_client.post(
        PERSON_DATA, {"email": "anna.kovacs@example.org", "action": "review-erase"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert anna["bookings"][0].reference in html and anna["bookings"][1].reference in html
    assert anna["other"].reference not in html
    assert Booking.objects.filter(name="Kovács Anna").count() == 2


def test_erase_without_the_confirmation_box_changes_nothing(organiser_client, anna):
    response = organiser_client.post(ERASE, {"email": "anna.kovacs@example.org"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Booking.objects.filter(name="Kovács Anna").count() == 2


def test_erase_anonymises_personal_fields_and_keeps_seats_for_statistics(organiser_client, anna):
    pending = EmailOutbox.objects.create(booking=anna["bookings"][0], kind=EmailKind.REMINDER)
    failed = EmailOutbox.objects.create(
        booking=anna["bookings"][1],
        kind=EmailKind.CONFIRMATION,
        status=OutboxStatus.FAILED,
        last_error="550 <Anna.Kovacs@Example.org>: mailbox unavailable",
    )
    response = organiser_client.post(
        ERASE, {"email": "anna.kovacs@example.org", "confirm": "on"}, follow=True
    )
    assert response.status_code == 200
    assert "2 booking(s) anonymised" in response.content.decode()

    for original in anna["bookings"]:
        booking = Booking.objects.get(pk=original.pk)
        assert booking.anonymised_at is not None
        assert (booking.name, booking.organisation, booking.phone) == ("", "", "")
        assert (booking.tax_number, booking.billing_address) == ("", "")
        assert "anna" not in booking.email.lower()
        assert booking.seats == original.seats
        assert booking.status == original.status
        assert booking.amount_due == original.amount_due
    assert not Booking.objects.filter(email__iexact="anna.kovacs@example.org").exists()
    pending.refresh_from_db()
    failed.refresh_from_db()
    assert pending.status == OutboxStatus.SKIPPED
    assert failed.last_error == ""
    # The other person is untouched, and the export now finds nothing.
    assert Booking.objects.get(pk=anna["other"].pk).name == "Nagy Béla"
    data = json.loads(
        organiser_client.post(
            PERSON_DATA, {"email": "anna.kovacs@example.org", "action": "export-json"}
        ).content
    )
    assert data["bookings"] == []
    # The overview still counts the seats.
    overview = organiser_client.get("/admin/bookings/", {"when": "past"}).content.decode()
    row = BeautifulSoup(overview, "html.parser").select_one(
        f'tr[data-offering="{anna["training"].pk}"]'
    )
    assert row.select_one('[data-count="confirmed"]').get_text(strip=True) == "2"


def test_erase_refuses_while_the_person_holds_an_upcoming_seat(organiser_client, anna):
    upcoming = factories.offering(title="Jövő heti nap")
    seat = factories.booking(
        upcoming,
        name="Kovács Anna",
        email="anna.kovacs@example.org",
        status=BookingStatus.CONFIRMED,
    )
    response = organiser_client.post(ERASE, {"email": "anna.kovacs@example.org", "confirm": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "still has active bookings of upcoming offerings" in html
    assert seat.reference in html
    assert Booking.objects.filter(name="Kovács Anna").count() == 3


def test_erase_can_cancel_upcoming_bookings_first_and_their_seats_go_to_the_waiting_list(
    organiser_client, anna
):
    upcoming = factories.offering(title="Jövő heti nap", capacity=2)
    seat = factories.booking(
        upcoming,
        seats=2,
        name="Kovács Anna",
        email="anna.kovacs@example.org",
        status=BookingStatus.CONFIRMED,
    )
    waiting = factories.booking(upcoming, status=BookingStatus.WAITLISTED, name="Várakozó Vilma")
    response = organiser_client.post(
        ERASE,
        {"email": "anna.kovacs@example.org", "confirm": "on", "cancel_upcoming": "on"},
        follow=True,
    )
    assert "3 booking(s) anonymised; 1 of them cancelled first." in response.content.decode()
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert seat.status == BookingStatus.CANCELLED and seat.anonymised_at
    assert waiting.status == BookingStatus.CONFIRMED
    # No cancellation e-mail to an address that no longer exists.
    assert not EmailOutbox.objects.filter(booking=seat, kind=EmailKind.CANCELLED).exists()


def test_erase_of_an_unknown_address_says_so(organiser_client, anna):
    response = organiser_client.post(ERASE, {"email": "nobody@example.org", "confirm": "on"})
    assert response.status_code == 200
    assert "No bookings were made with this e-mail address." in response.content.decode()


def test_organiser_without_erase_permission_cannot_erase(client, anna):
    client.force_login(
        helpers.user_with(
            "viewer",
            [
                ("wagtailadmin", "access_admin"),
                ("event_booking", "view_booking"),
                ("event_booking", "change_booking"),
            ],
        )
    )
    page = client.get(PERSON_DATA).content.decode()
    assert 'value="review-erase"' not in page
    response = client.post(ERASE, {"email": "anna.kovacs@example.org", "confirm": "on"})
    assert response.status_code == 302
    assert Booking.objects.filter(name="Kovács Anna").count() == 2
    response = client.post(
        PERSON_DATA, {"email": "anna.kovacs@example.org", "action": "review-erase"}
    )
    assert response.status_code == 302


def test_erasure_is_written_to_the_audit_log_without_personal_data(organiser_client, anna):
    from wagtail.models import ModelLogEntry

    organiser_client.post(ERASE, {"email": "anna.kovacs@example.org", "confirm": "on"})
    entries = ModelLogEntry.objects.filter(action="event_booking.erase")
    assert sorted(e.label for e in entries) == sorted(b.reference for b in anna["bookings"])
    assert all(e.user.username == "organiser" for e in entries)
    assert not any("anna" in json.dumps(e.data).lower() for e in entries)


def test_waitlisted_status_is_kept_when_erased(organiser_client):
    offering = past_offering()
    waiting = factories.booking(offering, status=BookingStatus.WAITLISTED, email="w@example.org")
    organiser_client.post(ERASE, {"email": "w@example.org", "confirm": "on"})
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.WAITLISTED and waiting.anonymised_at


# --- personal data never reaches the public surface ------------------------------------------

SECRETS = {
    "name": "Zsófia Titkosné",
    "email": "zsofia.titkos@secret.example",
    "organisation": "Titkos Kereskedő Kft.",
    "phone": "+36 1 999 8888",
    "tax_number": "99999999-9-99",
    "billing_address": "Titok utca 7., 1111 Budapest",
}


def test_public_api_pages_and_calendars_never_show_personal_data(
    client, home, en_home, django_capture_on_commit_callbacks
):
    from tests.event_booking import booking_helpers
    from tests.event_booking.form_helpers import english_event

    event = booking_helpers.event_page(home, title="Nyilvános nap", capacity=1, fee=10)
    english = english_event(event, django_capture_on_commit_callbacks, title="Public day")
    offering = factories.offering(event)
    confirmed = factories.booking(offering, **SECRETS)
    waiting = factories.booking(offering, **{**SECRETS, "email": "second.titkos@secret.example"})
    assert (confirmed.status, waiting.status) == ("confirmed", "waitlisted")

    responses = {}
    for url in [
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=event_booking.EventPage&fields=*&locale=en",
        "/api/v2/pages/?type=event_booking.EventPage&fields=booking",
        f"/api/v2/pages/{event.pk}/",
        f"/api/v2/pages/{english.pk}/",
        "/api/schema/",
        event.url,
        english.url,
        event.get_parent().url,
        "/hu/events/feed.ics",
        "/en/events/feed.ics",
        f"/hu/events/{event.pk}.ics",
        "/sitemap.xml",
        # The booking resource: without a token nothing; with it (the booker's own view) no
        # personal fields either.
        f"/api/bookings/{confirmed.reference}/",
        f"/api/bookings/{confirmed.reference}/?token={booking_token(confirmed)}",
        f"/hu/bookings/{confirmed.reference}/",
    ]:
        responses[url] = client.get(url)
    # Booking again with a known address answers with the existing booking, not its data.
    responses["POST /api/bookings/"] = client.post(
        "/api/bookings/",
        {
            "page": event.pk,
            "name": "Someone Else",
            "email": SECRETS["email"],
            "consent": True,
        },
        content_type="application/json",
    )
    not_found = {f"/api/bookings/{confirmed.reference}/", f"/hu/bookings/{confirmed.reference}/"}
    for url, response in responses.items():
        if url in not_found:
            assert response.status_code == 404, url
        else:
            assert response.status_code == 200, url
    for url, response in responses.items():
        body = response.content.decode("utf-8", errors="replace")
        for field, value in SECRETS.items():
            assert value not in body, f"{field} visible at {url}"
        assert "second.titkos" not in body, url
