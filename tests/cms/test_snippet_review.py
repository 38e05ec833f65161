"""Sectors, venues, topics and fields of interest are reviewed like pages, by the roles the
migrations install.

Through the admin's own URLs as each role (cms.snippet_review): a translator's English
translation waits for a translation reviewer, an editor's Hungarian change for a moderator;
moderators publish Hungarian snippets only, and nobody else publishes, by any route.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import TaskState
from wagtail_localize.models import StringTranslation, Translation

from cms.models import Sector, Venue
from event_booking.models import FieldOfInterest
from tests import factories
from training_catalog.models import TrainingTopic

SUBMIT_FOR_REVIEW = {"cms-workflow-submit-for-review": "1"}
ROLES = {
    "moderator": "Moderators",
    "editor": "Editors",
    "translator": "Translators",
    "reviewer": "Translation reviewers",
    "organiser": "Organisers",
    "manager": "Cluster managers",
}


@pytest.fixture
def login(client, db):
    """Log the test client in as a new member of a role: `login("translator")`."""

    def as_role(role: str):
        user = get_user_model().objects.create_user(username=role, password="x")
        user.groups.add(Group.objects.get(name=ROLES[role]))
        client.force_login(user)
        return client

    return as_role


@pytest.fixture
def english_event(home, en_home):
    """A live event at a venue, both translated and live in English."""
    venue = factories.venue()
    events = factories.event_index(home)
    factories.english_index(events)
    event = factories.to_english(factories.event(events, venue=venue))
    english_venue = factories.to_english(venue, {"Debreceni Egyetem Főépület": "Main Building"})
    return event, venue, english_venue


def url(obj, name: str, *args) -> str:
    return reverse(type(obj).snippet_viewset.get_url_name(name), args=[obj.pk, *args])


def refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def approve(client, obj):
    state = TaskState.objects.get(
        workflow_state__object_id=str(obj.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    return client.post(url(obj, "workflow_action", "approve", state.pk), {"comment": ""})


def reload(obj):
    return type(obj).objects.get(pk=obj.pk)


def sector_form(sector: Sector, **changes: str) -> dict:
    return {"name": sector.name, "slug": sector.slug, "description": "", **changes}


def test_a_translators_venue_translation_is_not_live_until_a_reviewer_approves(
    client, login, english_event
):
    event, _venue, english_venue = english_event
    StringTranslation.objects.filter(
        translation_of__data="Debreceni Egyetem Főépület", locale=english_venue.locale
    ).update(data="Main Building, new wing")

    response = login("translator").post(url(english_venue, "edit"), SUBMIT_FOR_REVIEW)

    assert response.status_code == 302
    assert reload(english_venue).workflow_in_progress
    assert "Main Building, new wing" not in client.get(event.url).content.decode()
    assert refused(approve(login("moderator"), english_venue))
    assert reload(english_venue).name == "Main Building"

    approve(login("reviewer"), english_venue)

    assert reload(english_venue).name == "Main Building, new wing"
    client.logout()
    assert "Main Building, new wing" in client.get(event.url).content.decode()


def test_an_editors_hungarian_sector_change_waits_for_a_moderator(login):
    sector = factories.sector("digital")

    response = login("editor").post(
        url(sector, "edit"), {**sector_form(sector, name="Digitális gazdaság"), "action-submit": 1}
    )

    assert response.status_code == 302
    assert reload(sector).name == "Digitális ágazat"
    assert refused(approve(login("reviewer"), sector))
    assert reload(sector).name == "Digitális ágazat"

    approve(login("moderator"), sector)

    assert reload(sector).name == "Digitális gazdaság"


@pytest.mark.parametrize("role", ["editor", "translator", "reviewer", "organiser", "manager"])
def test_only_moderators_publish_a_hungarian_snippet(login, role):
    sector = factories.sector("digital")

    login(role).post(
        url(sector, "edit"), {**sector_form(sector, name="Élesítve"), "action-publish": 1}
    )

    assert reload(sector).name == "Digitális ágazat"


def test_a_moderator_publishes_a_snippet(login):
    sector = factories.sector("digital")

    login("moderator").post(
        url(sector, "edit"), {**sector_form(sector, name="Élesítve"), "action-publish": 1}
    )

    assert reload(sector).name == "Élesítve"


@pytest.mark.parametrize("role", ["translator", "reviewer", "organiser", "manager"])
def test_who_may_not_author_cannot_open_a_hungarian_venue(login, role):
    venue = factories.venue()

    assert refused(login(role).get(url(venue, "edit")))


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_authors_open_a_hungarian_venue(login, role):
    assert login(role).get(url(factories.venue(), "edit")).status_code == 200


def test_a_translator_cannot_publish_an_english_venue_by_any_route(login, english_event):
    _event, venue, english_venue = english_event
    StringTranslation.objects.filter(
        translation_of__data="Debreceni Egyetem Főépület", locale=english_venue.locale
    ).update(data="Unreviewed")
    source = Translation.objects.get(
        source__object_id=venue.translation_key, target_locale=english_venue.locale
    ).source
    translator = login("translator")

    responses = [
        translator.post(url(english_venue, "edit"), {"action": "publish"}),  # translation editor
        translator.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        ),
        translator.post(url(english_venue, "unpublish")),
        translator.post(url(english_venue, "delete")),
    ]

    assert all(refused(response) for response in responses)
    assert (reload(english_venue).name, reload(english_venue).live) == ("Main Building", True)


def test_a_moderator_cannot_publish_an_english_venue(login, english_event):
    """Moderators hold `publish_venue`, but approve and publish Hungarian only."""
    _event, _venue, english_venue = english_event
    moderator = login("moderator")

    responses = [
        moderator.post(url(english_venue, "edit"), {"action": "publish"}),
        moderator.post(url(english_venue, "unpublish")),
    ]

    assert all(refused(response) for response in responses)
    assert (reload(english_venue).name, reload(english_venue).live) == ("Main Building", True)


def test_the_migrations_assign_the_cluster_site_workflow_to_the_snippets(db):
    for model in (Sector, Venue, TrainingTopic, FieldOfInterest):
        workflow = model(locale=factories.locale("hu")).get_workflow()
        assert workflow is not None and workflow.name == "Cluster site", model


def test_translate_this_snippet_makes_a_draft_translation_not_a_live_one(login, en_home):
    venue = factories.venue()

    response = login("translator").post(
        reverse("wagtail_localize:submit_snippet_translation", args=["cms", "venue", venue.pk]),
        {"locales": [factories.locale("en").pk]},
    )

    assert response.status_code == 302
    english = venue.get_translation(factories.locale("en"))
    assert not english.live
