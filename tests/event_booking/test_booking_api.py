"""The booking API contract (issue 3, item 2): every status code and error case."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from event_booking.models import Booking, BookingStatus, ConsentText, EmailKind, EmailOutbox
from event_booking.services import bookings as booking_services
from event_booking.tokens import booking_token
from tests import factories
from tests.event_booking.booking_helpers import event_page

URL = "/api/bookings/"


def post(client, url, payload, **extra):
    return client.post(url, payload, content_type="application/json", **extra)


def payload(target, **fields):
    return {
        "page": target.pk,
        "name": "Kovács Anna",
        "email": "anna@example.org",
        "consent": True,
        **fields,
    }


@pytest.fixture
def event(home):
    return event_page(home, capacity=10, max_seats_per_booking=4)


@pytest.fixture
def client():
    """A front end that asks for English messages (the API speaks the Accept-Language)."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


# --- 201 ------------------------------------------------------------------------------------


def test_booking_a_seat_confirms_it_and_returns_its_token_and_manage_link(client, event):
    response = post(client, URL, payload(event, organisation="Agrár Klaszter", phone="+36 1"))

    assert response.status_code == 201
    body = response.json()
    assert set(body) == {
        "reference",
        "token",
        "status",
        "waitlist_position",
        "seats",
        "amount_due",
        "currency",
        "manage_url",
    }
    assert body["status"] == "confirmed"
    assert body["waitlist_position"] is None
    assert body["seats"] == 1
    assert body["amount_due"] == "0.00"
    assert body["currency"] == "EUR"
    booking = Booking.objects.get(reference=body["reference"])
    assert body["token"] == booking_token(booking)
    assert body["manage_url"].endswith(f"/hu/bookings/{booking.reference}/?token={body['token']}")
    assert booking.language == "hu"
    assert booking.organisation == "Agrár Klaszter"
    assert booking.page_id == event.pk
    assert list(booking.emails.values_list("kind", flat=True)) == [EmailKind.CONFIRMATION]


def test_the_consent_version_agreed_to_is_stored_with_the_booking(client, event):
    first = post(client, URL, payload(event, email="a@example.org")).json()
    ConsentText.objects.create(version=2, text_hu="Új szöveg.", text_en="New text.")
    second = post(client, URL, payload(event, email="b@example.org")).json()

    assert Booking.objects.get(reference=first["reference"]).consent.version == 1
    assert Booking.objects.get(reference=second["reference"]).consent.version == 2
    version_1 = ConsentText.objects.get(version=1)
    assert "Hozzájárulok" in version_1.text_hu
    assert "I agree" in version_1.text_en


def test_a_paid_training_with_one_open_run_charges_seats_times_fee(client, home):
    training = factories.training(factories.training_index(home), price_eur=Decimal("500.00"))

    response = post(client, URL, payload(training, seats=3))

    assert response.status_code == 201
    assert response.json()["amount_due"] == "1500.00"
    booking = Booking.objects.get(reference=response.json()["reference"])
    assert booking.offering.translation_key == training.runs.get().translation_key


def test_a_training_with_several_open_runs_needs_the_run(client, home):
    training = factories.training(factories.training_index(home), runs=2)
    second_run = training.runs.order_by("start_date")[1]

    missing = post(client, URL, payload(training))
    chosen = post(client, URL, payload(training, run=second_run.pk))

    assert missing.status_code == 400
    assert list(missing.json()) == ["run"]
    assert chosen.status_code == 201
    booking = Booking.objects.get(reference=chosen.json()["reference"])
    assert booking.offering.translation_key == second_run.translation_key


def test_a_full_event_waitlists_new_bookings_with_their_position(client, home):
    small = event_page(home, capacity=2)
    post(client, URL, payload(small, email="a@example.org", seats=2))

    third = post(client, URL, payload(small, email="c@example.org"))
    fourth = post(client, URL, payload(small, email="d@example.org", seats=2))

    assert third.status_code == fourth.status_code == 201
    assert third.json()["status"] == "waitlisted"
    assert third.json()["waitlist_position"] == 1
    assert fourth.json()["waitlist_position"] == 2
    assert fourth.json()["seats"] == 2
    booking = Booking.objects.get(reference=fourth.json()["reference"])
    assert list(booking.emails.values_list("kind", flat=True)) == [EmailKind.WAITLISTED]


# --- 200: the same address again --------------------------------------------------------------


def test_booking_again_with_the_same_address_returns_the_booking_without_its_token(client, event):
    first = post(client, URL, payload(event, seats=2)).json()

    again = post(client, URL, payload(event, email=" ANNA@Example.org ", seats=3))

    assert again.status_code == 200
    body = again.json()
    assert body["reference"] == first["reference"]
    assert body["status"] == "confirmed"
    assert body["seats"] == 2
    assert "token" not in body
    assert "manage_url" not in body
    assert first["token"] not in again.content.decode()
    assert Booking.objects.filter(offering=factories.offering(event)).count() == 1


def test_the_manage_link_is_re_sent_at_most_once_an_hour(client, event, monkeypatch):
    reference = post(client, URL, payload(event)).json()["reference"]
    booking = Booking.objects.get(reference=reference)

    def manage_link_mails():
        return list(
            EmailOutbox.objects.filter(booking=booking, kind=EmailKind.MANAGE_LINK)
            .order_by("sequence")
            .values_list("sequence", flat=True)
        )

    # A double click right after booking: the confirmation carried the link minutes ago.
    post(client, URL, payload(event))
    assert manage_link_mails() == []

    later = timezone.now() + dt.timedelta(hours=1, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    post(client, URL, payload(event))
    post(client, URL, payload(event))
    assert manage_link_mails() == [1]

    even_later = later + dt.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: even_later)
    post(client, URL, payload(event))
    assert manage_link_mails() == [1, 2]


def test_a_cancelled_booking_does_not_block_booking_again(client, event):
    first = post(client, URL, payload(event)).json()
    post(client, f"{URL}{first['reference']}/cancel/", {"token": first["token"]})

    again = post(client, URL, payload(event))

    assert again.status_code == 201
    assert again.json()["reference"] != first["reference"]


# --- 400 ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"consent": None}, "consent"),
        ({"consent": False}, "consent"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "anna@example.org\nBcc: victim@example.org"}, "email"),
        ({"name": ""}, "name"),
        ({"name": "Anna\r\nBcc: victim@example.org"}, "name"),
        ({"name": "Anna\nX"}, "name"),
        ({"name": "Anna\u2028Bcc: victim@example.org"}, "name"),
        ({"organisation": "Acme\r\nBcc: victim@example.org"}, "organisation"),
        ({"phone": "+36\n1"}, "phone"),
        ({"seats": 0}, "seats"),
        ({"seats": "many"}, "seats"),
        ({"seats": 5}, "seats"),
        ({"language": "de"}, "language"),
        ({"page": 10**12}, "page"),
        ({"page": "abc"}, "page"),
    ],
)
def test_bad_input_answers_400_naming_the_field(client, event, fields, field):
    data = payload(event, **fields)
    for key, value in fields.items():
        if value is None:
            del data[key]

    response = post(client, URL, data)

    assert response.status_code == 400
    body = response.json()
    assert field in body
    assert isinstance(body[field], list)
    assert all(isinstance(message, str) and message for message in body[field])
    assert not Booking.objects.exists()


def test_error_messages_follow_the_accept_language_header(event):
    hungarian = Client(HTTP_ACCEPT_LANGUAGE="hu")
    response = post(hungarian, URL, payload(event, seats=5))
    assert response.status_code == 400
    assert response.json()["seats"] == ["Egyszerre legfeljebb 4 helyet foglalhat."]


def test_more_seats_than_allowed_per_booking_names_the_maximum(client, event):
    response = post(client, URL, payload(event, seats=5))

    assert response.json() == {"seats": ["You can book at most 4 seats at once."]}


def test_a_group_larger_than_the_whole_capacity_is_refused(client, home):
    small = event_page(home, capacity=2, max_seats_per_booking=5)

    response = post(client, URL, payload(small, seats=3))

    assert response.status_code == 400
    assert list(response.json()) == ["seats"]


def test_an_unknown_page_is_a_field_error(client, event):
    response = post(client, URL, payload(event, page=999_999))

    assert response.status_code == 400
    assert list(response.json()) == ["page"]


def test_a_page_that_is_not_bookable_is_a_field_error(client, home):
    cluster = factories.cluster(factories.cluster_index(home))

    for page in (home, cluster):
        response = post(client, URL, payload(page))
        assert response.status_code == 400
        assert list(response.json()) == ["page"]


def test_a_draft_event_cannot_be_booked(client, home):
    index = factories.event_index(home)
    start = timezone.now() + dt.timedelta(days=5)
    draft = factories.EventPage(
        title="Vázlat", slug="vazlat", kind="seminar", start=start, end=start, capacity=5
    )
    index.add_child(instance=draft)
    draft.save_revision()
    draft.live = False
    draft.save()

    response = post(client, URL, payload(draft))

    assert response.status_code == 400
    assert list(response.json()) == ["page"]


def test_a_page_in_a_private_section_cannot_be_booked(client, event):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=event.get_parent(), restriction_type="password", password="titok"
    )

    response = post(client, URL, payload(event))

    assert response.status_code == 400
    assert list(response.json()) == ["page"]


def test_a_run_given_for_an_event_or_of_another_training_is_a_field_error(client, home, event):
    other = factories.training(factories.training_index(home))
    training = factories.training(
        factories.training_index.__globals__["TrainingIndexPage"].objects.get(), runs=1
    )

    for page, run in ((event, other.runs.get().pk), (training, other.runs.get().pk)):
        response = post(client, URL, payload(page, run=run))
        assert response.status_code == 400
        assert list(response.json()) == ["run"]


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"page": ', "null", '"text"'])
def test_a_body_that_is_not_a_json_object_answers_400(client, body):
    response = client.post(URL, body, content_type="application/json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_form_encoded_bodies_are_refused_not_crashed(client, event):
    response = client.post(URL, {"page": event.pk})

    assert response.status_code == 415


# --- 409 ------------------------------------------------------------------------------------


def test_registration_not_open_yet_answers_409(client, home):
    page = event_page(home, registration_opens=timezone.now() + dt.timedelta(days=2))

    response = post(client, URL, payload(page))

    assert response.status_code == 409
    assert response.json() == {"detail": "Registration has not opened yet."}


def test_registration_closed_answers_409(client, home):
    page = event_page(home, registration_closes=timezone.now() - dt.timedelta(minutes=1))

    response = post(client, URL, payload(page))

    assert response.status_code == 409
    assert response.json() == {"detail": "Registration is closed."}


def test_registration_closed_by_the_deadline_job_answers_409(client, event):
    factories.offering(event).__class__.objects.filter(pk=factories.offering(event).pk).update(
        closed_at=timezone.now()
    )

    assert post(client, URL, payload(event)).status_code == 409


def test_an_event_that_is_over_answers_409(client, home):
    past = event_page(home, days_ahead=-3)

    response = post(client, URL, payload(past))

    assert response.status_code == 409
    assert response.json() == {"detail": "This event has already taken place."}


def test_a_training_run_closes_at_the_end_of_the_day_before_it_starts(client, home, monkeypatch):
    training = factories.training(factories.training_index(home))
    run = training.runs.get()
    midnight = timezone.make_aware(dt.datetime.combine(run.start_date, dt.time.min))

    monkeypatch.setattr(timezone, "now", lambda: midnight - dt.timedelta(minutes=1))
    last_minute = post(client, URL, payload(training, email="a@example.org"))
    monkeypatch.setattr(timezone, "now", lambda: midnight + dt.timedelta(minutes=1))
    too_late = post(client, URL, payload(training, email="b@example.org"))

    assert last_minute.status_code == 201
    assert too_late.status_code == 409
    assert too_late.json() == {"detail": "No run of this training is open for registration."}


# --- 429 ------------------------------------------------------------------------------------


def test_over_the_rate_limit_answers_429(client, event, settings):
    settings.BOOKING_RATE_LIMIT = "3/minute"

    codes = [
        post(client, URL, payload(event, email=f"p{i}@example.org")).status_code for i in range(4)
    ]
    other_ip = post(client, URL, payload(event, email="x@example.org"), REMOTE_ADDR="10.0.0.9")

    assert codes == [201, 201, 201, 429]
    assert other_ip.status_code == 201
    assert Booking.objects.count() == 4


def test_a_forged_forwarded_for_header_does_not_dodge_the_rate_limit(client, event, settings):
    settings.BOOKING_RATE_LIMIT = "2/minute"

    codes = [
        post(
            client,
            URL,
            payload(event, email=f"p{i}@example.org"),
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}",
        ).status_code
        for i in range(3)
    ]

    assert codes == [201, 201, 429]


def test_an_empty_rate_limit_turns_it_off(client, event, settings):
    settings.BOOKING_RATE_LIMIT = ""

    codes = {
        post(client, URL, payload(event, email=f"p{i}@example.org")).status_code for i in range(25)
    }

    assert codes == {201}


# --- GET, cancel, leave ---------------------------------------------------------------------


def test_the_token_opens_the_booking_and_nothing_personal_is_shown(client, event):
    created = post(client, URL, payload(event, phone="+36 30 123 4567")).json()

    response = client.get(f"{URL}{created['reference']}/", {"token": created["token"]})

    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == created["reference"]
    assert body["status"] == "confirmed"
    assert body["offering"]["title"] == event.title
    assert body["manage_url"] == created["manage_url"]
    text = response.content.decode()
    for personal in ("Kovács", "anna@example.org", "123 4567"):
        assert personal not in text


@pytest.mark.parametrize("token", [None, "", "wrong", "0" * 32])
def test_a_wrong_or_missing_token_answers_404(client, event, token):
    created = post(client, URL, payload(event)).json()
    params = {} if token is None else {"token": token}

    response = client.get(f"{URL}{created['reference']}/", params)

    assert response.status_code == 404
    assert response.json() == {"detail": "No such booking."}


def test_one_booking_s_token_does_not_open_another(client, event):
    first = post(client, URL, payload(event, email="a@example.org")).json()
    second = post(client, URL, payload(event, email="b@example.org")).json()

    response = client.get(f"{URL}{second['reference']}/", {"token": first["token"]})

    assert response.status_code == 404


def test_an_unknown_reference_answers_404(client, event):
    assert client.get(f"{URL}NOSUCHREF1/", {"token": "x"}).status_code == 404
    assert post(client, f"{URL}NOSUCHREF1/cancel/", {"token": "x"}).status_code == 404


def test_cancelling_frees_the_seats_and_promotes_the_waiting_list(client, home):
    page = event_page(home, capacity=1)
    first = post(client, URL, payload(page, email="a@example.org")).json()
    second = post(client, URL, payload(page, email="b@example.org")).json()
    assert second["status"] == "waitlisted"

    wrong = post(client, f"{URL}{first['reference']}/cancel/", {"token": second["token"]})
    response = post(client, f"{URL}{first['reference']}/cancel/", {"token": first["token"]})
    again = post(client, f"{URL}{first['reference']}/cancel/", {"token": first["token"]})

    assert wrong.status_code == 404
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert again.status_code == 409
    promoted = client.get(f"{URL}{second['reference']}/", {"token": second["token"]}).json()
    assert promoted["status"] == "confirmed"
    assert promoted["waitlist_position"] is None
    kinds = set(
        EmailOutbox.objects.filter(booking__reference=second["reference"]).values_list(
            "kind", flat=True
        )
    )
    assert kinds == {EmailKind.WAITLISTED, EmailKind.PROMOTED}


def test_a_booker_cannot_cancel_once_the_event_has_started(client, event, monkeypatch):
    created = post(client, URL, payload(event)).json()
    started = factories.offering(event).starts_at + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: started)

    response = post(client, f"{URL}{created['reference']}/cancel/", {"token": created["token"]})

    assert response.status_code == 409
    assert Booking.objects.get(reference=created["reference"]).status == "confirmed"


def test_a_waitlisted_booker_can_leave_the_waiting_list(client, home):
    page = event_page(home, capacity=1)
    post(client, URL, payload(page, email="a@example.org"))
    waiting = post(client, URL, payload(page, email="b@example.org")).json()
    confirmed = post(client, URL, payload(page, email="a@example.org")).json()

    response = post(
        client, f"{URL}{waiting['reference']}/leave-waitlist/", {"token": waiting["token"]}
    )

    assert response.status_code == 200
    assert response.json()["status"] == BookingStatus.LEFT_WAITLIST
    assert confirmed["status"] == "confirmed"


def test_a_confirmed_booking_cannot_leave_the_waiting_list(client, event):
    created = post(client, URL, payload(event)).json()

    response = post(
        client, f"{URL}{created['reference']}/leave-waitlist/", {"token": created["token"]}
    )

    assert response.status_code == 409


# --- CSRF, schema -----------------------------------------------------------------------------


def test_the_api_needs_no_csrf_token_even_for_a_logged_in_browser(event, django_user_model):
    user = django_user_model.objects.create_user("someone", password="x")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)

    response = post(browser, URL, payload(event))

    assert response.status_code == 201


def test_the_openapi_schema_documents_the_booking_api(client, db):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) >= {
        "/api/bookings/",
        "/api/bookings/{reference}/",
        "/api/bookings/{reference}/cancel/",
    }
    create = schema["paths"]["/api/bookings/"]["post"]
    assert {"201", "200", "400", "409", "429"} <= set(create["responses"])
    # Wagtail's API v2 is not introspected; only the pages endpoint's language parameters and
    # translations are described by hand (cms.openapi.document_pages_api).
    assert {path for path in schema["paths"] if path.startswith("/api/v2/")} == {
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
    }


def test_services_refuse_header_injection_too(event):
    from event_booking.services.consent import current_consent
    from event_booking.services.errors import InvalidBooking

    with pytest.raises(InvalidBooking) as error:
        booking_services.book_offering(
            offering_id=factories.offering(event).pk,
            booker=booking_services.BookerDetails(
                name="Anna\r\nBcc: x@example.org", email="anna@example.org"
            ),
            language="hu",
            consent=current_consent(),
        )
    assert error.value.field == "name"


def test_a_malformed_rate_limit_is_reported_and_still_limits(client, event, settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.BOOKING_RATE_LIMIT = "lots"

    with pytest.raises(SystemCheckError, match="BOOKING_RATE_LIMIT"):
        call_command("check")
    codes = [
        post(client, URL, payload(event, email=f"p{i}@example.org")).status_code for i in range(21)
    ]
    assert codes == [201] * 20 + [429]


def test_amount_due_is_null_unless_the_booking_is_confirmed(client, home):
    paid = event_page(home, capacity=1, fee=Decimal("50.00"))
    invoice = {"organisation": "Agrár Kft.", "tax_number": "1-2-3", "billing_address": "Debrecen"}
    first = post(client, URL, payload(paid, email="a@example.org", **invoice)).json()
    second = post(client, URL, payload(paid, email="b@example.org", **invoice)).json()

    assert (first["status"], first["amount_due"]) == ("confirmed", "50.00")
    assert (second["status"], second["amount_due"]) == ("waitlisted", None)

    post(client, f"{URL}{first['reference']}/cancel/", {"token": first["token"]})
    cancelled = client.get(f"{URL}{first['reference']}/", {"token": first["token"]}).json()
    assert (cancelled["status"], cancelled["amount_due"]) == ("cancelled", None)


@pytest.mark.parametrize("accept_language", ["hu", "en", ""])
def test_the_openapi_schema_is_in_english_whatever_the_request_language(
    client, db, accept_language
):
    response = client.get(
        "/api/schema/", HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE=accept_language
    )

    schema = response.json()
    summary = schema["components"]["schemas"]["BookingCreated"]["properties"]
    assert summary["waitlist_position"]["description"] == (
        "1 = next in line; null unless waitlisted."
    )
    assert summary["amount_due"]["description"] == (
        "What the booker owes; null unless the booking is confirmed."
    )
    assert summary["amount_due"]["nullable"] is True
