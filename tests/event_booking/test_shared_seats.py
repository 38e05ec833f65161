"""Offerings are shared across languages and follow their pages (issue 3, items 1 and 2).

Seats are counted per offering, keyed by the translation key that the Hungarian page (or run)
and its English translation share; the pages API shows the same availability on both.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from event_booking.models import Booking, BookingStatus, EventIndexPage, Offering
from tests import factories
from tests.event_booking.booking_helpers import event_page

URL = "/api/bookings/"


@pytest.fixture
def client():
    return Client()


def post(client, data):
    return client.post(URL, data, content_type="application/json")


def person(page, n, **fields):
    return {
        "page": page.pk,
        "name": f"Résztvevő {n}",
        "email": f"p{n}@example.org",
        "consent": True,
        **fields,
    }


@pytest.fixture
def bilingual_event(home, en_home):
    """A 10-seat Hungarian event and its published English translation."""
    hungarian = event_page(home, capacity=10, max_seats_per_booking=6, fee=Decimal("20.00"))
    factories.english_index(EventIndexPage.objects.get(locale__language_code="hu"))
    english = factories.to_english(hungarian, {hungarian.title: "Business meeting"})
    return hungarian, english


def test_both_languages_sell_the_same_ten_seats(client, bilingual_event):
    hungarian, english = bilingual_event

    via_hu = [post(client, person(hungarian, n)).json() for n in range(6)]
    via_en = [post(client, person(english, 10 + n)).json() for n in range(5)]

    assert [b["status"] for b in via_hu] == ["confirmed"] * 6
    assert [b["status"] for b in via_en] == ["confirmed"] * 4 + ["waitlisted"]
    assert via_en[-1]["waitlist_position"] == 1
    assert Offering.objects.count() == 1
    english_booking = Booking.objects.get(reference=via_en[0]["reference"])
    assert english_booking.language == "en"
    assert "/en/bookings/" in via_en[0]["manage_url"]
    assert Booking.objects.get(reference=via_hu[0]["reference"]).language == "hu"


def test_a_group_through_the_english_page_is_waitlisted_whole(client, bilingual_event):
    hungarian, english = bilingual_event

    first = post(client, person(hungarian, 1, seats=6)).json()
    group = post(client, person(english, 2, seats=5)).json()

    assert first["status"] == "confirmed"
    assert group["status"] == "waitlisted"
    assert group["seats"] == 5
    assert group["amount_due"] is None  # owed only once confirmed (services.payment)
    assert Booking.objects.get(reference=group["reference"]).amount_due == Decimal("100.00")


def test_the_language_can_differ_from_the_page(client, bilingual_event):
    hungarian, _english = bilingual_event

    body = post(client, person(hungarian, 1, language="en")).json()

    assert Booking.objects.get(reference=body["reference"]).language == "en"


def api_booking(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()["booking"]


def test_the_pages_api_shows_the_same_availability_in_both_languages(client, bilingual_event):
    hungarian, english = bilingual_event
    for n in range(11):
        post(client, person(hungarian if n % 2 else english, n))

    hu_booking = api_booking(client, hungarian)
    en_booking = api_booking(client, english)

    assert hu_booking == en_booking
    assert hu_booking["capacity"] == 10
    assert hu_booking["confirmed"] == 10
    assert hu_booking["seats_left"] == 0
    assert hu_booking["waitlisted"] == 1
    assert hu_booking["is_open"] is True
    assert hu_booking["fee"] == "20.00"
    assert hu_booking["currency"] == "EUR"
    assert hu_booking["closes"] == factories.offering(hungarian).starts_at.isoformat()
    assert "opens" in hu_booking


def test_a_training_lists_its_runs_with_the_ids_the_booking_api_takes(client, home, en_home):
    index = factories.training_index(home)
    training = factories.training(index, runs=2, price_eur=Decimal("500.00"))
    factories.english_index(index)
    english = factories.to_english(training)

    runs = api_booking(client, english)["runs"]
    first_en = runs[0]
    booked = post(client, person(english, 1, run=first_en["id"], seats=2)).json()

    assert [run["id"] for run in runs] == list(
        english.runs.order_by("start_date").values_list("pk", flat=True)
    )
    assert booked["amount_due"] == "1000.00"
    hu_runs = api_booking(client, training)["runs"]
    assert hu_runs[0]["confirmed"] == 2
    assert hu_runs[0]["seats_left"] == 10
    assert hu_runs[1]["confirmed"] == 0
    assert hu_runs[0]["start_date"] == first_en["start_date"]
    assert hu_runs[0]["id"] != first_en["id"]


def test_a_run_keeps_its_bookings_across_translation_syncs(client, home, en_home):
    index = factories.training_index(home)
    training = factories.training(index)
    factories.english_index(index)
    english = factories.to_english(training)
    post(client, person(english, 1))

    training.summary = "Új összefoglaló."
    training.save_revision().publish()
    english = factories.to_english(training)

    assert Offering.objects.count() == 1
    assert api_booking(client, english)["runs"][0]["confirmed"] == 1


def test_the_pages_listing_adds_no_query_per_page(client, home):
    index = factories.event_index(home)

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                "/api/v2/pages/?type=event_booking.EventPage&fields=booking&limit=50"
            )
        assert response.status_code == 200
        items = response.json()["items"]
        assert all(item["booking"]["capacity"] == 40 for item in items)
        return len(items), len(queries)

    for _ in range(2):
        factories.booking(factories.offering(factories.event(index)))
    listing_queries()  # warms the per-process caches (content types, site roots)
    few = listing_queries()
    for _ in range(6):
        factories.booking(factories.offering(factories.event(index)))
    many = listing_queries()

    assert (few[0], many[0]) == (2, 8)
    assert few[1] == many[1]


def test_a_training_listing_adds_no_query_per_page(client, home):
    index = factories.training_index(home)

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                "/api/v2/pages/?type=training_catalog.TrainingPage&fields=booking"
            )
        return len(response.json()["items"]), len(queries)

    factories.training(index, runs=2)
    listing_queries()  # warms the per-process caches (content types, site roots)
    few = listing_queries()
    for _ in range(4):
        factories.training(index, runs=3)
    many = listing_queries()

    assert (few[0], many[0]) == (1, 5)
    assert few[1] == many[1]


# --- Offerings follow their pages -----------------------------------------------------------


def test_publishing_a_page_updates_its_offering(home):
    page = event_page(home, capacity=10, fee=Decimal("0"))

    page.capacity = 25
    page.fee = Decimal("15.00")
    page.max_seats_per_booking = 2
    page.save_revision().publish()

    offering = factories.offering(page)
    assert (offering.capacity, offering.fee, offering.max_seats_per_booking) == (
        25,
        Decimal("15.00"),
        2,
    )
    assert offering.title == page.title


def test_a_draft_change_does_not_touch_the_offering(home):
    page = event_page(home, capacity=10)

    page.capacity = 99
    page.save_revision()

    assert factories.offering(page).capacity == 10


def test_a_larger_capacity_promotes_the_waiting_list(home):
    page = event_page(home, capacity=1)
    factories.booking(factories.offering(page))
    waiting = factories.booking(factories.offering(page))
    assert waiting.status == BookingStatus.WAITLISTED

    page.capacity = 2
    page.save_revision().publish()

    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED


def test_an_extended_deadline_reopens_a_registration_closed_by_the_job(home):
    page = event_page(home)
    Offering.objects.filter(pk=factories.offering(page).pk).update(closed_at=timezone.now())

    page.registration_closes = timezone.now() + dt.timedelta(days=3)
    page.save_revision().publish()

    assert factories.offering(page).closed_at is None


def test_unpublishing_deactivates_the_offering_once_no_translation_is_live(client, bilingual_event):
    hungarian, english = bilingual_event
    post(client, person(hungarian, 1))

    english.unpublish()
    still_active = factories.offering(hungarian).is_active
    hungarian.refresh_from_db()
    hungarian.unpublish()

    assert still_active is True
    assert factories.offering(hungarian).is_active is False
    assert Booking.objects.filter(status=BookingStatus.CONFIRMED).count() == 1


def test_a_removed_run_deactivates_its_offering_and_keeps_the_other(home):
    training = factories.training(factories.training_index(home), runs=2)
    first, second = training.runs.order_by("start_date")

    training = type(training).objects.get(pk=training.pk)
    training.runs.remove(*[r for r in training.runs.all() if r.pk == second.pk])
    training.save_revision().publish()

    assert factories.offering(first).is_active is True
    assert factories.offering(second).is_active is False


def test_a_deleted_event_deactivates_its_offering_and_keeps_its_bookings(home):
    page = event_page(home)
    booking = factories.booking(factories.offering(page))
    key = page.translation_key

    page.delete()

    assert Offering.objects.get(translation_key=key).is_active is False
    assert Booking.objects.filter(pk=booking.pk).exists()


def test_training_run_offering_takes_seats_fee_and_deadline(home):
    training = factories.training(
        factories.training_index(home), price_eur=Decimal("480.00"), max_seats_per_booking=3
    )
    run = training.runs.get()

    offering = factories.offering(run)

    assert offering.capacity == run.seats == 12
    assert offering.fee == Decimal("480.00")
    assert offering.max_seats_per_booking == 3
    local_closes = timezone.localtime(offering.registration_closes)
    assert local_closes.date() == run.start_date
    assert local_closes.time() == dt.time(0, 0)
