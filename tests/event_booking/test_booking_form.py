"""The public booking form on event and training pages, through HTTP."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone, translation

from event_booking.models import Booking, BookingStatus, ConsentText
from event_booking.services.consent import current_consent
from tests import factories
from tests.event_booking import booking_helpers
from tests.event_booking.form_helpers import english_event, hu

pytestmark = pytest.mark.django_db

PAYMENT_NOTE = (
    "Payment is by invoice: we send the invoice to the organisation and billing address you "
    "give below. You do not pay online."
)


def form_url(page) -> str:
    return f"/{page.locale.language_code}/bookings/new/{page.pk}/"


def valid(**fields) -> dict:
    data = {
        "name": "Kovács Anna",
        "email": "anna@example.org",
        "organisation": "",
        "phone": "",
        "seats": "1",
        "consent": "on",
        "consent_version": str(current_consent().version),
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def field_errors(response, name: str) -> list[str]:
    soup = soup_of(response)
    errors = soup.select_one(f"#booking-{name}-error")
    return [li.get_text(strip=True) for li in errors.select("li")] if errors else []


def summary(response) -> str:
    box = soup_of(response).select_one(".error-summary")
    return box.get_text(" ", strip=True) if box else ""


@pytest.fixture
def event(home):
    return booking_helpers.event_page(home, title="Üzletember-találkozó", capacity=3)


@pytest.fixture
def training_index(home):
    return factories.training_index(home)


# --- what the page shows ---------------------------------------------------------------------


def test_event_page_shows_a_labelled_form_with_consent_text_and_hidden_honeypot(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    soup = soup_of(response)
    form = soup.select_one("#booking form")
    assert form["action"] == form_url(event) + "#booking"
    assert form.select_one('input[name="csrfmiddlewaretoken"]')
    for name in ["name", "email", "organisation", "phone", "seats", "consent"]:
        field = form.select_one(f'[name="{name}"]')
        assert field is not None, name
        assert form.select_one(f'label[for="{field["id"]}"]'), f"{name} has no label"
    # Free event: no invoice details.
    assert form.select_one('[name="tax_number"]') is None
    assert form.select_one('[name="billing_address"]') is None
    # The current consent text, in the page's language (Hungarian).
    consent = current_consent()
    assert consent.text_hu.split("\n")[0][:40] in soup.select_one(".consent-text").get_text()
    assert form.select_one('[name="consent_version"]')["value"] == str(consent.version)
    # The honeypot is there for bots, hidden from people and out of the tab order.
    honeypot = form.select_one('[name="contact_me_by_fax"]')
    assert honeypot["tabindex"] == "-1"
    assert honeypot.find_parent(class_="booking-hp")["aria-hidden"] == "true"
    with translation.override("hu"):
        seats_left = translation.ngettext(
            "%(counter)s seat left.", "%(counter)s seats left.", 3
        ) % {"counter": 3}
    assert seats_left in soup.select_one("#booking").get_text(" ", strip=True)


def test_english_page_shows_the_form_and_consent_in_english(client, home, en_home, event):
    english = english_event(event)
    response = client.get(english.url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("#booking h2").get_text(strip=True) == "Book your place"
    assert soup.select_one('label[for="booking-name"]').get_text(strip=True).startswith("Full name")
    consent = current_consent()
    assert consent.text_en.split("\n")[0][:40] in soup.select_one(".consent-text").get_text()
    assert soup.select_one("#booking form")["action"] == f"/en/bookings/new/{english.pk}/#booking"


def test_paid_event_asks_for_invoice_details_and_shows_the_fee(client, home):
    paid = booking_helpers.event_page(home, fee=Decimal("120.00"))
    soup = soup_of(client.get(paid.url))
    form = soup.select_one("#booking form")
    for name in ["organisation", "tax_number", "billing_address"]:
        assert form.select_one(f'[name="{name}"]')["required"] is not None
    text = soup.select_one("#booking").get_text(" ", strip=True)
    assert re.search(r"120[.,]00 EUR", text)
    assert hu(PAYMENT_NOTE) in text


def test_closed_registration_replaces_the_form_with_a_notice(client, home):
    closed = booking_helpers.event_page(
        home, registration_closes=timezone.now() - dt.timedelta(hours=1)
    )
    soup = soup_of(client.get(closed.url))
    assert soup.select_one("#booking form") is None
    assert soup.select_one('[data-booking-state="closed"]').get_text(strip=True) == (
        hu("Registration is closed.")
    )


def test_registration_not_yet_open_says_when_it_opens(client, home):
    opens = timezone.now() + dt.timedelta(days=2)
    later = booking_helpers.event_page(home, registration_opens=opens)
    soup = soup_of(client.get(later.url))
    assert soup.select_one("#booking form") is None
    notice = soup.select_one('[data-booking-state="not-yet-open"]').get_text(strip=True)
    assert notice.startswith(hu("Registration opens on %(opens)s.").split("%")[0].strip())


def test_full_event_says_bookers_join_the_waiting_list(client, event):
    factories.booking(factories.offering(event), seats=3)
    text = soup_of(client.get(event.url)).select_one("#booking").get_text(" ", strip=True)
    assert (
        hu(
            "All seats are taken: if you book now, you join the waiting list and get a seat "
            "automatically when one frees up."
        )
        in text
    )


# --- posting ---------------------------------------------------------------------------------


def test_valid_booking_redirects_to_the_manage_page_with_a_message(client, event):
    response = client.post(form_url(event), valid(seats="2", phone="+36 30 111 2222"))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert re.fullmatch(
        rf"/hu/bookings/{booking.reference}/\?token=[0-9a-f]+", response["Location"]
    )
    assert (booking.name, booking.email, booking.seats) == ("Kovács Anna", "anna@example.org", 2)
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.language == "hu"
    assert booking.consent == current_consent()
    assert booking.page_id == event.pk

    page = client.get(response["Location"])
    assert page.status_code == 200
    text = soup_of(page).get_text(" ", strip=True)
    assert hu("Thank you, your booking is confirmed. We have sent a confirmation e-mail.") in text
    assert soup_of(page).select_one("[data-booking-status]")["data-booking-status"] == "confirmed"


def test_missing_and_bad_fields_are_shown_next_to_each_field_and_in_a_summary(client, event):
    response = client.post(form_url(event), valid(name="", email="not-an-address", consent=None))
    assert response.status_code == 200
    assert field_errors(response, "name") == [hu("This field is required.")]
    assert field_errors(response, "email") == [hu("Enter a valid email address.")]
    assert field_errors(response, "consent") == [
        hu("You must agree to the processing of your data to book.")
    ]
    text = summary(response)
    assert hu("Full name") in text and hu("E-mail address") in text
    soup = soup_of(response)
    assert soup.select_one("#booking-name")["aria-invalid"] == "true"
    # What the person typed is kept.
    assert soup.select_one("#booking-email")["value"] == "not-an-address"
    assert not Booking.objects.exists()


def test_too_many_seats_is_an_error_on_the_seats_field(client, home):
    event = booking_helpers.event_page(home, max_seats_per_booking=2)
    response = client.post(form_url(event), valid(seats="3"))
    assert response.status_code == 200
    assert field_errors(response, "seats") == [
        hu("You can book at most %(max)d seats at once.") % {"max": 2}
    ]
    assert not Booking.objects.exists()


def test_header_injection_in_the_name_is_refused_by_the_service_next_to_the_field(client, event):
    response = client.post(form_url(event), valid(name="Anna\r\nBcc: victim@example.org"))
    assert response.status_code == 200
    assert field_errors(response, "name") == [
        hu("Line breaks and control characters are not allowed here.")
    ]
    assert not Booking.objects.exists()


def test_a_filled_honeypot_books_nothing(client, event):
    response = client.post(form_url(event), valid(contact_me_by_fax="buy cheap pills"))
    assert response.status_code == 200
    assert hu(
        "Your booking could not be accepted. Please try again without filling in hidden fields."
    ) in summary(response)
    assert not Booking.objects.exists()


def test_changed_consent_text_must_be_agreed_to_again(client, event):
    old_version = current_consent().version
    ConsentText.objects.create(version=old_version + 1, text_hu="Új szöveg.", text_en="New text.")
    response = client.post(form_url(event), valid(consent_version=str(old_version)))
    assert response.status_code == 200
    assert field_errors(response, "consent") == [
        hu(
            "The privacy notice has changed since the page was loaded: please read it again "
            "and confirm."
        )
    ]
    assert "Új szöveg." in soup_of(response).select_one(".consent-text").get_text()
    assert not Booking.objects.exists()


def test_full_event_puts_the_booker_on_the_waiting_list(client, event):
    factories.booking(factories.offering(event), seats=3)
    response = client.post(form_url(event), valid(), follow=True)
    assert response.status_code == 200
    booking = Booking.objects.get(email="anna@example.org")
    assert booking.status == BookingStatus.WAITLISTED
    text = soup_of(response).get_text(" ", strip=True)
    assert (
        hu(
            "The seats are taken: you are on the waiting list, in place %(position)s. We will "
            "e-mail you as soon as a seat is yours."
        )
        % {"position": 1}
        in text
    )


def test_booking_again_with_the_same_address_reveals_no_token_and_books_nothing(client, event):
    client.post(form_url(event), valid())
    other_browser = Client()
    response = other_browser.post(form_url(event), valid(name="Someone Else"))
    assert response.status_code == 302
    assert response["Location"] == event.url
    assert "token" not in response["Location"]
    assert Booking.objects.count() == 1
    page = other_browser.get(response["Location"])
    assert hu(
        "There is already a booking for this e-mail address. We have e-mailed the link to "
        "manage it again (at most once an hour)."
    ) in soup_of(page).get_text(" ", strip=True)
    assert "token=" not in page.content.decode()


def test_posting_to_a_closed_registration_books_nothing_and_says_so(client, home):
    closed = booking_helpers.event_page(
        home, registration_closes=timezone.now() - dt.timedelta(hours=1)
    )
    response = client.post(form_url(closed), valid(), follow=True)
    assert response.status_code == 200
    assert hu("Registration is not open for this page.") in response.content.decode()
    assert not Booking.objects.exists()


def test_registration_closing_between_page_load_and_post_is_a_message_not_a_500(client, event):
    offering = factories.offering(event)
    offering.closed_at = timezone.now()
    offering.save()
    response = client.post(form_url(event), valid(), follow=True)
    assert response.status_code == 200
    assert not Booking.objects.exists()


def test_unknown_or_unpublished_page_is_404_and_other_pages_are_not_bookable(client, home, event):
    assert client.post("/hu/bookings/new/999999/", valid()).status_code == 404
    event.unpublish()
    assert client.post(form_url(event), valid()).status_code == 404
    response = client.post(f"/hu/bookings/new/{home.pk}/", valid())
    assert response.status_code == 302
    assert not Booking.objects.exists()


def test_the_form_is_csrf_protected(event):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(form_url(event), valid()).status_code == 403
    page = browser.get(event.url)
    token = soup_of(page).select_one('#booking input[name="csrfmiddlewaretoken"]')["value"]
    response = browser.post(form_url(event), {**valid(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Booking.objects.count() == 1


def test_form_posts_count_against_the_booking_rate_limit(client, event, settings):
    settings.BOOKING_RATE_LIMIT = "2/minute"
    client.post(form_url(event), valid(email="one@example.org"))
    client.post(form_url(event), valid(email="two@example.org"))
    response = client.post(form_url(event), valid(email="three@example.org"))
    assert response.status_code == 429
    assert hu(
        "Too many booking attempts from your network. Wait a minute and try again."
    ) in summary(response)
    assert Booking.objects.count() == 2


# --- paid trainings and runs -----------------------------------------------------------------


def test_paid_training_needs_invoice_details_and_the_manage_page_shows_the_amount_due(
    client, training_index
):
    training = factories.training(training_index, runs=1, price_eur=Decimal("500.00"))
    url = form_url(training)
    response = client.post(url, valid(seats="2"))
    assert response.status_code == 200
    for name in ["organisation", "tax_number", "billing_address"]:
        assert field_errors(response, name) == [hu("This field is required.")], name

    response = client.post(
        url,
        valid(
            seats="2",
            organisation="Agrár Kft.",
            tax_number="12345678-2-09",
            billing_address="4032 Debrecen\nEgyetem tér 1.",
        ),
    )
    assert response.status_code == 302
    booking = Booking.objects.get()
    run = training.runs.get()
    assert booking.offering.translation_key == run.translation_key
    assert booking.amount_due == Decimal("1000.00")
    assert booking.billing_address == "4032 Debrecen\nEgyetem tér 1."
    manage = soup_of(client.get(response["Location"]))
    amount = manage.select_one("[data-amount-due]").get_text(" ", strip=True)
    # 1000 in the page's number format (Hungarian: "1 000,00", with a no-break space).
    assert re.match(r"1[\s,.]?000[.,]00 EUR", amount), amount


def test_training_with_several_open_runs_asks_which_one(client, training_index):
    training = factories.training(training_index, runs=2, price_eur=Decimal("0"))
    first, second = training.runs.order_by("start_date")
    soup = soup_of(client.get(training.url))
    choices = soup.select('#booking input[name="run"]')
    assert [int(c["value"]) for c in choices] == [first.pk, second.pk]
    assert soup.select_one("#booking fieldset legend").get_text(strip=True) == hu("Date")

    response = client.post(form_url(training), valid())
    assert field_errors(response, "run") == [hu("Choose a date.")]
    assert not Booking.objects.exists()

    response = client.post(form_url(training), valid(run=str(second.pk)))
    assert response.status_code == 302
    assert Booking.objects.get().offering.translation_key == second.translation_key


def test_training_with_one_open_run_books_it_without_asking(client, training_index):
    training = factories.training(training_index, runs=1, price_eur=Decimal("0"))
    soup = soup_of(client.get(training.url))
    assert soup.select_one('#booking input[name="run"]') is None
    assert client.post(form_url(training), valid()).status_code == 302
    assert Booking.objects.get().offering.translation_key == training.runs.get().translation_key


# --- English copy ----------------------------------------------------------------------------


def test_english_page_gives_24_hour_times_and_no_double_full_stop(
    client, home, en_home, django_capture_on_commit_callbacks
):
    start = timezone.make_aware(dt.datetime(2030, 6, 1, 14, 30))
    opens = timezone.make_aware(dt.datetime(2030, 5, 1, 8, 0))
    event = booking_helpers.event_page(
        home, start=start, end=start + dt.timedelta(hours=3), registration_opens=opens
    )
    english = english_event(event)

    text = soup_of(client.get(english.url)).get_text(" ", strip=True)

    assert "Registration opens on May 1, 2030, 08:00." in text
    assert "14:30" in text and "17:30" in text
    for twelve_hour in ("a.m.", "p.m.", ".."):
        assert twelve_hour not in text


def test_a_past_event_is_not_headed_book_your_place(client, home):
    past = booking_helpers.event_page(home, days_ahead=-3)

    heading = soup_of(client.get(past.url)).select_one("#booking h2").get_text(strip=True)

    assert heading == hu("Registration")
    assert heading != hu("Book your place")


def test_run_choices_count_seats_left_with_plural_forms(client, training_index):
    training = factories.training(training_index, runs=2, price_eur=Decimal("0"))
    first, second = training.runs.order_by("start_date")
    factories.booking(
        factories.offering(first), status=BookingStatus.CONFIRMED, seats=first.seats - 1
    )

    labels = [
        label.get_text(" ", strip=True)
        for label in soup_of(client.get(training.url)).select("#booking fieldset label")
    ]

    with translation.override("hu"):
        one = translation.ngettext("%(count)d seat left", "%(count)d seats left", 1) % {"count": 1}
    assert one == "még 1 szabad hely"
    assert one in labels[0]
    assert f"még {second.seats} szabad hely" in labels[1]
    assert "seat(s)" not in " ".join(labels)


def test_consent_error_in_the_summary_names_the_notice_not_the_whole_label(client, event):
    response = client.post(form_url(event), valid(consent=""))

    items = [li.get_text(" ", strip=True) for li in soup_of(response).select(".error-summary li")]

    assert items == [
        f"{hu('Privacy notice')}: {hu('You must agree to the processing of your data to book.')}"
    ]


# --- price with VAT ----------------------------------------------------------------------------


def test_paid_form_shows_the_price_per_seat_net_vat_and_gross(client, training_index, settings):
    settings.BOOKING_VAT_PERCENT = "27"
    training = factories.training(training_index, runs=1, price_eur=Decimal("500.00"))

    soup = soup_of(client.get(training.url))

    per_seat = soup.select_one("#booking [data-price-per-seat]").get_text(" ", strip=True)
    assert per_seat == "Helyenként: 500,00 EUR nettó + 27% áfa ( 135,00 EUR) = 635,00 EUR"
    total = soup.select_one("#booking [data-price-total]")
    assert total.has_attr("hidden")  # shown (and kept up to date) by booking-price.js
    assert total["data-fee-cents"] == "50000"


def test_manage_page_amount_due_adds_the_vat(client, training_index, settings):
    settings.BOOKING_VAT_PERCENT = "27"
    training = factories.training(training_index, runs=1, price_eur=Decimal("500.00"))
    response = client.post(
        form_url(training),
        valid(seats="2", organisation="Agrár Kft.", tax_number="1-2-3", billing_address="Debrecen"),
    )

    amount = soup_of(client.get(response["Location"])).select_one("[data-amount-due]")

    assert amount.select_one("[data-price-net]").get_text(strip=True) == "1\xa0000,00"
    assert amount.select_one("[data-price-vat]").get_text(strip=True) == "270,00"
    assert amount.select_one("[data-price-gross]").get_text(strip=True) == "1\xa0270,00"
