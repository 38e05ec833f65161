"""Security fixes of the booking engine (issue 6, item 10).

* A private English translation (password or login) is never named in calendar files or
  booking e-mails: they fall back to the Hungarian page, as when there is no translation.
* A deeply nested JSON body to the booking API answers 400 with a message, not 500.
* Names and other free-text personal fields refuse text-direction and zero-width characters,
  in the API and in the booking form, with an error on the field.
"""

import json

import pytest
from django.test import Client
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from event_booking.emails import build_message
from event_booking.models import Booking, EmailKind, EmailOutbox
from tests import factories
from tests.event_booking.form_helpers import english_event

RLO = "\u202e"  # right-to-left override
ZWSP = "\u200b"  # zero-width space
LRI = "\u2066"  # left-to-right isolate


@pytest.fixture
def client():
    """The API answers in the Accept-Language (Hungarian by default); these tests read English."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def lock_with_password(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="titok"
    )


def ics_summary_and_url(response):
    assert response.status_code == 200
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    return str(event["SUMMARY"]), str(event.get("URL", ""))


# --- private English translations ----------------------------------------------------------


@pytest.fixture
def private_english_event(home, en_home, django_capture_on_commit_callbacks):
    """A Hungarian event whose English translation is live but password-protected."""
    index = factories.event_index(home)
    hungarian = factories.event(index, title="Klasztertalálkozó", slug="klasztertalalkozo")
    english = english_event(hungarian, django_capture_on_commit_callbacks, title="Secret Summit")
    lock_with_password(english)
    return hungarian, english


def test_the_event_calendar_never_names_a_private_english_translation(
    client, private_english_event
):
    hungarian, english = private_english_event

    response = client.get(f"/en/events/{hungarian.pk}.ics")

    summary, url = ics_summary_and_url(response)
    assert summary == "Klasztertalálkozó"
    assert "Secret Summit" not in response.content.decode()
    assert url.endswith(hungarian.url)
    assert client.get(f"/en/events/{english.pk}.ics").status_code == 404  # private itself


def test_the_english_training_run_calendar_falls_back_to_hungarian_when_english_is_private(
    client, home, en_home, to_english
):
    index = factories.training_index(home)
    to_english(index, {index.title: "Trainings", index.slug: "trainings"})
    training = factories.training(index, title="Stratégia", slug="strategia")
    english = to_english(training, {"Stratégia": "Secret Strategy", "strategia": "strategy"})
    run = training.runs.get()
    english_run = english.runs.get()

    assert ics_summary_and_url(client.get(f"/en/trainings/runs/{run.pk}.ics"))[0] == (
        "Secret Strategy"
    )  # the public translation is used ...
    lock_with_password(english)

    response = client.get(f"/en/trainings/runs/{run.pk}.ics")  # ... and a private one never

    summary, url = ics_summary_and_url(response)
    assert summary == "Stratégia"
    assert "Secret Strategy" not in response.content.decode()
    assert url.endswith(training.url)
    assert client.get(f"/en/trainings/runs/{english_run.pk}.ics").status_code == 404


def test_english_booking_emails_never_name_a_private_english_translation(private_english_event):
    hungarian, _english = private_english_event
    booking = factories.booking(factories.offering(hungarian), language="en")
    outbox = EmailOutbox.objects.get(booking=booking, kind=EmailKind.CONFIRMATION)

    message = build_message(outbox)

    assert message.subject == "Booking confirmed: Klasztertalálkozó"
    (html, _mimetype) = message.alternatives[0]
    for text in (message.body, html):
        assert "Klasztertalálkozó" in text
        assert "Secret Summit" not in text
        assert "business-meeting" not in text  # the English page's address
    (_name, ics, _type) = message.attachments[0]
    (entry,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Klasztertalálkozó"
    assert str(entry["URL"]).endswith(hungarian.url)


def test_the_booking_api_detail_never_names_a_private_english_translation(
    client, private_english_event
):
    hungarian, _english = private_english_event
    response = client.post(
        "/api/bookings/",
        {
            "page": hungarian.pk,
            "name": "Anna",
            "email": "a@example.org",
            "consent": True,
            "language": "en",
        },
        content_type="application/json",
    )
    body = response.json()

    detail = client.get(f"/api/bookings/{body['reference']}/", {"token": body["token"]}).json()

    assert detail["offering"]["title"] == "Klasztertalálkozó"


# --- nested JSON ---------------------------------------------------------------------------


def test_deeply_nested_json_is_a_400_with_a_message_not_a_500(client, db):
    body = "[" * 1000 + "]" * 1000  # 2 KB

    response = client.post("/api/bookings/", body, content_type="application/json")

    assert response.status_code == 400
    assert "nested" in response.json()["detail"]


def test_nested_json_is_refused_on_every_booking_route(client, db):
    body = '{"token": ' + "[" * 1000 + "]" * 1000 + "}"

    response = client.post("/api/bookings/ABC/cancel/", body, content_type="application/json")

    assert response.status_code == 400


# --- invisible characters in names ---------------------------------------------------------


@pytest.fixture
def event(home):
    return factories.event(factories.event_index(home), capacity=10)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", f"Anna {RLO}gpj.exe"),
        ("name", f"Anna{ZWSP} Kiss"),
        ("organisation", f"{LRI}Acme Kft."),
        ("name", "Anna\ufeffKiss"),
        ("name", "Anna\u200fKiss"),
    ],
)
def test_the_api_refuses_invisible_and_text_direction_characters(client, event, field, value):
    payload = {"page": event.pk, "name": "Anna", "email": "a@example.org", "consent": True}
    payload[field] = value

    response = client.post("/api/bookings/", json.dumps(payload), content_type="application/json")

    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    assert "invisible or text-direction characters" in errors[field][0]
    assert not Booking.objects.exists()


def test_the_booking_form_shows_the_error_next_to_the_name(client, event):
    from event_booking.services.consent import current_consent

    response = client.post(
        f"/hu/bookings/new/{event.pk}/",
        {
            "name": f"Anna {RLO}Kiss",
            "email": "a@example.org",
            "seats": 1,
            "consent": "on",
            "consent_version": current_consent().version,
        },
        HTTP_ACCEPT_LANGUAGE="hu",
    )

    assert response.status_code == 200
    form = response.context["booking_form"]
    assert list(form.errors) == ["name"]
    assert "Név" in form.errors["name"][0] or "Name" in form.errors["name"][0]
    assert not Booking.objects.exists()


def test_ordinary_accented_names_are_still_accepted(client, event):
    payload = {
        "page": event.pk,
        "name": "Őze Árpád-Ünőné",
        "organisation": "Ág & Társa Kft.",
        "email": "a@example.org",
        "consent": True,
    }

    response = client.post("/api/bookings/", json.dumps(payload), content_type="application/json")

    assert response.status_code == 201
