"""Speed dating (issue 11, items 1 and 2): the event settings in the editor, and the profile
collected by the booking API and the booking form."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from event_booking.models import Booking, Participant
from event_booking.services.consent import current_consent
from tests import factories
from tests.event_booking.booking_helpers import event_page
from tests.event_booking.speed_dating_helpers import speed_event

API = "/api/bookings/"


@pytest.fixture
def client():
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def post(client, data):
    return client.post(API, data, content_type="application/json")


def profile(page, **fields):
    return {
        "page": page.pk,
        "name": "Kovács Anna",
        "email": "anna@example.org",
        "organisation": "Debreceni Egyetem",
        "consent": True,
        "side": "researcher",
        "interests": [factories.field_of_interest().pk],
        "offer": "Akkumulátor-diagnosztika",
        "look_for": "Ipari partner",
        "profile_consent": True,
        **fields,
    }


# --- event settings --------------------------------------------------------------------------


def test_speed_dating_settings_are_required_and_checked_by_field(home):
    page, _offering = speed_event(home)
    page.speed_rounds = 0
    page.speed_tables = None
    page.speed_request_deadline = page.start + dt.timedelta(hours=1)

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert set(error.value.message_dict) >= {
        "speed_rounds",
        "speed_tables",
        "speed_request_deadline",
    }


def test_rounds_that_do_not_fit_in_the_event_are_refused_on_the_rounds(home):
    page, _offering = speed_event(home)
    page.speed_rounds = 12  # 12 x 10 min + 11 x 5 min > 2 hours

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert list(error.value.message_dict) == ["speed_rounds"]


def test_other_kinds_of_event_need_no_speed_dating_settings(home):
    page = event_page(home)
    page.full_clean()  # no error


# --- the booking API -------------------------------------------------------------------------


def test_api_booking_of_a_speed_dating_event_stores_the_profile(client, home):
    page, _offering = speed_event(home)
    field = factories.field_of_interest("anyagtudomany", "Anyagtudomány", english="Materials")
    english_row = field.get_translation(factories.locale("en"))

    response = post(client, profile(page, interests=[english_row.pk], auto_accept=True))

    assert response.status_code == 201, response.json()
    participant = Participant.objects.get(booking__reference=response.json()["reference"])
    assert participant.side == "researcher"
    assert participant.organisation == "Debreceni Egyetem"
    # Stored as the source-language row, whichever translation was sent.
    assert list(participant.interests.all()) == [field]
    assert participant.auto_accept is True
    assert participant.profile_consent and participant.profile_consent_at is not None
    assert "offer" not in response.json() and "side" not in response.json()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"side": None}, "side"),
        ({"organisation": ""}, "organisation"),
        ({"interests": []}, "interests"),
        ({"interests": [999999]}, "interests"),
        ({"offer": "  "}, "offer"),
        ({"look_for": ""}, "look_for"),
        ({"profile_consent": False}, "profile_consent"),
        ({"seats": 2}, "seats"),
        ({"cluster": 12345}, "cluster"),
    ],
)
def test_api_refuses_an_incomplete_profile_naming_the_field(client, home, fields, field):
    page, _offering = speed_event(home)
    data = {k: v for k, v in profile(page, **fields).items() if v is not None}

    response = post(client, data)

    assert response.status_code == 400
    assert field in response.json()
    assert not Booking.objects.exists()
    assert not Participant.objects.exists()


def test_companies_name_one_of_the_participating_clusters(client, home):
    clusters = factories.cluster_index(home)
    member = factories.cluster(clusters)
    other = factories.cluster(clusters, title="Másik klaszter", slug="masik")
    page, _offering = speed_event(home)
    page.participating_clusters.set([member])
    page.save_revision().publish()

    missing = post(client, profile(page, side="company"))
    wrong = post(client, profile(page, side="company", cluster=other.pk))
    right = post(client, profile(page, side="company", cluster=member.pk))

    assert missing.status_code == 400 and "cluster" in missing.json()
    assert wrong.status_code == 400 and "cluster" in wrong.json()
    assert right.status_code == 201
    assert Participant.objects.get().cluster_id == member.pk


def test_profile_fields_are_ignored_for_other_events(client, home):
    page = event_page(home)

    response = post(client, profile(page, interests=[], profile_consent=False))

    assert response.status_code == 201
    assert not Participant.objects.exists()


# --- the booking form ------------------------------------------------------------------------


def test_booking_form_shows_the_profile_fields_with_an_unticked_consent(client, home):
    page, _offering = speed_event(home)

    html = Client().get(page.url).content.decode()

    for name in ("side", "interests", "offer", "look_for", "auto_accept", "profile_consent"):
        assert f'name="{name}"' in html
    assert 'name="profile_consent" checked' not in html


def form_data(**profile):
    """The booking form's fields filled in, with the profile fields given."""
    return {
        "name": "Kovács Anna",
        "email": "anna@example.org",
        "organisation": "Debreceni Egyetem",
        "seats": 1,
        "consent": "on",
        "consent_version": current_consent().version,
        **profile,
    }


def test_booking_form_without_profile_shows_errors_next_to_the_fields(home):
    page, _offering = speed_event(home)

    response = Client().post(f"/hu/bookings/new/{page.pk}/", form_data())

    assert response.status_code == 200
    errors = response.context["booking_form"].errors
    assert {"side", "interests", "offer", "look_for", "profile_consent"} <= set(errors)
    assert not Booking.objects.exists()


def test_booking_form_with_profile_books_and_stores_it(home):
    page, _offering = speed_event(home)
    field = factories.field_of_interest()
    data = form_data(
        side="company",
        interests=[str(field.pk)],
        offer="Pilot üzem",
        look_for="Kutatói partner",
        profile_consent="on",
    )

    response = Client().post(f"/hu/bookings/new/{page.pk}/", data)

    assert response.status_code == 302, response.context["booking_form"].errors
    participant = Participant.objects.get()
    assert participant.side == "company" and participant.offer == "Pilot üzem"


def test_the_event_editor_has_a_speed_dating_tab(home, admin_client):
    page, _offering = speed_event(home)

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("speed_rounds", "speed_tables", "speed_request_deadline", "speed_objective"):
        assert f'name="{name}"' in html
