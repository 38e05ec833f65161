"""The review loop in a real browser, each role logging in through the admin's form.

Hungarian: the cluster manager changes their cluster's summary and submits it to the "Cluster
site" workflow; a moderator approves it from the dashboard's "Awaiting your review" panel; the
public page shows the new text only then. English: the translator edits a segment in
wagtail-localize's synced editor and presses the plugin's "Submit for review"; the translation
reviewer approves it from the dashboard; the public English page shows it only then.

One world per test (`review_world`), the admin in English (the users' preferred language);
each user in a browser of their own.
"""

import re

import pytest
from django.conf import settings
from django_q.conf import Conf
from playwright.sync_api import Page, expect
from wagtail.models import Page as WagtailPage

from tests.browser.pages import PageLog
from tests.cms.review_helpers import (
    OLD_EN,
    OLD_HU,
    edit_url,
    logged_in,
    review_world,
    submit_through_editor,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_HU = "Új összefoglaló: harminc borászat együttműködése."
NEW_EN = "New summary: thirty wineries working together."


@pytest.fixture
def world(transactional_db):
    return review_world()


@pytest.fixture
def log_in(open_page, live_server, world):
    """`log_in(username)` -> (page, log): a fresh browser with that user's admin session.

    The session cookie is set directly (logging in through the form is the organiser
    journey's, tests/browser/test_organiser.py): one page load less per user.
    """

    def log_in_(username: str) -> tuple[Page, PageLog]:
        page, log = open_page("en", "desktop")
        cookie = logged_in(world.users[username]).cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )
        return page, log

    return log_in_


def approve_from_dashboard(
    approver: tuple[Page, PageLog], waiting: WagtailPage, shown: str, hidden: str
) -> PageLog:
    """On the dashboard's "Awaiting your review", open the row's actions and press Approve;
    then the public page of `waiting` shows `shown` and no longer `hidden`."""
    page, log = approver
    page.goto("/admin/")
    row = page.locator("#awaiting-review-content tr").filter(has_text=waiting.title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#awaiting-review-content")).to_have_count(0)
    expect_public_text(page, waiting.url, shown, hidden)
    return log


def expect_public_text(page: Page, url: str, shown: str, hidden: str) -> None:
    """Leave the admin for the public page at `url` and check its text.

    The admin page may still be fetching icons when the check before passes; leaving it then
    aborts them, which the page log counts as failed requests: wait for the network first.
    """
    page.wait_for_load_state("networkidle")
    page.goto(url)
    expect(page.locator("main")).to_contain_text(shown)
    expect(page.locator("main")).not_to_contain_text(hidden)


def test_a_cluster_managers_change_goes_live_when_a_moderator_approves_it(world, log_in):
    cluster = world.cluster
    manager, manager_log = log_in("manager")

    manager.goto(edit_url(cluster))
    manager.locator("#id_summary").fill(NEW_HU)
    manager.get_by_role("button", name="More actions").click()
    expect(manager.locator("button[name='action-publish']")).to_have_count(0)
    manager.get_by_role("button", name="Submit to Cluster site").click()
    expect(manager.locator(".messages")).to_contain_text("submitted for moderation")
    expect_public_text(manager, cluster.url, OLD_HU, NEW_HU)

    moderator_log = approve_from_dashboard(log_in("moderator"), cluster, NEW_HU, OLD_HU)

    assert manager_log.take() == []
    assert moderator_log.take() == []


def test_a_translators_submit_goes_live_when_a_reviewer_approves_it(world, log_in):
    en_cluster = world.en_cluster
    translator, translator_log = log_in("translator")

    translator.goto(edit_url(en_cluster))
    segment = translator.locator("li").filter(has_text=OLD_HU).last
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(NEW_EN)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(NEW_EN)
    expect(translator.get_by_role("button", name=re.compile(r"^Publish"))).to_have_count(0)
    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")
    expect(translator.get_by_text("This translation is waiting for review.")).to_be_visible()
    expect_public_text(translator, en_cluster.url, OLD_EN, NEW_EN)

    reviewer_log = approve_from_dashboard(log_in("reviewer"), en_cluster, NEW_EN, OLD_EN)

    assert translator_log.take() == []
    assert reviewer_log.take() == []


def test_a_cluster_update_approved_with_its_translation_goes_live_in_both_languages_at_once(
    world, log_in, settings, monkeypatch
):
    """Issue 10's walk-through: the moderator picks "Approve, publish with its translation"
    (first for cluster profiles) on the dashboard; the Hungarian page keeps its old text; the
    translator is told that a publication waits, translates and submits; the reviewer's
    approval puts both languages live."""
    settings.CMS_WORKFLOW = {
        **settings.CMS_WORKFLOW,
        "PUBLISH_WITH_TRANSLATION": settings.PROJECT_PUBLISH_WITH_TRANSLATION,
    }
    monkeypatch.setattr(Conf, "SYNC", True)  # the translation loop's job runs at commit
    cluster, en_cluster = world.cluster, world.en_cluster
    submit_through_editor(logged_in(world.users["manager"]), cluster, summary=NEW_HU)

    moderator, moderator_log = log_in("moderator")
    moderator.goto("/admin/")
    row = moderator.locator("#awaiting-review-content tr").filter(has_text=cluster.title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve, publish with its translation", exact=True).click()
    expect(moderator.locator("#awaiting-review-content")).to_have_count(0)
    moderator.goto(edit_url(cluster))
    expect(moderator.locator(".messages")).to_contain_text("is held")
    expect_public_text(moderator, cluster.url, OLD_HU, NEW_HU)

    translator, translator_log = log_in("translator")
    translator.goto(edit_url(en_cluster))
    expect(translator.locator(".messages")).to_contain_text("waits for this translation")
    segment = translator.locator("li").filter(has_text=NEW_HU).last
    segment.get_by_role("button", name="Translate").click()  # a new text: not translated yet
    segment.locator("textarea").fill(NEW_EN)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(NEW_EN)
    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")
    expect_public_text(translator, cluster.url, OLD_HU, NEW_HU)

    reviewer_log = approve_from_dashboard(log_in("reviewer"), en_cluster, NEW_EN, OLD_EN)
    expect_public_text(log_in("reviewer")[0], cluster.url, NEW_HU, OLD_HU)

    assert moderator_log.take() == []
    assert translator_log.take() == []
    assert reviewer_log.take() == []
