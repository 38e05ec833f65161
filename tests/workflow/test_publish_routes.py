"""Wagtail's own routes to "live" are closed to whoever may not publish the page's language.

Bulk publish and unpublish, revert to a revision and publish, and a go-live date: each is driven
through the admin's own URL, as each role that edits the page but may not publish it (editors in
both languages, translators and moderators in English). A control shows each route works for the
group that approves that language, so a refusal is not a broken request. These routes are closed
by permissions (each review group publishes only its own language, `cms.workflow.reviewers`),
not by wrapped views.

The English page here is a translation whose synced editing was stopped, so it opens in the
normal page editor (a synced one opens in wagtail-localize's editor, `test_closed_routes`).
Copy with "publish copies" is tested on the project's page types (`tests/cms/test_closed_routes`):
the plugin's test page type cannot be created in the admin, so it cannot be copied either.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.admin_routes import bulk, publish_with_go_live, revert_and_publish, scheduled
from tests.workflow.conftest import draft

# (role, language of the page): each edits the page and may not publish it.
REFUSED = [("editor", "hu"), ("editor", "en"), ("translator", "en"), ("moderator", "en")]
# The controls: the group that approves the language publishes it.
ALLOWED = [("moderator", "hu"), ("reviewer", "en")]
CASES = [(*case, False) for case in REFUSED] + [(*case, True) for case in ALLOWED]


@pytest.fixture
def pages(hu_page, en_page) -> dict[str, Page]:
    """A live Hungarian page and its live English translation, both in the normal editor."""
    Translation.objects.filter(
        source__object_id=en_page.translation_key, target_locale=en_page.locale
    ).update(enabled=False)
    return {"hu": hu_page, "en": en_page}


def live(page: Page) -> Page:
    return Page.objects.get(pk=page.pk)


@pytest.mark.parametrize(("role", "language", "taken"), CASES)
def test_bulk_publish_needs_publish_permission_in_the_pages_language(
    pages, as_user, role, language, taken
):
    page = draft(pages[language], "Unreviewed title")

    bulk(as_user(role), "publish", page)

    assert (live(page).title == "Unreviewed title") is taken


@pytest.mark.parametrize(("role", "language", "taken"), CASES)
def test_bulk_unpublish_needs_publish_permission_in_the_pages_language(
    pages, as_user, role, language, taken
):
    page = pages[language]

    bulk(as_user(role), "unpublish", page)

    assert live(page).live is not taken


@pytest.mark.parametrize(("role", "language", "taken"), CASES)
def test_revert_to_a_revision_and_publish_needs_publish_permission(
    pages, as_user, role, language, taken
):
    page = pages[language]
    old = page.latest_revision
    page.title = "Approved later"
    page.save_revision().publish()
    revert_and_publish(as_user(role), page, old)

    assert (live(page).title == old.as_object().title) is taken


@pytest.mark.parametrize(("role", "language", "taken"), CASES)
def test_a_go_live_date_is_scheduled_only_by_a_publisher(pages, as_user, role, language, taken):
    page = pages[language]
    publish_with_go_live(
        as_user(role), page, "Scheduled title", timezone.localtime() + timedelta(hours=1)
    )

    # Only an approved (or directly published) revision gets a go-live time that
    # `publish_scheduled` acts on; a draft's own date waits for the reviewer's approval.
    assert scheduled(page) is taken
    assert live(page).title != "Scheduled title"
