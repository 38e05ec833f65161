"""Translatable snippets with the plugin's drafts and workflow (`cms.workflow.snippets`).

The plugin's test snippet (`ReviewedSnippet`), with snippet permissions given here as a site
would give them: Moderators and Editors author (add, change; Moderators also publish),
Translators and Translation reviewers only change (so they edit translations only).
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry, TaskState
from wagtail_localize.models import StringTranslation, Translation

from tests.workflow.conftest import refused
from tests.workflow_testapp.models import ReviewedSnippet

SUBMIT = {"cms-workflow-submit-for-review": "1"}
GRANTS = {
    "Moderators": ("add", "change", "publish"),
    "Editors": ("add", "change"),
    "Translators": ("change",),
    "Translation reviewers": ("change",),
}


@pytest.fixture
def snippet_roles(users) -> None:
    for group, actions in GRANTS.items():
        Group.objects.get(name=group).permissions.add(
            *Permission.objects.filter(
                content_type__app_label="workflow_testapp",
                codename__in=[f"{action}_reviewedsnippet" for action in actions],
            )
        )


@pytest.fixture
def hu_snippet(db) -> ReviewedSnippet:
    return ReviewedSnippet.objects.create(name="Hír", locale=Locale.objects.get(language_code="hu"))


@pytest.fixture
def en_snippet(hu_snippet, en_home, to_english) -> ReviewedSnippet:
    english = to_english(hu_snippet, {"Hír": "News"})
    assert english.live
    return english


def url(name: str, *args) -> str:
    return reverse(ReviewedSnippet.snippet_viewset.get_url_name(name), args=args)


def row(snippet: ReviewedSnippet) -> ReviewedSnippet:
    return ReviewedSnippet.objects.get(pk=snippet.pk)


def retranslate(snippet: ReviewedSnippet, text: str) -> None:
    StringTranslation.objects.filter(translation_of__data="Hír", locale=snippet.locale).update(
        data=text
    )


def translation(snippet: ReviewedSnippet) -> Translation:
    return Translation.objects.get(
        source__object_id=snippet.translation_key, target_locale=snippet.locale
    )


def waiting(snippet: ReviewedSnippet) -> TaskState:
    return TaskState.objects.get(
        workflow_state__object_id=str(snippet.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def act(client, snippet: ReviewedSnippet, action: str, comment: str = ""):
    state = waiting(snippet)
    return client.post(url("workflow_action", snippet.pk, action, state.pk), {"comment": comment})


def test_a_snippet_translation_waits_for_the_translation_reviewer(
    en_snippet, snippet_roles, as_user
):
    translator = as_user("translator")
    assert b"cms-workflow-submit-for-review" in translator.get(url("edit", en_snippet.pk)).content
    retranslate(en_snippet, "News, revised")

    assert translator.post(url("edit", en_snippet.pk), SUBMIT).status_code == 302

    assert (row(en_snippet).name, row(en_snippet).live) == ("News", True)
    assert row(en_snippet).get_latest_revision_as_object().name == "News, revised"
    assert refused(act(as_user("moderator"), en_snippet, "approve"))
    assert row(en_snippet).workflow_in_progress
    assert row(en_snippet).name == "News"

    act(as_user("reviewer"), en_snippet, "approve")
    assert (row(en_snippet).name, row(en_snippet).live) == ("News, revised", True)


def test_a_never_published_snippet_translation_goes_live_when_approved(
    hu_snippet, en_home, snippet_roles, as_user, to_english
):
    english = to_english(hu_snippet, {"Hír": "News"}, publish=False)
    assert not row(english).live

    as_user("translator").post(url("edit", english.pk), SUBMIT)
    act(as_user("reviewer"), english, "approve")

    assert (row(english).name, row(english).live) == ("News", True)


def test_the_translation_editors_publish_is_refused_to_a_translator(
    en_snippet, snippet_roles, as_user
):
    retranslate(en_snippet, "News, unreviewed")

    response = as_user("translator").post(url("edit", en_snippet.pk), {"action": "publish"})

    assert refused(response)
    assert row(en_snippet).name == "News"


def test_sync_and_publish_is_refused_to_a_translator(en_snippet, snippet_roles, as_user):
    retranslate(en_snippet, "News, unreviewed")
    source = translation(en_snippet).source

    response = as_user("translator").post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )

    assert refused(response)
    assert row(en_snippet).name == "News"


def test_saving_a_translation_as_a_draft_keeps_the_live_translation_live(en_snippet):
    """wagtail-localize's draft save (used when a page or snippet is translated again)."""
    retranslate(en_snippet, "News, draft")
    translation(en_snippet).save_target(publish=False)

    assert (row(en_snippet).name, row(en_snippet).live) == ("News", True)
    assert row(en_snippet).get_latest_revision_as_object().name == "News, draft"


def test_unpublishing_still_takes_a_snippet_offline(hu_snippet, snippet_roles, as_user):
    as_user("moderator").post(url("unpublish", hu_snippet.pk))

    assert not row(hu_snippet).live


def test_a_superuser_unpublishes_an_english_snippet(en_snippet, admin_client):
    admin_client.post(url("unpublish", en_snippet.pk))

    assert not row(en_snippet).live


def test_a_translator_cannot_open_or_change_the_source_snippet(hu_snippet, snippet_roles, as_user):
    translator = as_user("translator")

    assert refused(translator.get(url("edit", hu_snippet.pk)))
    assert refused(translator.post(url("edit", hu_snippet.pk), {"name": "Átírva"}))
    assert row(hu_snippet).get_latest_revision() is None
    assert as_user("editor").get(url("edit", hu_snippet.pk)).status_code == 200


def test_an_editors_source_change_waits_for_a_moderator(hu_snippet, snippet_roles, as_user):
    response = as_user("editor").post(
        url("edit", hu_snippet.pk), {"name": "Hír, javítva", "action-submit": "1"}
    )

    assert response.status_code == 302
    assert row(hu_snippet).name == "Hír"
    assert row(hu_snippet).workflow_in_progress
    act(as_user("reviewer"), hu_snippet, "approve")
    assert row(hu_snippet).name == "Hír"

    act(as_user("moderator"), hu_snippet, "approve")
    assert row(hu_snippet).name == "Hír, javítva"


def test_an_editor_cannot_publish_a_snippet(hu_snippet, snippet_roles, as_user):
    response = as_user("editor").post(
        url("edit", hu_snippet.pk), {"name": "Hír, élesben", "action-publish": "1"}
    )

    assert row(hu_snippet).name == "Hír"
    assert response.status_code in (302, 403)


# Publishing by language: a review group publishes only its own language's snippets, whatever
# per-model publish permission it holds (`snippets.may_publish`). Moderators (the Hungarian
# review group) hold `publish_reviewedsnippet` here, as they hold `publish_venue` on the site.


def refusals(snippet: ReviewedSnippet, route: str) -> int:
    return ModelLogEntry.objects.filter(
        action="cms_workflow.refused", object_id=str(snippet.pk), data__route=route
    ).count()


def publishing_routes(client, snippet: ReviewedSnippet) -> dict:
    """Each admin route that publishes `snippet` directly (or takes it offline), taken once."""
    source = translation(snippet).source if snippet.locale.language_code == "en" else None
    responses = {
        "editor_publish": client.post(
            url("edit", snippet.pk), {"name": "Élesítve", "action-publish": "1"}
        ),
        "translation_editor_publish": client.post(url("edit", snippet.pk), {"action": "publish"}),
        "unpublish": client.post(url("unpublish", snippet.pk)),
    }
    if source is not None:
        responses["sync_publish"] = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    return responses


def test_a_moderator_cannot_publish_an_english_snippet_by_any_route(
    en_snippet, snippet_roles, as_user
):
    retranslate(en_snippet, "News, unreviewed")

    responses = publishing_routes(as_user("moderator"), en_snippet)

    assert {name: refused(r) for name, r in responses.items()} == dict.fromkeys(responses, True)
    assert (row(en_snippet).name, row(en_snippet).live) == ("News", True)
    assert refusals(en_snippet, "publish_snippet") == 2
    assert refusals(en_snippet, "unpublish_snippet") == 1


def test_a_moderator_publishes_a_hungarian_snippet(hu_snippet, snippet_roles, as_user):
    response = as_user("moderator").post(
        url("edit", hu_snippet.pk), {"name": "Hír, élesben", "action-publish": "1"}
    )

    assert response.status_code == 302
    assert (row(hu_snippet).name, row(hu_snippet).live) == ("Hír, élesben", True)


@pytest.mark.parametrize("role", ["translator", "editor", "reviewer"])
@pytest.mark.parametrize("language", ["hu", "en"])
def test_who_is_not_a_moderator_publishes_no_snippet(
    role, language, hu_snippet, en_snippet, snippet_roles, as_user
):
    snippet = hu_snippet if language == "hu" else en_snippet
    before = (row(snippet).name, row(snippet).live)

    responses = publishing_routes(as_user(role), snippet)

    assert (row(snippet).name, row(snippet).live) == before
    assert all(response.status_code < 500 for response in responses.values())


def test_an_english_snippet_goes_live_by_the_reviewers_approval(en_snippet, snippet_roles, as_user):
    retranslate(en_snippet, "News, reviewed")
    as_user("translator").post(url("edit", en_snippet.pk), SUBMIT)
    assert row(en_snippet).name == "News"

    act(as_user("reviewer"), en_snippet, "approve")

    assert (row(en_snippet).name, row(en_snippet).live) == ("News, reviewed", True)


def test_a_moderator_cannot_create_a_live_english_snippet(en_home, snippet_roles, as_user):
    moderator = as_user("moderator")

    response = moderator.post(url("add") + "?locale=en", {"name": "Live", "action-publish": "1"})

    assert refused(response)
    assert not ReviewedSnippet.objects.filter(name="Live").exists()
    moderator.post(url("add") + "?locale=hu", {"name": "Élő", "action-publish": "1"})
    assert ReviewedSnippet.objects.get(name="Élő").live


def test_the_publish_button_is_offered_only_in_the_moderators_language(
    en_home, snippet_roles, as_user
):
    moderator = as_user("moderator")

    assert b'name="action-publish"' in moderator.get(url("add") + "?locale=hu").content
    assert b'name="action-publish"' not in moderator.get(url("add") + "?locale=en").content
