"""What each demo role may do in the admin, on the site `seed_demo` builds.

The demo is seeded once per module (`module_world`: a transaction rolled back at the end).
Users log in with their documented demo passwords.
"""

import json
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from cluster_pages.models import ClusterIndexPage, ClusterProfilePage
from cluster_pages.roles import ensure_cluster_manager_group
from cms.demo import states
from cms.demo.seed import seed_demo
from cms.demo.users import DEMO_USERS, demo_password
from cms.models import HomePage
from cms.roles import SUBMIT_TRANSLATION
from event_booking.models import EventIndexPage, EventPage, Offering
from tests.cms.role_migrations import ROLE_MIGRATIONS, run_forwards
from training_catalog.models import TrainingIndexPage, TrainingPage

PHARMA = "hajdusagi-gyogyszeripari-klaszter"  # manager1's cluster
ICT = "debreceni-infokommunikacios-klaszter"  # manager2's cluster


@pytest.fixture(scope="module")
def _demo(module_world):
    with TestCase.captureOnCommitCallbacks(execute=True):
        seed_demo()


@pytest.fixture
def demo(_demo, db):
    """The demo site and users (tests get fresh rows from the database, never shared objects)."""


def login(client, username: str):
    assert client.login(username=username, password=demo_password(username)), username
    return get_user_model().objects.get(username=username)


def hu(model, slug: str | None = None) -> Page:
    pages = model.objects.filter(locale__language_code="hu")
    return (pages.get(slug=slug) if slug else pages.first()).specific


def en(page: Page) -> Page:
    return page.get_translation(page.locale.__class__.objects.get(language_code="en")).specific


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.id])


def refused(response) -> bool:
    """Wagtail answers a forbidden admin page with a redirect to the dashboard or a 403."""
    return response.status_code in (302, 403)


def publish_through_editor(client, page: Page, new_title: str):
    """Open the page's edit view, change its title and press "Publish".

    The form is read from the edit view's HTML; stream fields are built by JavaScript in a
    browser, so they are posted empty (the demo pages allow that).
    """
    html = client.get(edit_url(page)).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form")
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            form[f"{field.name}-count"] = "0"
    form["title"] = new_title
    form["action-publish"] = "action-publish"
    return client.post(edit_url(page), form)


def translation_editor_props(response) -> dict:
    """The settings wagtail-localize's translation editor is started with (its edit view)."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return json.loads(soup.select_one(".js-translation-editor")["data-props"])


@pytest.mark.parametrize("username", [user.username for user in DEMO_USERS])
def test_every_demo_user_logs_in_to_the_admin(demo, client, username):
    login(client, username)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_manager_edits_only_their_own_cluster(demo, client):
    user = login(client, "manager1")
    own, other = hu(ClusterProfilePage, PHARMA), hu(ClusterProfilePage, ICT)

    assert client.get(edit_url(own)).status_code == 200
    assert refused(client.get(edit_url(other)))
    assert refused(client.get(edit_url(hu(EventPage))))
    assert refused(client.get(edit_url(hu(TrainingPage))))
    assert refused(client.get(edit_url(hu(ClusterIndexPage))))
    # The English profile is the translators' work.
    assert refused(client.get(edit_url(en(own))))
    assert not own.permissions_for_user(user).can_publish()
    assert not hu(ClusterIndexPage).permissions_for_user(user).can_add_subpage()


def test_second_manager_is_confined_to_the_other_cluster(demo, client):
    login(client, "manager2")
    assert client.get(edit_url(hu(ClusterProfilePage, ICT))).status_code == 200
    assert refused(client.get(edit_url(hu(ClusterProfilePage, PHARMA))))


def test_manager_pressing_publish_leaves_the_live_page_unchanged(demo, client):
    # manager2: manager1's cluster already waits for moderation in the demo (see below).
    login(client, "manager2")
    cluster = hu(ClusterProfilePage, ICT)
    live_title = cluster.title

    response = publish_through_editor(client, cluster, "Debreceni Infokommunikációs Klaszter (új)")

    assert response.status_code == 302
    cluster.refresh_from_db()
    assert cluster.title == live_title
    assert cluster.has_unpublished_changes
    assert cluster.get_latest_revision_as_object().title.endswith("(új)")


def test_translator_edits_english_pages_only(demo, client):
    user = login(client, "translator")
    cluster = hu(ClusterProfilePage, PHARMA)
    english = en(cluster)

    assert client.get(edit_url(en(hu(EventPage)))).status_code == 200
    editor = translation_editor_props(client.get(edit_url(english)))
    assert editor["object"]["title"] == "Hajdúság Pharmaceutical Cluster"
    assert editor["perms"]["canPublish"] is False
    assert refused(client.get(edit_url(cluster)))
    assert refused(client.get(edit_url(hu(EventPage))))
    assert user.has_perm(SUBMIT_TRANSLATION)
    for page in [english, en(hu(EventPage)), HomePage.objects.get(locale__language_code="en")]:
        perms = page.permissions_for_user(user)
        assert perms.can_edit()
        assert not perms.can_publish()
        assert not perms.can_delete()
    assert not en(hu(ClusterIndexPage)).permissions_for_user(user).can_add_subpage()


def test_organiser_edits_and_publishes_events_and_trainings_only(demo, client):
    user = login(client, "organiser")
    event_index = hu(EventIndexPage)
    for page in [hu(EventPage), hu(TrainingPage), en(hu(EventPage)), en(hu(TrainingPage))]:
        assert client.get(edit_url(page)).status_code == 200, page.title
        # Hungarian pages only: English ones go live through translation review.
        is_hungarian = page.locale.language_code == "hu"
        assert page.permissions_for_user(user).can_publish() is is_hungarian, page.title
    for index in [event_index, hu(TrainingIndexPage), en(event_index)]:
        assert index.permissions_for_user(user).can_add_subpage()
    add_event = reverse(
        "wagtailadmin_pages:add", args=["event_booking", "eventpage", event_index.id]
    )
    assert client.get(add_event).status_code == 200

    cluster = hu(ClusterProfilePage, PHARMA)
    assert refused(client.get(edit_url(cluster)))
    assert refused(client.get(edit_url(HomePage.objects.get(locale__language_code="hu"))))
    assert not cluster.permissions_for_user(user).can_publish()
    assert not hu(ClusterIndexPage).permissions_for_user(user).can_add_subpage()


def test_only_the_organiser_sees_and_exports_the_bookings(demo, client):
    bookings = reverse("event_booking_admin:offering_index")
    login(client, "organiser")
    response = client.get(bookings)
    assert response.status_code == 200
    upcoming = Offering.objects.filter(starts_at__gt=timezone.now()).first()
    assert upcoming.title in response.content.decode()

    for username in ["editor", "translator", "manager1"]:
        client.logout()
        login(client, username)
        assert refused(client.get(bookings)), username


def test_organiser_publishes_an_event_from_the_editor(demo, client):
    login(client, "organiser")
    event = hu(EventPage)

    response = publish_through_editor(client, event, "Új cím")

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Új cím"
    assert not event.has_unpublished_changes


def test_editors_publish_nothing_and_moderators_hungarian_pages_only(demo):
    editor = get_user_model().objects.get(username="editor")
    moderator = get_user_model().objects.get(username="moderator")
    for page in [hu(ClusterProfilePage, PHARMA), en(hu(EventPage))]:
        assert page.permissions_for_user(editor).can_edit()
        assert not page.permissions_for_user(editor).can_publish()
        assert page.permissions_for_user(moderator).can_edit()
    assert hu(ClusterProfilePage, PHARMA).permissions_for_user(moderator).can_publish()
    assert not en(hu(EventPage)).permissions_for_user(moderator).can_publish()


def test_roles_can_be_ensured_again_without_changes(demo):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    counts = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )
    for app_label, name in ROLE_MIGRATIONS:
        run_forwards(app_label, name)
    assert ensure_cluster_manager_group(hu(ClusterProfilePage, PHARMA))[1] == 0
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )


# --- The demo's pages in review: each demo user logs in to something to do --------------------


def dashboard(client, username: str) -> str:
    login(client, username)
    return unescape(client.get(reverse("wagtailadmin_home")).content.decode())


def test_moderator_and_reviewer_find_a_page_waiting_for_them(demo, client):
    cluster = hu(ClusterProfilePage, states.CLUSTER_IN_MODERATION)
    training = en(hu(TrainingPage, states.TRANSLATION_IN_REVIEW))

    moderator = dashboard(client, "moderator")
    reviewer = dashboard(client, "reviewer")

    assert cluster.title in moderator and training.title not in moderator
    assert training.title in reviewer and cluster.title not in reviewer
    assert cluster.workflow_states.get().requested_by.username == "manager1"
    assert training.workflow_states.get().requested_by.username == "translator"


def test_the_translator_gets_the_rejected_translation_back_with_the_comment(demo, client):
    page = en(hu(ClusterProfilePage, states.TRANSLATION_REJECTED))
    state = page.workflow_states.get()
    task_state = state.current_task_state

    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert (task_state.finished_by.username, task_state.comment) == (
        "reviewer",
        states.REJECTION_COMMENT,
    )
    login(client, "translator")
    assert client.get(edit_url(page)).status_code == 200


def test_pages_in_review_keep_their_approved_text_live(demo, client):
    cluster = hu(ClusterProfilePage, states.CLUSTER_IN_MODERATION)
    training = en(hu(TrainingPage, states.TRANSLATION_IN_REVIEW))
    rejected = en(hu(ClusterProfilePage, states.TRANSLATION_REJECTED))

    for page, addition in [
        (cluster, states.CLUSTER_UPDATE),
        (training, states.REVISED_SUMMARY),
        (rejected, states.REJECTED_SUMMARY),
    ]:
        assert addition not in page.summary, page.title
        assert page.get_latest_revision_as_object().summary.endswith(addition), page.title
        assert addition not in client.get(page.url).content.decode(), page.title
