"""Our roles take no route to "live" (or around it) that their role does not give them.

Driven through the admin's own URLs on the project's page types, as:

- a cluster manager on their own Hungarian cluster page: never publish, unpublish, delete,
  move, copy, revert-and-publish, schedule or lock, by any route;
- an organiser on an English event page: English goes live only through translation review,
  while their Hungarian events they publish themselves (the controls);
- moderators, editors and translators copying with "Publish copies";
- the Wagtail v3 API (read and write) stays unmounted.

The English event page's synced translation is stopped, so it opens in the normal page editor
with its revert, schedule and publish actions (a synced page opens in wagtail-localize's editor,
closed in `tests/workflow/test_closed_routes.py`). The world is built once for the module.
"""

import copy
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation

from cluster_pages.roles import ensure_cluster_manager_group
from cms.roles import CLUSTER_MANAGERS, ORGANISERS, TRANSLATORS
from tests import factories
from tests.admin_routes import (
    bulk,
    copy_and_publish,
    publish_with_go_live,
    revert_and_publish,
    scheduled,
)

ROLES = {
    "manager": [CLUSTER_MANAGERS],  # and the cluster's own group, below
    "organiser": [ORGANISERS],
    "moderator": ["Moderators"],
    "editor": ["Editors"],
    "translator": [TRANSLATORS],
}


@dataclass
class World:
    cluster: Page  # the manager's own Hungarian cluster page
    event: Page  # a Hungarian event (organisers publish it)
    english_event: Page  # its English translation, in the normal editor
    events_en: Page


@pytest.fixture(scope="module")
def _world(module_world) -> World:
    site = factories.bilingual_site()
    cluster = factories.cluster(site.clusters)
    event = factories.event(site.events)
    english_event = factories.to_english(event)
    Translation.objects.filter(
        source__object_id=event.translation_key, target_locale=english_event.locale
    ).update(enabled=False)
    for username, groups in ROLES.items():
        user = get_user_model().objects.create_user(username=username, password="x")
        user.groups.add(*Group.objects.filter(name__in=groups))
    get_user_model().objects.get(username="manager").groups.add(
        ensure_cluster_manager_group(cluster)[0]
    )
    return World(cluster, event, english_event, site.events_en)


@pytest.fixture
def world(_world, db) -> World:
    return copy.deepcopy(_world)


@pytest.fixture
def as_user(client):
    def login(username: str):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return login


def reloaded(page: Page) -> Page:
    return Page.objects.filter(pk=page.pk).first()


def with_draft(page: Page, title: str) -> Page:
    page = reloaded(page).specific
    page.title = title
    page.save_revision()
    return reloaded(page)


# --- Cluster managers on their own cluster page -----------------------------------------------


def test_manager_cannot_bulk_publish_their_draft(world, as_user):
    cluster = with_draft(world.cluster, "Unreviewed")
    bulk(as_user("manager"), "publish", cluster)
    assert reloaded(cluster).title != "Unreviewed"


def test_manager_cannot_bulk_unpublish(world, as_user):
    bulk(as_user("manager"), "unpublish", world.cluster)
    assert reloaded(world.cluster).live


def test_manager_cannot_bulk_delete(world, as_user):
    bulk(as_user("manager"), "delete", world.cluster)
    assert reloaded(world.cluster) is not None


def test_manager_cannot_bulk_move(world, as_user):
    parent = reloaded(world.cluster).get_parent()
    bulk(as_user("manager"), "move", world.cluster, {"chooser": world.event.get_parent().pk})
    assert reloaded(world.cluster).get_parent().pk == parent.pk


def test_manager_cannot_delete_or_move_by_the_page_menu(world, as_user):
    client = as_user("manager")
    client.post(reverse("wagtailadmin_pages:delete", args=[world.cluster.pk]))
    client.post(
        reverse(
            "wagtailadmin_pages:move_confirm",
            args=[world.cluster.pk, world.event.get_parent().pk],
        )
    )
    page = reloaded(world.cluster)
    assert page is not None and page.get_parent().pk == world.cluster.get_parent().pk


def test_manager_cannot_revert_and_publish(world, as_user):
    cluster = reloaded(world.cluster).specific
    old = cluster.latest_revision
    cluster.title = "Approved later"
    cluster.save_revision().publish()

    revert_and_publish(as_user("manager"), cluster, old)

    assert reloaded(cluster).title == "Approved later"


def test_manager_cannot_copy_their_cluster(world, as_user):
    copy_and_publish(as_user("manager"), world.cluster, "masolat")
    assert not Page.objects.filter(slug="masolat").exists()


def test_manager_cannot_schedule_a_go_live_date(world, as_user):
    go_live_at = timezone.localtime() + timedelta(hours=1)
    publish_with_go_live(as_user("manager"), world.cluster, "Scheduled", go_live_at)
    assert not scheduled(world.cluster)
    assert reloaded(world.cluster).title != "Scheduled"


def test_manager_cannot_lock_their_cluster(world, as_user):
    as_user("manager").post(reverse("wagtailadmin_pages:lock", args=[world.cluster.pk]))
    assert not reloaded(world.cluster).locked


def test_manager_cannot_unlock_a_moderators_lock(world, as_user):
    as_user("moderator").post(reverse("wagtailadmin_pages:lock", args=[world.cluster.pk]))
    assert reloaded(world.cluster).locked  # the control: moderators lock

    as_user("manager").post(reverse("wagtailadmin_pages:unlock", args=[world.cluster.pk]))
    assert reloaded(world.cluster).locked


# --- Organisers: Hungarian events they publish, English ones go through review ----------------


@pytest.mark.parametrize(("language", "taken"), [("en", False), ("hu", True)])
def test_organiser_bulk_publishes_hungarian_events_only(world, as_user, language, taken):
    page = with_draft(world.english_event if language == "en" else world.event, "Unreviewed")
    bulk(as_user("organiser"), "publish", page)
    assert (reloaded(page).title == "Unreviewed") is taken


@pytest.mark.parametrize(("language", "taken"), [("en", False), ("hu", True)])
def test_organiser_bulk_unpublishes_hungarian_events_only(world, as_user, language, taken):
    page = world.english_event if language == "en" else world.event
    bulk(as_user("organiser"), "unpublish", page)
    assert reloaded(page).live is not taken


@pytest.mark.parametrize(("language", "taken"), [("en", False), ("hu", True)])
def test_organiser_reverts_and_publishes_hungarian_events_only(world, as_user, language, taken):
    page = reloaded(world.english_event if language == "en" else world.event).specific
    old = page.latest_revision
    page.title = "Approved later"
    page.save_revision().publish()

    revert_and_publish(as_user("organiser"), page, old)

    assert (reloaded(page).title == old.as_object().title) is taken


@pytest.mark.parametrize(("language", "taken"), [("en", False), ("hu", True)])
def test_organiser_schedules_hungarian_events_only(world, as_user, language, taken):
    page = world.english_event if language == "en" else world.event
    go_live_at = timezone.localtime() + timedelta(hours=1)
    publish_with_go_live(as_user("organiser"), page, "Scheduled", go_live_at)
    assert scheduled(page) is taken


@pytest.mark.parametrize(
    ("role", "page_name", "taken"),
    [
        ("manager", "cluster", False),
        ("organiser", "english_event", False),
        ("moderator", "english_event", False),
        ("organiser", "event", True),  # the control
    ],
)
def test_unpublish_from_the_page_menu_needs_publish_permission(
    world, as_user, role, page_name, taken
):
    page = getattr(world, page_name)
    as_user(role).post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert reloaded(page).live is not taken


# --- Copy with "Publish copies" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "page_name", "taken"),
    [
        ("organiser", "english_event", False),
        ("moderator", "english_event", False),
        ("editor", "english_event", False),
        ("editor", "event", False),
        ("organiser", "event", True),  # the control: organisers publish Hungarian events
    ],
)
def test_publish_copies_needs_publish_permission_below_the_destination(
    world, as_user, role, page_name, taken
):
    page = getattr(world, page_name)

    copy_and_publish(as_user(role), page, "copy")

    # A user who publishes elsewhere is told "You do not have permission to publish pages at
    # ..."; one who publishes nowhere gets no such option, and the copy is a draft.
    assert Page.objects.filter(slug="copy", locale=page.locale, live=True).exists() is taken


def test_translators_copy_nothing(world, as_user):
    copy_and_publish(as_user("translator"), world.english_event, "copy")
    assert not Page.objects.filter(slug="copy").exists()


# --- The Wagtail v3 API is not mounted --------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v3/pages/"),
        ("post", "/api/v3/pages/"),
        ("patch", "/api/v3/pages/{pk}/"),
        ("delete", "/api/v3/pages/{pk}/"),
        ("get", "/api/v3/whoami/"),
    ],
)
def test_the_v3_api_is_not_mounted(world, as_user, method, path):
    client = as_user("moderator")  # even a signed-in editor of pages finds nothing there
    response = getattr(client, method)(
        path.format(pk=world.event.pk), content_type="application/json"
    )
    assert response.status_code == 404
    assert reloaded(world.event).live
    assert client.get("/api/v2/pages/").status_code == 200  # the control: v2 answers
