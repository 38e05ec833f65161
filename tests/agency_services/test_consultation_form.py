"""The public request form in both languages: errors by field, nothing half-saved, spam-safe."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from agency_services.models import ConsultationRequest
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def clusters(home):
    index = factories.cluster_index(home)
    return factories.cluster(index, title="Nyírségi Kertészeti Klaszter")


def valid(**overrides) -> dict:
    start = timezone.localdate() + dt.timedelta(days=14)
    return {
        "organisation": "Nyírségi Kertészeti Klaszter",
        "contact_name": "Tóth Eszter",
        "email": "eszter@example.org",
        "cluster": "",
        "topic": "Vásári megjelenés",
        "needs": "Standkoncepció és kiadványok a berlini vásárra.",
        "preferred_from": start.isoformat(),
        "preferred_until": (start + dt.timedelta(days=20)).isoformat(),
        **overrides,
    }


@pytest.mark.parametrize(
    ("url", "heading", "button"),
    [
        ("/hu/tanacsadas/", "Marketing-tanácsadás kérése", "Kérés elküldése"),
        ("/en/consultation/", "Ask for marketing consultation", "Send the request"),
    ],
)
def test_the_form_is_served_in_each_language(client, clusters, url, heading, button):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert heading in page and button in page
    assert "Nyírségi Kertészeti Klaszter" in page  # the Hungarian cluster in the list
    assert 'name="csrfmiddlewaretoken"' in page


@pytest.mark.parametrize(
    ("url", "required", "order"),
    [
        ("/hu/tanacsadas/", "kötelező.", "Az időszak vége nem lehet korábbi a kezdeténél."),
        (
            "/en/consultation/",
            "This field is required.",
            "The end of the period cannot be before its start.",
        ),
    ],
)
def test_errors_name_the_field_in_the_pages_language_and_nothing_is_saved(
    client, clusters, url, required, order
):
    response = client.post(url, valid(email="", topic=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_email-error"' in page and 'id="id_topic-error"' in page
    assert required in page
    assert 'aria-invalid="true"' in page

    start = timezone.localdate() + dt.timedelta(days=10)
    response = client.post(
        url,
        valid(
            preferred_from=start.isoformat(),
            preferred_until=(start - dt.timedelta(days=1)).isoformat(),
        ),
    )
    assert response.status_code == 400
    assert order in response.content.decode()
    assert not ConsultationRequest.objects.exists()


@pytest.mark.parametrize(
    ("url", "language"), [("/hu/tanacsadas/", "hu"), ("/en/consultation/", "en")]
)
def test_a_valid_request_is_stored_in_the_forms_language(client, clusters, url, language):
    response = client.post(url, valid(cluster=clusters.pk), follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert response.status_code == 200
    stored = ConsultationRequest.objects.get()
    assert (stored.language, stored.cluster, stored.source) == (language, clusters, "public")
    assert stored.status == "submitted"


def test_an_unknown_cluster_is_a_field_error(client, clusters):
    response = client.post("/en/consultation/", valid(cluster="999999"))
    assert response.status_code == 400
    assert 'id="id_cluster-error"' in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_control_characters_in_the_topic_are_refused(client, clusters):
    response = client.post("/en/consultation/", valid(topic="Fair\u202eevil"))
    assert response.status_code == 400
    assert 'id="id_topic-error"' in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_the_honeypot_stores_nothing(client, clusters):
    response = client.post("/en/consultation/", valid(contact_me_by_fax="buy now"))
    assert response.status_code == 302
    assert not ConsultationRequest.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(clusters):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/consultation/", valid())
    assert response.status_code == 403
    assert not ConsultationRequest.objects.exists()


def test_too_many_posts_from_one_address_are_refused(client, clusters, settings):
    settings.CONSULTATION_RATE_LIMIT = "2/hour"
    client.post("/en/consultation/", valid(email=""))
    client.post("/en/consultation/", valid(email=""))
    response = client.post("/en/consultation/", valid())
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_every_page_links_to_the_form_in_its_language(client, en_home):
    assert 'href="/hu/tanacsadas/">Marketing-tanácsadás klasztereknek' in (
        client.get("/hu/").content.decode()
    )
    assert 'href="/en/consultation/">Marketing consultation for clusters' in (
        client.get("/en/").content.decode()
    )


def test_a_malformed_rate_limit_setting_falls_back_to_the_default(client, clusters, settings):
    settings.CONSULTATION_RATE_LIMIT = "lots"
    response = client.post("/en/consultation/", valid(), follow=True)
    assert response.status_code == 200
    assert ConsultationRequest.objects.count() == 1
