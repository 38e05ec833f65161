"""wagtail-localize's routes around review are closed to those who may not publish.

Each route is driven through the admin's own URL as the real user. A control shows each route
still works for a user who may take it (so the refusals are not a broken URL).
"""

from urllib.parse import quote

import pytest
from django.urls import reverse
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)

from tests.workflow.conftest import refused

NOT_PUBLISHERS = ["translator", "editor", "manager", "moderator"]  # of English pages


def source_of(page: Page) -> TranslationSource:
    return TranslationSource.objects.get(object_id=page.translation_key)


def reloaded(page: Page) -> Page:
    return Page.objects.get(pk=page.pk)


# --- Sync translated pages -> publish immediately ---------------------------------------------


@pytest.mark.parametrize(
    ("role", "publish", "taken", "live_after"),
    [
        *[(role, True, False, False) for role in NOT_PUBLISHERS],
        # The control: a publisher of English who may sync (Translation reviewers may not sync).
        ("superuser", True, True, True),
        ("translator", False, True, False),  # a sync without publishing stays open
    ],
)
def test_sync_publishes_immediately_only_for_publishers(
    en_draft,
    as_user,
    admin_client,
    django_capture_on_commit_callbacks,
    role,
    publish,
    taken,
    live_after,
):
    hungarian = Page.objects.get(
        translation_key=en_draft.translation_key, locale__language_code="hu"
    )
    url = reverse("wagtail_localize:update_translations", args=[source_of(hungarian).pk])
    with django_capture_on_commit_callbacks(execute=True):
        client = admin_client if role == "superuser" else as_user(role)
        response = client.post(url, {"publish_translations": "on"} if publish else {})

    assert refused(response) is not taken
    assert response.status_code == 302
    assert reloaded(en_draft).live is live_after


# --- Convert to alias -------------------------------------------------------------------------


def convert(client, page: Page):
    return client.post(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))


@pytest.mark.parametrize("role", NOT_PUBLISHERS)
def test_convert_to_alias_is_refused_to_non_publishers(en_page, en_draft, as_user, role):
    for page in (en_page, en_draft):
        assert refused(convert(as_user(role), page))
        assert reloaded(page).alias_of_id is None
    assert not reloaded(en_draft).live
    assert PageLogEntry.objects.filter(action="cms_workflow.refused", page=en_draft).exists()


def test_convert_to_alias_never_puts_an_unpublished_page_live(en_draft, en_page, as_user):
    assert refused(convert(as_user("reviewer"), en_draft))
    assert not reloaded(en_draft).live

    response = convert(as_user("reviewer"), en_page)  # the control: a live page, a publisher
    assert response.status_code == 302 and not refused(response)
    assert reloaded(en_page).alias_of_id is not None


# --- The translation editor's Publish ---------------------------------------------------------


@pytest.mark.parametrize("role", NOT_PUBLISHERS)
def test_publish_in_the_translation_editor_is_refused_to_non_publishers(en_draft, as_user, role):
    url = reverse("wagtailadmin_pages:edit", args=[en_draft.pk])
    response = as_user(role).post(url, {"action": "publish"})

    assert refused(response)
    assert not reloaded(en_draft).live


# --- Overrides in the translation editor ------------------------------------------------------


def override(client, en_page: Page, value: str):
    translation = Translation.objects.get(
        target_locale__language_code="en", source=source_of(en_page)
    )
    (segment,) = OverridableSegment.objects.filter(source=translation.source)
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    body = f"value={quote(value)}"
    return client.generic("PUT", url, body, content_type="application/x-www-form-urlencoded")


@pytest.mark.parametrize(
    "value",
    ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x"],
)
def test_a_link_override_must_be_a_link_the_page_editor_accepts(en_page, as_user, value):
    response = override(as_user("translator"), en_page, value)

    assert response.status_code == 400
    assert not SegmentOverride.objects.exists()


@pytest.mark.parametrize(
    "value", ["https://example.com/en", "/en/news/", "mailto:info@example.com"]
)
def test_a_safe_link_override_is_stored(en_page, as_user, value):
    response = override(as_user("translator"), en_page, value)

    assert response.status_code in (200, 201)
    assert SegmentOverride.objects.get().data_json == f'"{value}"'


# --- Translate this page ----------------------------------------------------------------------


@pytest.fixture
def hu_draft(home):
    from tests.workflow_testapp.models import ReviewedPage

    page = ReviewedPage(
        title="Titkos terv", slug="titkos-terv", body="<p>Titkos szöveg</p>", live=False
    )
    home.add_child(instance=page)
    page.save_revision()
    return page


@pytest.mark.parametrize("role", ["translator", "manager"])
def test_translate_this_page_needs_the_right_to_open_the_source(hu_draft, en_home, as_user, role):
    url = reverse("wagtail_localize:submit_page_translation", args=[hu_draft.pk])
    client = as_user(role)

    shown = client.get(url, follow=True)
    submitted = client.post(url, {"locales": [en_home.locale_id]})

    assert "Titkos terv" not in shown.content.decode()
    assert refused(submitted)
    assert not Page.objects.filter(
        translation_key=hu_draft.translation_key, locale=en_home.locale
    ).exists()


def test_an_editor_who_may_open_the_source_still_translates_it(hu_draft, en_home, as_user):
    url = reverse("wagtail_localize:submit_page_translation", args=[hu_draft.pk])

    response = as_user("editor").post(url, {"locales": [en_home.locale_id]})

    assert response.status_code == 302 and not refused(response)
    assert Page.objects.filter(
        translation_key=hu_draft.translation_key, locale=en_home.locale
    ).exists()
