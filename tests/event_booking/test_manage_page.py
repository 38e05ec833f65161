"""The "manage my booking" page: status, calendar, leave the waiting list, reminders, cancel."""

import datetime as dt
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from event_booking.models import Booking, BookingStatus, Offering
from event_booking.tokens import booking_token
from tests import factories
from tests.event_booking import booking_helpers
from tests.event_booking.form_helpers import english_event, hu

pytestmark = pytest.mark.django_db


def manage_url(booking, lang: str = "hu", token: str | None = None) -> str:
    token = booking_token(booking) if token is None else token
    return f"/{lang}/bookings/{booking.reference}/?token={token}"


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def status_of(response) -> str:
    return soup_of(response).select_one("[data-booking-status]")["data-booking-status"]


def csrf_from(response) -> str:
    return soup_of(response).select_one('input[name="csrfmiddlewaretoken"]')["value"]


@pytest.fixture
def venue():
    return factories.venue(name="Kölcsey Központ", street_address="Hunyadi u. 1-3.")


@pytest.fixture
def event(home, venue):
    return booking_helpers.event_page(
        home, title="Üzletember-találkozó", capacity=2, venue=venue, fee=Decimal("50.00")
    )


@pytest.fixture
def offering(event):
    return factories.offering(event)


# --- access ----------------------------------------------------------------------------------


def test_wrong_missing_or_other_bookings_token_is_404(client, offering):
    mine = factories.booking(offering)
    other = factories.booking(offering)
    assert client.get(manage_url(mine)).status_code == 200
    assert client.get(f"/hu/bookings/{mine.reference}/").status_code == 404
    assert client.get(manage_url(mine, token="0" * 32)).status_code == 404
    assert client.get(manage_url(mine, token=booking_token(other))).status_code == 404
    assert client.get(manage_url(mine).replace(mine.reference, "NOSUCHREF1")).status_code == 404


def test_manage_page_is_private_and_not_indexed(client, offering):
    response = client.get(manage_url(factories.booking(offering)))
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    # Never "no-referrer": browsers then post `Origin: null`, which fails the CSRF check.
    assert response["Referrer-Policy"] == "same-origin"


# --- what it shows ---------------------------------------------------------------------------


def test_shows_status_seats_amount_title_date_and_venue(client, event, offering):
    booking = factories.booking(
        offering, seats=2, organisation="Agrár Kft.", tax_number="1", billing_address="Cím"
    )
    response = client.get(manage_url(booking))
    assert response.status_code == 200
    soup = soup_of(response)
    summary = soup.select_one("[data-booking-summary]").get_text(" ", strip=True)
    assert status_of(response) == BookingStatus.CONFIRMED
    assert booking.reference in summary
    assert "Üzletember-találkozó" in summary
    assert "Kölcsey Központ" in summary
    assert soup.select_one(f'time[datetime="{timezone.localtime(event.start).isoformat()}"]')
    amount = soup.select_one("[data-amount-due]").get_text(" ", strip=True)
    assert amount.startswith("100,00 EUR") or amount.startswith("100.00 EUR")
    # The calendar file of the event, in the page's language.
    assert soup.select_one(f'a[href="/hu/events/{event.pk}.ics"]')


def test_english_manage_page_shows_the_english_title_and_calendar(client, en_home, event, offering):
    english = english_event(event, title="Business meeting")
    booking = factories.booking(
        offering, language="en", organisation="X", tax_number="1", billing_address="Y"
    )
    response = client.get(manage_url(booking, lang="en"))
    soup = soup_of(response)
    assert soup.find("html")["lang"] == "en"
    summary = soup.select_one("[data-booking-summary]").get_text(" ", strip=True)
    assert "Business meeting" in summary
    assert "Confirmed" in summary
    assert soup.select_one(f'a[href="/en/events/{english.pk}.ics"]')


def test_waitlisted_booking_shows_its_position_and_can_leave(client, offering):
    factories.booking(offering, seats=2)
    first = factories.booking(offering)
    second = factories.booking(offering)
    response = client.get(manage_url(second))
    assert status_of(response) == BookingStatus.WAITLISTED
    text = soup_of(response).select_one("[data-booking-status]").get_text(" ", strip=True)
    assert text == hu("On the waiting list, in place %(position)s") % {"position": 2}

    confirm = client.get(
        f"/hu/bookings/{second.reference}/leave-waitlist/?token={booking_token(second)}"
    )
    assert confirm.status_code == 200
    assert Booking.objects.get(pk=second.pk).status == BookingStatus.WAITLISTED
    response = client.post(
        f"/hu/bookings/{second.reference}/leave-waitlist/",
        {"token": booking_token(second)},
        follow=True,
    )
    assert response.status_code == 200
    assert status_of(response) == BookingStatus.LEFT_WAITLIST
    assert hu("You have left the waiting list.") in response.content.decode()
    # The person ahead keeps place 1.
    assert status_of(client.get(manage_url(first))) == BookingStatus.WAITLISTED


def test_a_training_runs_booking_links_to_the_runs_calendar(client, home):
    training = factories.training(factories.training_index(home), runs=1, price_eur=Decimal("0"))
    run = training.runs.get()
    booking = factories.booking(factories.offering(run))
    soup = soup_of(client.get(manage_url(booking)))
    assert training.title in soup.select_one("[data-booking-summary]").get_text(" ", strip=True)
    assert soup.select_one(f'a[href="/hu/trainings/runs/{run.pk}.ics"]')


# --- cancel ----------------------------------------------------------------------------------


def test_cancel_asks_first_then_frees_the_seat_and_shows_the_cancelled_state(client, offering):
    booking = factories.booking(offering, seats=2)
    waiting = factories.booking(offering)
    token = booking_token(booking)
    cancel_url = f"/hu/bookings/{booking.reference}/cancel/"

    confirm = client.get(f"{cancel_url}?token={token}")
    assert confirm.status_code == 200
    assert soup_of(confirm).select_one(f'form[method="post"] input[name="token"][value="{token}"]')
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED

    response = client.post(cancel_url, {"token": token})
    assert response.status_code == 302
    assert response["Location"] == manage_url(booking)
    page = client.get(response["Location"])
    assert status_of(page) == BookingStatus.CANCELLED
    assert hu("Your booking has been cancelled.") in page.content.decode()
    # No more actions on a cancelled booking.
    assert "/cancel/" not in page.content.decode()
    assert Booking.objects.get(pk=waiting.pk).status == BookingStatus.CONFIRMED


def test_cancel_with_a_wrong_token_is_404_and_changes_nothing(client, offering):
    booking = factories.booking(offering)
    response = client.post(f"/hu/bookings/{booking.reference}/cancel/", {"token": "f" * 32})
    assert response.status_code == 404
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED


def test_cancelling_twice_is_a_message_not_an_error(client, offering):
    booking = factories.booking(offering)
    url = f"/hu/bookings/{booking.reference}/cancel/"
    client.post(url, {"token": booking_token(booking)})
    response = client.post(url, {"token": booking_token(booking)}, follow=True)
    assert response.status_code == 200
    assert hu("This booking has already been cancelled.") in response.content.decode()


def test_after_the_start_the_booker_can_no_longer_cancel(client, offering):
    booking = factories.booking(offering)
    Offering.objects.filter(pk=offering.pk).update(starts_at=timezone.now() - dt.timedelta(hours=1))
    page = client.get(manage_url(booking))
    assert "/cancel/" not in page.content.decode()
    response = client.post(
        f"/hu/bookings/{booking.reference}/cancel/", {"token": booking_token(booking)}, follow=True
    )
    assert response.status_code == 200
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED


def test_manage_forms_are_csrf_protected(offering):
    booking = factories.booking(offering)
    browser = Client(enforce_csrf_checks=True)
    url = f"/hu/bookings/{booking.reference}/cancel/"
    assert browser.post(url, {"token": booking_token(booking)}).status_code == 403
    confirm = browser.get(f"{url}?token={booking_token(booking)}")
    response = browser.post(
        url, {"token": booking_token(booking), "csrfmiddlewaretoken": csrf_from(confirm)}
    )
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED


# --- reminders -------------------------------------------------------------------------------


def test_reminders_can_be_turned_off_and_on(client, offering):
    booking = factories.booking(offering)
    url = f"/hu/bookings/{booking.reference}/reminders/"
    response = client.post(url, {"token": booking_token(booking), "enabled": "0"}, follow=True)
    assert response.status_code == 200
    assert Booking.objects.get(pk=booking.pk).reminders_enabled is False
    assert soup_of(response).select_one('form input[name="enabled"][value="1"]')
    client.post(url, {"token": booking_token(booking), "enabled": "1"})
    assert Booking.objects.get(pk=booking.pk).reminders_enabled is True


def test_reminders_need_the_token(client, offering):
    booking = factories.booking(offering)
    response = client.post(
        f"/hu/bookings/{booking.reference}/reminders/", {"token": "", "enabled": "0"}
    )
    assert response.status_code == 404
    assert Booking.objects.get(pk=booking.pk).reminders_enabled is True


# --- what is owed ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [BookingStatus.WAITLISTED, BookingStatus.CANCELLED, BookingStatus.LEFT_WAITLIST]
)
def test_no_amount_due_unless_confirmed(client, offering, status):
    booking = factories.booking(offering, status=status, seats=2, amount_due=Decimal("100.00"))

    soup = soup_of(client.get(manage_url(booking)))

    assert soup.select_one("[data-booking-summary]") is not None
    assert soup.select_one("[data-amount-due]") is None
    assert soup.select_one("[data-invoice-details]") is None


def test_confirmed_paid_booking_shows_the_invoice_details_it_will_be_billed_to(client, offering):
    booking = factories.booking(
        offering,
        seats=2,
        organisation="Agrár Kft.",
        tax_number="12345678-2-09",
        billing_address="4032 Debrecen\nEgyetem tér 1.",
    )
    assert booking.status == BookingStatus.CONFIRMED

    soup = soup_of(client.get(manage_url(booking)))

    details = soup.select_one("[data-invoice-details]").get_text(" ", strip=True)
    assert details == "Agrár Kft. Adószám: 12345678-2-09 4032 Debrecen Egyetem tér 1."


# --- the join link of an online event ------------------------------------------------------

JOIN = "https://meet.example.org/klaszter-42"


@pytest.fixture
def online_event(home):
    return booking_helpers.event_page(home, capacity=1, online_link=JOIN, fee=Decimal("20.00"))


def test_join_link_is_not_on_the_public_page_api_or_calendar(client, online_event):
    page = client.get(online_event.url).content.decode()
    api = client.get(f"/api/v2/pages/{online_event.pk}/").content.decode()
    ics = client.get(f"/hu/events/{online_event.pk}.ics").content.decode()
    feed = client.get("/hu/events/feed.ics").content.decode()

    assert "meet.example.org" not in page + api + ics + feed
    assert "LOCATION:Online" in ics


def test_join_link_is_on_the_manage_page_of_confirmed_bookings_only(client, online_event):
    invoice = {"organisation": "Agrár Kft.", "tax_number": "1-2-3", "billing_address": "Debrecen"}
    offering = factories.offering(online_event)
    confirmed = factories.booking(offering, **invoice)
    waitlisted = factories.booking(offering, **invoice)
    assert (confirmed.status, waitlisted.status) == ("confirmed", "waitlisted")

    mine = soup_of(client.get(manage_url(confirmed))).select_one("[data-join-link]")
    assert mine["href"] == JOIN
    assert JOIN not in client.get(manage_url(waitlisted)).content.decode()
