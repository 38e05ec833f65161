"""Helpers of the review-loop tests (test client and browser): a translated cluster page with
one user per editorial role, and the admin actions each role takes, through the admin's URLs.

`review_world()` builds the cluster in Hungarian and English with its live texts `OLD_HU` and
`OLD_EN` (summary) and the users `manager` (its cluster manager), `moderator`, `translator`
and `reviewer`, each in the groups the migrations install; all log in with `PASSWORD`.
"""

import json
from dataclasses import dataclass
from urllib.parse import urlencode

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from cluster_pages.models import ClusterProfilePage
from cluster_pages.roles import ensure_cluster_manager_group
from cms.roles import CLUSTER_MANAGERS, TRANSLATORS
from tests import factories

PASSWORD = "review-pw-2026"
OLD_HU = "Régi összefoglaló a klaszterről."
OLD_EN = "Old summary of the cluster."
#: The translation editor's "Submit for review" (cms.workflow.wagtail_hooks.SUBMIT_FOR_REVIEW).
SUBMIT_FOR_REVIEW = {"cms-workflow-submit-for-review": "1"}
ROLE_GROUPS = {
    "moderator": ("Moderators",),
    "translator": (TRANSLATORS,),
    "reviewer": ("Translation reviewers",),
}


@dataclass
class ReviewWorld:
    cluster: ClusterProfilePage
    en_cluster: ClusterProfilePage
    users: dict[str, User]


def member(username: str, groups: tuple[str, ...] | list[Group]) -> User:
    """A user in `groups` (names or groups) whose admin speaks English; password `PASSWORD`."""
    user = User.objects.create_user(username, f"{username}@agency.example", PASSWORD)
    for group in groups:
        user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def review_world() -> ReviewWorld:
    """A live cluster page in both languages, and one user per role of the review loop."""
    home = factories.hungarian_home()
    factories.english_home()
    index = factories.cluster_index(home)
    factories.english_index(index)
    cluster = factories.cluster(
        index, title="Tokaji Borklaszter", slug="tokaji-borklaszter", summary=OLD_HU
    )
    en_cluster = factories.to_english(
        cluster, {"Tokaji Borklaszter": "Tokaj Wine Cluster", OLD_HU: OLD_EN}
    )
    own_group, _created = ensure_cluster_manager_group(cluster)
    users = {username: member(username, groups) for username, groups in ROLE_GROUPS.items()}
    users["manager"] = member("manager", [Group.objects.get(name=CLUSTER_MANAGERS), own_group])
    return ReviewWorld(cluster=cluster, en_cluster=en_cluster, users=users)


def logged_in(user: User) -> Client:
    """A test client with `user`'s admin session (its cookie also serves a browser)."""
    client = Client()
    client.force_login(user)
    return client


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_through_editor(client: Client, page: Page, **changes: str):
    """Open the page's editor, change `changes` and press "Submit for moderation".

    The form is read from the editor's HTML; stream fields are built by JavaScript in a
    browser, so they are posted empty (the review world's pages have none).
    """
    html = client.get(edit_url(page)).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form")
    for field in page.specific_class._meta.get_fields():
        if isinstance(field, StreamField):
            form[f"{field.name}-count"] = "0"
    for name, value in changes.items():
        form[name] = value
    form["action-submit"] = "action-submit"
    return client.post(edit_url(page), form)


def task_state(page: Page) -> TaskState:
    """The review task `page` waits on."""
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def review(client: Client, page: Page, action: str, comment: str = ""):
    """Approve or reject `page`'s waiting revision, as the dashboard's action buttons do."""
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state(page).pk])
    return client.post(url, {"comment": comment})


def translation_editor(client: Client, page: Page) -> dict:
    """The settings wagtail-localize's translation editor of `page` is started with."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").select_one(".js-translation-editor")
    assert editor is not None, "not the translation editor"
    return json.loads(editor["data-props"])


def sync_translations(client: Client, source_page: Page):
    """Press "Sync translated pages" without publishing: the editor gets the new strings."""
    source = TranslationSource.objects.get(
        object_id=source_page.translation_key, locale_id=source_page.locale_id
    )
    return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})


def translate_segment(client: Client, page: Page, source_text: str, text: str):
    """Type `text` as the translation of the segment `source_text` in the translation editor."""
    editor = translation_editor(client, page)
    (segment,) = [s for s in editor["segments"] if s.get("source") == source_text]
    return client.put(
        segment["editUrl"],
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
