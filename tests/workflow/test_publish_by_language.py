"""Each review group publishes its own language only, and no locale syncs from another.

Wagtail's Moderators published every page from the root, English ones included, around the
translation review: the migration `cms_workflow.0004` confines them to the Hungarian tree.
wagtail-localize's locale synchronisation fills a locale with aliases that go live whenever
their source is published: the locale form refuses it and `cms_workflow.0005` removes the syncs
configured before.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale, ModelLogEntry, Page
from wagtail_localize import synctree
from wagtail_localize.models import LocaleSynchronization

from cms.workflow import reviewers
from cms.workflow.routes import LOCALE_SYNC_REFUSED
from tests.workflow.conftest import refused
from tests.workflow_testapp.models import ReviewedPage


def migration(name: str):
    (operation,) = importlib.import_module(f"cms.workflow.migrations.{name}").Migration.operations
    return operation


def root_publishers() -> set[str]:
    return set(
        GroupPagePermission.objects.filter(
            page__depth=1, permission__codename="publish_page"
        ).values_list("group__name", flat=True)
    )


def test_moderators_publish_hungarian_pages_and_reviewers_english_ones(hu_page, en_page, users):
    moderator, reviewer = users["moderator"], users["reviewer"]

    assert hu_page.permissions_for_user(moderator).can_publish()
    assert not en_page.permissions_for_user(moderator).can_publish()
    assert en_page.permissions_for_user(reviewer).can_publish()
    assert not hu_page.permissions_for_user(reviewer).can_publish()
    # Their edit rights are unchanged: moderators still edit (and lock) English pages.
    assert en_page.permissions_for_user(moderator).can_edit()
    assert en_page.permissions_for_user(moderator).can_lock()
    assert root_publishers() == set()


def test_the_confinement_is_idempotent_and_reversible(hu_page, en_page, users):
    moderator = users["moderator"]
    forwards, backwards = (
        migration("0004_publish_by_language").code,
        migration("0004_publish_by_language").reverse_code,
    )
    grants = set(GroupPagePermission.objects.values_list("group", "page", "permission"))

    forwards(apps, None)
    assert set(GroupPagePermission.objects.values_list("group", "page", "permission")) == grants

    backwards(apps, None)
    assert root_publishers() == {"Moderators"}
    assert en_page.permissions_for_user(moderator).can_publish()
    assert en_page.permissions_for_user(users["reviewer"]).can_publish()  # theirs stays

    forwards(apps, None)
    assert set(GroupPagePermission.objects.values_list("group", "page", "permission")) == grants


def test_a_new_top_level_page_is_published_only_by_its_languages_group(home, users):
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    other_site = root.add_child(instance=ReviewedPage(title="Other", slug="other", locale=english))

    assert other_site.permissions_for_user(users["reviewer"]).can_publish()
    assert not other_site.permissions_for_user(users["moderator"]).can_publish()
    reviewers.grant(apps, reviewers.top_pages(apps))  # what runs after each `migrate`
    assert not other_site.permissions_for_user(users["moderator"]).can_publish()


# --- Locale synchronisation -------------------------------------------------------------------

SYNC = "component-wagtail_localize_localesynchronization"


def refused_with_a_message(response) -> bool:
    """The locale form came back with the plugin's message (in the admin's language)."""
    shown = {str(message) for message in get_messages(response.wsgi_request)}
    expected = set()
    for language in ("hu", "en"):
        with translation.override(language):
            expected.add(str(LOCALE_SYNC_REFUSED))
    return response.status_code == 302 and any(e in m for e in expected for m in shown)


def locale_form(locale: Locale, *, sync_from: Locale | None) -> dict:
    data = {"language_code": locale.language_code}
    if sync_from is not None:
        data |= {f"{SYNC}-enabled": "on", f"{SYNC}-sync_from": sync_from.pk}
    return data


@pytest.fixture
def locales(db) -> tuple[Locale, Locale]:
    return Locale.objects.get(language_code="hu"), Locale.objects.get(language_code="en")


def test_no_locale_may_sync_from_another_not_even_by_a_superuser(
    admin_client, locales, hu_page, en_home
):
    hungarian, english = locales
    url = reverse("wagtaillocales:edit", args=[english.pk])

    response = admin_client.post(url, locale_form(english, sync_from=hungarian))

    assert refused_with_a_message(response)
    assert response["Location"] == url
    assert not LocaleSynchronization.objects.exists()
    assert not Page.objects.filter(alias_of=hu_page).exists()
    assert ModelLogEntry.objects.filter(action="cms_workflow.refused").exists()


def test_the_locale_form_still_saves_without_a_sync(admin_client, locales):
    _hungarian, english = locales
    url = reverse("wagtaillocales:edit", args=[english.pk])

    response = admin_client.post(url, locale_form(english, sync_from=None))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtaillocales:index")


def test_a_new_locale_cannot_sync_either(admin_client, locales, settings):
    hungarian, _english = locales
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "Deutsch")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    url = reverse("wagtaillocales:add")

    data = locale_form(Locale(language_code="de"), sync_from=hungarian)
    response = admin_client.post(url, data)

    assert refused_with_a_message(response)
    assert not Locale.objects.filter(language_code="de").exists()


@pytest.mark.parametrize("role", ["translator", "editor", "manager", "moderator", "reviewer"])
def test_roles_cannot_open_the_locale_form(locales, as_user, role):
    hungarian, english = locales
    url = reverse("wagtaillocales:edit", args=[english.pk])

    client = as_user(role)

    assert refused(client.get(url))
    client.post(url, locale_form(english, sync_from=hungarian))
    assert not LocaleSynchronization.objects.exists()


def new_page(home: Page, slug: str) -> Page:
    """A live Hungarian page, and what the admin's "after create" hook does with a sync."""
    page = ReviewedPage(title=slug, slug=slug)
    home.add_child(instance=page)
    page.save_revision().publish()
    synctree.create_aliases_for_new_page(page)
    return page


def english_alias(page: Page, english: Locale) -> Page | None:
    return Page.objects.filter(translation_key=page.translation_key, locale=english).first()


def test_the_migration_removes_syncs_configured_before(locales, home, en_home):
    hungarian, english = locales
    # As configured before the plugin (bulk_create: without the sync it would start at once).
    LocaleSynchronization.objects.bulk_create(
        [LocaleSynchronization(locale=english, sync_from=hungarian)]
    )
    before = english_alias(new_page(home, "elotte"), english)
    assert before.live and before.alias_of_id  # the control: an unreviewed live English page

    migration("0005_no_locale_sync").code(apps, None)

    assert not LocaleSynchronization.objects.exists()
    assert english_alias(new_page(home, "utana"), english) is None
