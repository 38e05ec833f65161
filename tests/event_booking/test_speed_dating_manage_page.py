"""Speed dating (issue 11, item 3): the matchmaking page at the participant's manage link."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from event_booking.models import MeetingRequest, RequestStatus
from event_booking.services import bookings as booking_services
from event_booking.tokens import booking_token
from tests import factories
from tests.event_booking.speed_dating_helpers import publish_list, speed_event


@pytest.fixture
def world(home):
    page, offering = speed_event(home)
    field = factories.field_of_interest("akku", "Akkumulátorok", english="Batteries")
    company = factories.participant(page, "company", interests=(field,))
    researcher = factories.participant(
        page, "researcher", interests=(field,), language="en", organisation="Lab Ltd"
    )
    return page, offering, company, researcher


def url(participant, name="booking_meetings", language="hu"):
    booking = participant.booking
    with translation.override(language):
        path = reverse(name, kwargs={"reference": booking.reference})
    return path, booking_token(booking)


def get(participant, language="hu", **params):
    path, token = url(participant, language=language)
    return Client().get(path, {"token": token, **params})


def post(participant, name, **data):
    path, token = url(participant, name)
    return Client().post(path, {"token": token, **data})


def test_wrong_token_is_not_found(world):
    _page, _offering, company, _researcher = world
    path, _token = url(company)

    assert Client().get(path, {"token": "nope"}).status_code == 404


def test_profiles_appear_once_the_list_is_published_in_the_readers_language(world):
    _page, offering, company, researcher = world

    before = get(company).content.decode()
    publish_list(offering)
    after = get(company, language="en")

    assert researcher.offer not in before
    html = after.content.decode()
    assert after["Cache-Control"] == "private, no-store"
    assert researcher.offer in html and "Lab Ltd" in html
    card = html.split(f'data-profile="{researcher.pk}"')[1].split("</article>")[0]
    assert "Batteries" in card  # the field of interest in the reader's language
    assert 'lang="en"' in html  # the texts are marked with the language they were written in


def test_send_a_ranked_list_and_answer_through_the_page(world):
    _page, offering, company, researcher = world
    publish_list(offering)

    sent = post(company, "booking_meeting_requests", rank_1=str(researcher.pk), rank_2="")
    request = MeetingRequest.objects.get()
    answered = post(researcher, "booking_meeting_answer", request=str(request.pk), accept="1")

    assert sent.status_code == answered.status_code == 302
    request.refresh_from_db()
    assert (request.sender_id, request.rank, request.status) == (
        company.pk,
        1,
        RequestStatus.ACCEPTED,
    )


def test_too_many_requests_through_the_page_are_refused(world):
    page, offering, company, researcher = world
    others = [factories.participant(page, "researcher") for _ in range(page.speed_max_requests)]
    publish_list(offering)
    ranks = {f"rank_{i}": str(p.pk) for i, p in enumerate([researcher, *others], start=1)}

    response = post(company, "booking_meeting_requests", **ranks)

    assert response.status_code == 302
    assert not MeetingRequest.objects.exists()


def test_a_cancelled_participant_sees_no_profiles(world):
    _page, offering, company, researcher = world
    publish_list(offering)
    booking_services.cancel_booking(booking_id=company.booking_id, notify=False)

    html = get(company).content.decode()

    assert researcher.offer not in html
    assert 'data-meetings-state="not-taking-part"' in html


def test_bookings_of_other_events_have_no_matchmaking_page(home):
    booking = factories.booking(factories.offering())

    response = Client().get(
        reverse("booking_meetings", kwargs={"reference": booking.reference}),
        {"token": booking_token(booking)},
    )

    assert response.status_code == 404


def test_requests_from_cancelled_participants_are_no_longer_shown(world):
    _page, offering, company, researcher = world
    publish_list(offering)
    post(company, "booking_meeting_requests", rank_1=str(researcher.pk))
    shown = get(researcher).content.decode()

    booking_services.cancel_booking(booking_id=company.booking_id, notify=False)
    hidden = get(researcher).content.decode()

    request = MeetingRequest.objects.get()
    assert f'data-request="{request.pk}"' in shown
    assert f'data-request="{request.pk}"' not in hidden
