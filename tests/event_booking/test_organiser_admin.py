"""Organiser tools in the Wagtail admin, through HTTP as an organiser and as a non-organiser."""

import csv
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook

from event_booking.models import (
    Booking,
    BookingStatus,
    EmailKind,
    EmailOutbox,
    OfferingKind,
    OutboxStatus,
)
from tests import factories
from tests.event_booking import organiser_helpers as helpers

pytestmark = pytest.mark.django_db

INDEX = "/admin/bookings/"


def bookings_url(offering, **params) -> str:
    url = reverse("event_booking_admin:offering_bookings", args=[offering.pk])
    if params:
        from urllib.parse import urlencode

        url += "?" + urlencode(params)
    return url


def counts(html: str, offering_id: int) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    row = soup.select_one(f'tr[data-offering="{offering_id}"]')
    cells = row.select("[data-count]")
    return {cell["data-count"]: cell.get_text(" ", strip=True) for cell in cells}


def references(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [row["data-booking"] for row in soup.select("tr[data-booking]")]


@pytest.fixture
def organiser_client(client):
    client.force_login(helpers.organiser())
    return client


@pytest.fixture
def full_offering():
    """10 seats: 8 confirmed in two bookings, a group of 3 and one person waiting, one
    cancelled booking of 2 seats."""
    offering = factories.offering(capacity=10, title="Brokerage day")
    factories.booking(
        offering,
        seats=5,
        name="Kovács Anna",
        organisation="Agrár Kft.",
        status=BookingStatus.CONFIRMED,
    )
    factories.booking(
        offering,
        seats=3,
        name="Nagy Béla",
        email="bela@example.org",
        status=BookingStatus.CONFIRMED,
    )
    factories.booking(offering, seats=3, status=BookingStatus.WAITLISTED, name="Szabó Group")
    factories.booking(offering, seats=1, status=BookingStatus.WAITLISTED, name="Tóth Éva")
    factories.booking(offering, seats=2, status=BookingStatus.CANCELLED, name="Lemondó Lajos")
    return offering


# --- access ----------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_the_admin_login(client, full_offering):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editor_without_booking_permission_is_turned_away_everywhere(client, full_offering):
    client.force_login(helpers.editor_without_booking_rights())
    booking = full_offering.bookings.filter(status=BookingStatus.CONFIRMED).first()
    for url in [
        INDEX,
        bookings_url(full_offering),
        bookings_url(full_offering, export="csv"),
        reverse("event_booking_admin:person_data"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home")
    response = client.post(reverse("event_booking_admin:booking_check_in", args=[booking.pk]))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.checked_in_at is None
    response = client.post(
        reverse("event_booking_admin:person_data"),
        {"email": "bela@example.org", "action": "export-json"},
    )
    assert response.status_code == 302
    assert "bela@example.org" not in response.content.decode()


def test_bookings_menu_item_is_shown_to_organisers_only(client):
    client.force_login(helpers.editor_without_booking_rights())
    assert INDEX not in client.get("/admin/").content.decode()
    client.force_login(helpers.organiser())
    assert INDEX in client.get("/admin/").content.decode()


def test_view_only_organiser_can_list_but_not_check_in(client, full_offering):
    client.force_login(
        helpers.user_with(
            "viewer", [("wagtailadmin", "access_admin"), ("event_booking", "view_booking")]
        )
    )
    assert client.get(bookings_url(full_offering)).status_code == 200
    booking = full_offering.bookings.filter(status=BookingStatus.CONFIRMED).first()
    response = client.post(reverse("event_booking_admin:booking_check_in", args=[booking.pk]))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.checked_in_at is None


# --- overview and lists ----------------------------------------------------------------------


def test_offering_overview_counts_seats_per_status(organiser_client, full_offering):
    response = organiser_client.get(INDEX)
    assert response.status_code == 200
    assert counts(response.content.decode(), full_offering.pk) == {
        "confirmed": "8",
        "waitlisted": "4 (2 bookings)",
        "cancelled": "2",
        "left": "2",
        "amount": "free",
        "failed": "0",
    }


def test_overview_shows_amount_due_of_confirmed_bookings_for_paid_trainings(organiser_client):
    training_run = factories.offering(
        kind=OfferingKind.TRAINING_RUN,
        fee=Decimal("500.00"),
        capacity=12,
        title="Klasztermenedzsment",
    )
    factories.booking(training_run, seats=2, status=BookingStatus.CONFIRMED)  # 1000
    factories.booking(training_run, seats=1, status=BookingStatus.CONFIRMED)  # 500
    factories.booking(training_run, seats=1, status=BookingStatus.CANCELLED)
    response = organiser_client.get(INDEX)
    assert counts(response.content.decode(), training_run.pk)["amount"] == "1500.00 EUR"


def test_booking_list_shows_an_amount_due_for_confirmed_bookings_only(organiser_client):
    paid = factories.offering(fee=Decimal("500.00"), capacity=1)
    rows = {
        status: factories.booking(paid, status=status, amount_due=Decimal("500.00")).reference
        for status in (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.CANCELLED)
    }

    soup = BeautifulSoup(organiser_client.get(bookings_url(paid)).content.decode(), "html.parser")

    def cells(reference: str) -> list[str]:
        row = soup.select_one(f'tr[data-booking="{reference}"]')
        return [td.get_text(" ", strip=True) for td in row.select("td")]

    assert "500.00 EUR" in cells(rows[BookingStatus.CONFIRMED])
    for status in (BookingStatus.WAITLISTED, BookingStatus.CANCELLED):
        assert not any("EUR" in cell for cell in cells(rows[status])), status


def test_overview_lists_upcoming_by_default_and_past_on_request(organiser_client):
    import datetime as dt

    from django.utils import timezone

    past = factories.offering(
        title="Tavalyi szeminárium",
        starts_at=timezone.now() - dt.timedelta(days=30),
        ends_at=timezone.now() - dt.timedelta(days=30) + dt.timedelta(hours=3),
    )
    upcoming = factories.offering(title="Jövő heti szeminárium")
    html = organiser_client.get(INDEX).content.decode()
    assert upcoming.title in html and past.title not in html
    html = organiser_client.get(INDEX, {"when": "past"}).content.decode()
    assert past.title in html and upcoming.title not in html


def test_booking_list_searches_name_email_reference_and_organisation(
    organiser_client, full_offering
):
    anna = full_offering.bookings.get(name="Kovács Anna")
    bela = full_offering.bookings.get(name="Nagy Béla")
    for query, expected in [
        ("kovács", [anna.reference]),
        ("BELA@example", [bela.reference]),
        (bela.reference.lower(), [bela.reference]),
        ("agrár", [anna.reference]),
        ("nobody-matches", []),
    ]:
        response = organiser_client.get(bookings_url(full_offering, q=query))
        assert response.status_code == 200
        assert references(response.content.decode()) == expected, query


def test_booking_list_filters_by_status_and_shows_waiting_list_positions(
    organiser_client, full_offering
):
    response = organiser_client.get(bookings_url(full_offering, status="waitlisted"))
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    rows = soup.select("tr[data-booking]")
    assert len(rows) == 2
    assert "Szabó Group" in rows[0].get_text() and "position 1" in rows[0].get_text()
    assert "Tóth Éva" in rows[1].get_text() and "position 2" in rows[1].get_text()


def test_unknown_offering_is_404(organiser_client):
    assert organiser_client.get("/admin/bookings/offerings/999999/").status_code == 404


def test_failed_emails_are_shown_with_the_offering(organiser_client, full_offering):
    booking = full_offering.bookings.get(name="Nagy Béla")
    EmailOutbox.objects.create(
        booking=booking,
        kind=EmailKind.CONFIRMATION,
        status=OutboxStatus.FAILED,
        attempts=5,
        last_error="SMTP 550 mailbox unavailable",
    )
    assert counts(organiser_client.get(INDEX).content.decode(), full_offering.pk)["failed"] == "1"
    html = organiser_client.get(bookings_url(full_offering)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    failed = soup.select("[data-failed-email]")
    assert len(failed) == 1
    assert booking.reference in failed[0].get_text()
    assert "SMTP 550" in failed[0].get_text()


def test_a_failed_email_can_be_sent_again(organiser_client, full_offering):
    booking = full_offering.bookings.get(name="Nagy Béla")
    outbox = EmailOutbox.objects.create(
        booking=booking, kind=EmailKind.CONFIRMATION, status=OutboxStatus.FAILED, attempts=5
    )
    response = organiser_client.post(
        reverse("event_booking_admin:email_retry", args=[outbox.pk]), follow=True
    )
    assert f"The e-mail to {booking.reference} will be sent again." in response.content.decode()
    outbox.refresh_from_db()
    assert (outbox.status, outbox.attempts) == (OutboxStatus.PENDING, 0)
    assert not BeautifulSoup(response.content.decode(), "html.parser").select("[data-failed-email]")


# --- exports ---------------------------------------------------------------------------------


def test_csv_export_holds_the_filtered_bookings_with_personal_and_invoice_data(organiser_client):
    training_run = factories.offering(
        kind=OfferingKind.TRAINING_RUN, fee=Decimal("500.00"), title="Képzés"
    )
    factories.booking(
        training_run,
        seats=2,
        name="Kovács Anna",
        email="anna@example.org",
        organisation="Agrár Kft.",
        tax_number="12345678-2-09",
        billing_address="4032 Debrecen, Egyetem tér 1.",
        status=BookingStatus.CONFIRMED,
    )
    factories.booking(training_run, status=BookingStatus.WAITLISTED, name="Várakozó Vilma")
    factories.booking(training_run, status=BookingStatus.CANCELLED, name="Lemondó Lajos")

    response = organiser_client.get(bookings_url(training_run, status="confirmed", export="csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Name"] == "Kovács Anna"
    assert row["E-mail"] == "anna@example.org"
    assert row["Organisation"] == "Agrár Kft."
    assert row["Tax number"] == "12345678-2-09"
    assert row["Billing address"] == "4032 Debrecen, Egyetem tér 1."
    assert row["Seats"] == "2"
    assert row["Amount due"] == "1000.00"
    assert row["Status"] == "Confirmed"

    response = organiser_client.get(bookings_url(training_run, status="waitlisted", export="csv"))
    (waiting,) = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    assert (waiting["Name"], waiting["Amount due"]) == ("Várakozó Vilma", "")


def test_csv_export_neutralises_formulas_typed_into_names(organiser_client):
    offering = factories.offering()
    factories.booking(
        offering, name='=HYPERLINK("http://evil.example","click")', status=BookingStatus.CONFIRMED
    )
    response = organiser_client.get(bookings_url(offering, export="csv"))
    row = next(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert row["Name"] == '\'=HYPERLINK("http://evil.example","click")'


def test_excel_export_has_a_header_row_and_one_row_per_booking(organiser_client, full_offering):
    response = organiser_client.get(bookings_url(full_offering, export="xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert header[:6] == ("Reference", "Status", "Waiting-list position", "Seats", "Name", "E-mail")
    assert len(data) == 5
    by_name = {row[4]: row for row in data}
    assert by_name["Kovács Anna"][3] == 5
    assert by_name["Szabó Group"][1] == "Waitlisted"
    assert by_name["Szabó Group"][2] == 1
    assert by_name["Tóth Éva"][2] == 2


def test_excel_export_keeps_formula_text_as_text(organiser_client):
    offering = factories.offering()
    factories.booking(offering, name="=1+1", status=BookingStatus.CONFIRMED)
    response = organiser_client.get(bookings_url(offering, export="xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=5)
    assert cell.value == "=1+1"
    assert cell.data_type == "s"


# --- check-in --------------------------------------------------------------------------------


def test_organiser_checks_in_a_confirmed_booking_and_can_take_it_back(
    organiser_client, full_offering
):
    booking = full_offering.bookings.get(name="Nagy Béla")
    url = reverse("event_booking_admin:booking_check_in", args=[booking.pk])
    response = organiser_client.post(url, follow=True)
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.checked_in_at is not None
    assert f"{booking.reference} checked in." in response.content.decode()
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one('[data-count="checked-in"]').get_text(strip=True) == "3"

    first_arrival = booking.checked_in_at
    organiser_client.post(url)  # a second click keeps the first arrival time
    booking.refresh_from_db()
    assert booking.checked_in_at == first_arrival

    organiser_client.post(url, {"undo": "1"})
    booking.refresh_from_db()
    assert booking.checked_in_at is None


def test_waitlisted_booking_cannot_be_checked_in(organiser_client, full_offering):
    booking = full_offering.bookings.get(name="Tóth Éva")
    response = organiser_client.post(
        reverse("event_booking_admin:booking_check_in", args=[booking.pk]), follow=True
    )
    assert response.status_code == 200
    assert "Only confirmed bookings can be checked in" in response.content.decode()
    booking.refresh_from_db()
    assert booking.checked_in_at is None


def test_check_in_needs_post(organiser_client, full_offering):
    booking = full_offering.bookings.get(name="Nagy Béla")
    response = organiser_client.get(
        reverse("event_booking_admin:booking_check_in", args=[booking.pk])
    )
    assert response.status_code == 405
    assert Booking.objects.get(pk=booking.pk).checked_in_at is None


# --- cancel, promote, move -------------------------------------------------------------------


def action_url(name: str, booking) -> str:
    return reverse(f"event_booking_admin:booking_{name}", args=[booking.pk])


def test_cancel_asks_first_then_frees_the_seats_for_the_waiting_list(
    organiser_client, full_offering
):
    anna = full_offering.bookings.get(name="Kovács Anna")  # 5 seats
    page = organiser_client.get(action_url("cancel", anna))
    assert page.status_code == 200
    assert "Cancel booking" in page.content.decode()
    assert Booking.objects.get(pk=anna.pk).status == BookingStatus.CONFIRMED

    response = organiser_client.post(action_url("cancel", anna), follow=True)
    assert response.status_code == 200
    assert f"Booking {anna.reference} cancelled." in response.content.decode()
    assert Booking.objects.get(pk=anna.pk).status == BookingStatus.CANCELLED
    # 7 seats free now: the group of 3 and the single person are promoted, in order.
    assert set(
        full_offering.bookings.filter(status=BookingStatus.CONFIRMED).values_list("name", flat=True)
    ) == {"Nagy Béla", "Szabó Group", "Tóth Éva"}
    assert EmailOutbox.objects.filter(booking=anna, kind=EmailKind.CANCELLED).exists()
    assert EmailOutbox.objects.filter(kind=EmailKind.PROMOTED).count() == 2


def test_cancelling_twice_shows_a_message_instead_of_an_error_page(organiser_client, full_offering):
    cancelled = full_offering.bookings.get(name="Lemondó Lajos")
    response = organiser_client.post(action_url("cancel", cancelled), follow=True)
    assert response.status_code == 200
    assert "already been cancelled" in response.content.decode()


def test_promote_confirms_a_waitlisted_booking_that_fits(organiser_client, full_offering):
    eva = full_offering.bookings.get(name="Tóth Éva")  # 1 seat, 2 are free
    assert organiser_client.get(action_url("promote", eva)).status_code == 200
    response = organiser_client.post(action_url("promote", eva), follow=True)
    assert f"Booking {eva.reference} confirmed." in response.content.decode()
    eva.refresh_from_db()
    assert eva.status == BookingStatus.CONFIRMED
    assert EmailOutbox.objects.filter(booking=eva, kind=EmailKind.PROMOTED).exists()


def test_promote_refuses_a_group_that_does_not_fit(organiser_client, full_offering):
    group = full_offering.bookings.get(name="Szabó Group")  # 3 seats, 2 are free
    response = organiser_client.post(action_url("promote", group), follow=True)
    assert response.status_code == 200
    assert "not enough free seats" in response.content.decode()
    group.refresh_from_db()
    assert group.status == BookingStatus.WAITLISTED


def test_move_to_an_offering_with_room_confirms_it_there_and_promotes_the_source(
    organiser_client, full_offering
):
    from event_booking.tokens import booking_token, token_matches

    target = factories.offering(
        kind=OfferingKind.TRAINING_RUN, fee=Decimal("500.00"), capacity=12, title="Második alkalom"
    )
    bela = full_offering.bookings.get(name="Nagy Béla")  # 3 seats
    token = booking_token(bela)
    form_page = organiser_client.get(action_url("move", bela)).content.decode()
    assert "Második alkalom" in form_page
    assert f'value="{full_offering.pk}"' not in form_page  # not into its own offering

    response = organiser_client.post(action_url("move", bela), {"target": target.pk}, follow=True)
    assert response.status_code == 200
    assert "confirmed there" in response.content.decode()
    bela.refresh_from_db()
    assert bela.offering == target
    assert bela.status == BookingStatus.CONFIRMED
    assert bela.amount_due == Decimal("1500.00")  # the target's fee x 3 seats
    assert token_matches(bela, token)  # the manage link still works
    # 5 seats freed in the source: the group of 3 and the single person move up.
    assert not full_offering.bookings.filter(status=BookingStatus.WAITLISTED).exists()
    assert EmailOutbox.objects.filter(booking=bela, kind=EmailKind.CONFIRMATION).exists()


def test_move_into_a_full_offering_is_refused_next_to_the_field_or_waitlisted_on_request(
    organiser_client, full_offering
):
    target = factories.offering(capacity=4, title="Kis terem")
    factories.booking(target, seats=2, status=BookingStatus.CONFIRMED)
    bela = full_offering.bookings.get(name="Nagy Béla")  # 3 seats
    response = organiser_client.post(action_url("move", bela), {"target": target.pk})
    assert response.status_code == 200
    assert "Only 2 seats are free" in response.content.decode()
    bela.refresh_from_db()
    assert bela.offering == full_offering

    response = organiser_client.post(
        action_url("move", bela), {"target": target.pk, "waitlist_if_full": "on"}, follow=True
    )
    assert "moved to the waiting list" in response.content.decode()
    bela.refresh_from_db()
    assert (bela.offering, bela.status) == (target, BookingStatus.WAITLISTED)


def test_move_refuses_a_person_who_already_booked_the_target(organiser_client, full_offering):
    target = factories.offering(title="Másik nap")
    factories.booking(target, email="bela@example.org", status=BookingStatus.CONFIRMED)
    bela = full_offering.bookings.get(name="Nagy Béla")
    response = organiser_client.post(action_url("move", bela), {"target": target.pk})
    assert "already has a booking of the target offering" in response.content.decode()
    bela.refresh_from_db()
    assert bela.offering == full_offering


def test_organiser_actions_are_written_to_the_audit_log(organiser_client, full_offering):
    from wagtail.models import ModelLogEntry

    bela = full_offering.bookings.get(name="Nagy Béla")
    organiser_client.post(action_url("check_in", bela))
    organiser_client.post(action_url("cancel", bela))
    actions = list(
        ModelLogEntry.objects.filter(label=bela.reference)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )
    assert actions == ["event_booking.check_in", "event_booking.cancel"]


def test_training_runs_show_their_dates_without_a_midnight_time(organiser_client, home):
    training = factories.training(factories.training_index(home), title="Képzés", runs=1)
    run = training.runs.get()
    run.end_date = run.start_date  # a one-day run
    run.save()
    training = training.specific_class.objects.get(pk=training.pk)
    training.save_revision().publish()
    offering = factories.offering(run)
    day = f"{run.start_date:%Y-%m-%d}"

    assert offering.title == f"Képzés: {day}"
    assert str(training.runs.get()) == f"Képzés: {day}"
    for url in (INDEX, bookings_url(offering)):
        html = organiser_client.get(url).content.decode()
        assert day in html
        assert "00:00" not in html
        assert f"{day} – {day}" not in html
