"""The review loop of a cluster page, in both languages, through the admin's own URLs.

The cluster manager submits a Hungarian change, a moderator approves it; the translator syncs
the English translation in wagtail-localize's editor, translates the new segment and submits it
for review; the translation reviewer rejects it with a comment, the translator fixes it and
submits again, the reviewer approves. After every step the public pages and the API detail of
both languages still show the last approved text, and nobody but the approver of a language
made it live.
"""

import pytest
from django.test import Client
from django_q.conf import Conf
from wagtail.models import Page, TaskState

from cms.workflow import approval_choice
from tests.api.helpers import get_json
from tests.cms.review_helpers import (
    OLD_EN,
    OLD_HU,
    SUBMIT_FOR_REVIEW,
    edit_url,
    logged_in,
    review,
    review_world,
    submit_through_editor,
    sync_translations,
    translate_segment,
    translation_editor,
)

NEW_HU = "Új összefoglaló: a klaszter 30 borászatot fog össze."
WRONG_EN = "New summary: the cluster unites 30 wine."
NEW_EN = "New summary: the cluster brings 30 wineries together."


@pytest.fixture
def world(db):
    return review_world()


def public_summaries(page: Page) -> tuple[str, str]:
    """The summary the public page and the API detail show for `page` (live version)."""
    anonymous = Client()
    html = anonymous.get(Page.objects.get(pk=page.pk).url)
    assert html.status_code == 200
    api = get_json(anonymous, f"/api/v2/pages/{page.pk}/")
    return html.content.decode(), api["summary"]


def assert_live(page: Page, text: str, not_shown: list[str]) -> None:
    html, api_summary = public_summaries(page)
    assert api_summary == text
    assert text in html
    for other in not_shown:
        assert other not in html


def waiting(page: Page) -> bool:
    return Page.objects.get(pk=page.pk).workflow_in_progress


def test_a_cluster_update_goes_live_in_both_languages_only_through_review(
    world, django_capture_on_commit_callbacks
):
    cluster, en_cluster = world.cluster, world.en_cluster
    manager, moderator, translator, reviewer = (
        logged_in(world.users[name]) for name in ("manager", "moderator", "translator", "reviewer")
    )
    drafts = [NEW_HU, WRONG_EN, NEW_EN]

    # 1. The cluster manager edits the Hungarian page and submits it for moderation.
    with django_capture_on_commit_callbacks(execute=True):
        response = submit_through_editor(manager, cluster, summary=NEW_HU)
    assert response.status_code == 302
    assert waiting(cluster)
    assert_live(cluster, OLD_HU, drafts)
    assert_live(en_cluster, OLD_EN, drafts)

    # 2. A moderator approves: the Hungarian change is live, the English page unchanged.
    with django_capture_on_commit_callbacks(execute=True):
        assert review(moderator, cluster, "approve").status_code == 302
    assert not waiting(cluster)
    assert_live(cluster, NEW_HU, [OLD_HU])
    assert_live(en_cluster, OLD_EN, drafts)

    # 3. The translator syncs, translates the new segment in the editor and submits.
    editor = translation_editor(translator, en_cluster)
    assert editor["perms"]["canPublish"] is False
    assert sync_translations(translator, cluster).status_code == 302
    assert translate_segment(translator, en_cluster, NEW_HU, WRONG_EN).status_code in (200, 201)
    assert_live(en_cluster, OLD_EN, drafts)
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(edit_url(en_cluster), SUBMIT_FOR_REVIEW)
    assert waiting(en_cluster)
    assert_live(en_cluster, OLD_EN, drafts)

    # A moderator is not the English reviewer; the translator cannot approve their own work.
    for outsider in (moderator, translator):
        review(outsider, en_cluster, "approve")
        assert waiting(en_cluster)
    assert_live(en_cluster, OLD_EN, drafts)

    # 4. The reviewer rejects it with a comment: it comes back to the translator.
    with django_capture_on_commit_callbacks(execute=True):
        response = review(reviewer, en_cluster, "reject", comment="30 wineries, not 30 wine.")
    assert response.status_code == 302
    rejected = TaskState.objects.get(
        workflow_state__object_id=str(en_cluster.pk), status=TaskState.STATUS_REJECTED
    )
    assert rejected.comment == "30 wineries, not 30 wine."
    assert_live(en_cluster, OLD_EN, drafts)

    # 5. The translator fixes the segment and submits again.
    assert translate_segment(translator, en_cluster, NEW_HU, NEW_EN).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(edit_url(en_cluster), SUBMIT_FOR_REVIEW)
    assert response.status_code == 302
    assert waiting(en_cluster)
    assert_live(en_cluster, OLD_EN, drafts)
    assert_live(cluster, NEW_HU, [OLD_HU])

    # 6. The reviewer approves: the English page is live with the fixed text.
    with django_capture_on_commit_callbacks(execute=True):
        assert review(reviewer, en_cluster, "approve").status_code == 302
    assert not waiting(en_cluster)
    assert_live(en_cluster, NEW_EN, [OLD_EN, WRONG_EN])
    assert_live(cluster, NEW_HU, [OLD_HU])


def test_cluster_profiles_default_to_going_live_with_their_translation(
    world, django_capture_on_commit_callbacks, settings, monkeypatch
):
    """The project's default (`PUBLISH_WITH_TRANSLATION`: cluster profiles): the moderator's
    first choice, "Approve, publish with its translation", holds the Hungarian update; the
    translation loop brings it to the translator at once; the reviewer's approval puts both
    languages live at the same moment."""
    settings.CMS_WORKFLOW = {
        **settings.CMS_WORKFLOW,
        "PUBLISH_WITH_TRANSLATION": settings.PROJECT_PUBLISH_WITH_TRANSLATION,
    }
    monkeypatch.setattr(Conf, "SYNC", True)  # the loop's job runs inline at commit
    cluster, en_cluster = world.cluster, world.en_cluster
    manager, moderator, translator, reviewer = (
        logged_in(world.users[name]) for name in ("manager", "moderator", "translator", "reviewer")
    )
    with django_capture_on_commit_callbacks(execute=True):
        submit_through_editor(manager, cluster, summary=NEW_HU)
    task = cluster.get_workflow().tasks.first().specific
    first_choice = task.get_actions(cluster, world.users["moderator"])[1][0]
    assert first_choice == approval_choice.APPROVE_WITH_TRANSLATION
    with django_capture_on_commit_callbacks(execute=True):
        assert review(moderator, cluster, first_choice).status_code == 302
    assert not waiting(cluster)
    assert_live(cluster, OLD_HU, [NEW_HU])  # held: approved, not live
    assert_live(en_cluster, OLD_EN, [NEW_EN])

    assert translate_segment(translator, en_cluster, NEW_HU, NEW_EN).status_code in (200, 201)
    with django_capture_on_commit_callbacks(execute=True):
        translator.post(edit_url(en_cluster), SUBMIT_FOR_REVIEW)
    assert_live(cluster, OLD_HU, [NEW_HU])
    with django_capture_on_commit_callbacks(execute=True):
        assert review(reviewer, en_cluster, "approve").status_code == 302

    assert_live(cluster, NEW_HU, [OLD_HU])
    assert_live(en_cluster, NEW_EN, [OLD_EN])
    hungarian, english = Page.objects.get(pk=cluster.pk), Page.objects.get(pk=en_cluster.pk)
    assert hungarian.last_published_at <= english.last_published_at
