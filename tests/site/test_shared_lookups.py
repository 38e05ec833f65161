"""What a web process keeps across requests (cms/shared_lookups.py): the site, its root paths,
the home and menu pages and the view restrictions are read once, and every change to them shows
on the next page, whichever process made it.

The page cache is on (as in production) and the GETs that look at a page carry an Authorization
header, which the page cache neither answers nor stores: they see the view itself, as on a
cache miss, so what they show comes from the shared lookups, not from a cached copy.
"""

import re

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms.page_cache import store
from cms.page_cache.declare import SHARED_TAG
from cms.page_cache.middleware import HEADER

pytestmark = pytest.mark.django_db

MISS = {"HTTP_AUTHORIZATION": "Bearer not-from-the-page-cache"}


@pytest.fixture(autouse=True)
def page_cache(settings, database_cache):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "CLOCK_SKEW_SECONDS": 0}


def committed():
    """Run the change's on-commit callbacks (the invalidation runs when a change commits)."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def menu(client, url: str) -> list[str]:
    response = client.get(url, **MISS)
    assert response.status_code == 200, url
    html = response.content.decode()
    nav = html[html.index('<nav class="main-nav"') :]
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav[: nav.index("</nav>")])


def sql_of(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **MISS).status_code == 200, url
    return [query["sql"] for query in queries.captured_queries]


def test_the_site_its_menu_and_the_view_restrictions_are_read_once_per_process(
    client, site_content
):
    client.get(site_content["cluster"].url, **MISS)

    sql = sql_of(client, site_content["en_event"].url)

    assert not [query for query in sql if '"wagtailcore_site"' in query]
    assert not [query for query in sql if '"wagtailcore_pageviewrestriction"' in query]
    assert not [query for query in sql if "wagtail_site_root_paths" in query]
    # Checked once per request: the version of what the process keeps.
    assert len([query for query in sql if "pagecache:tag:shared" in query]) == 1


def test_with_the_page_cache_off_every_request_reads_them_again(client, site_content, settings):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    client.get(site_content["cluster"].url, **MISS)

    sql = sql_of(client, site_content["en_event"].url)

    assert [query for query in sql if '"wagtailcore_site"' in query]
    assert [query for query in sql if '"wagtailcore_pageviewrestriction"' in query]
    assert not [query for query in sql if "pagecache:tag:shared" in query]


def test_a_renamed_hidden_or_unpublished_menu_page_changes_the_menu_at_once(client, site_content):
    cluster, en_cluster = site_content["cluster"], site_content["en_cluster"]
    clusters, trainings = site_content["cluster_index"], site_content["training_index"]
    events = site_content["en_event_index"]
    before = menu(client, cluster.url)
    assert clusters.title in before and trainings.title in before
    assert events.title in menu(client, en_cluster.url)

    with committed():
        clusters.title = "Klaszterlista"
        clusters.save_revision().publish()
    with committed():
        trainings.unpublish()
    with committed():
        events.show_in_menus = False
        events.save_revision().publish()

    after = menu(client, cluster.url)
    assert "Klaszterlista" in after and trainings.title not in after
    assert events.title not in menu(client, en_cluster.url)


def test_a_change_from_another_process_shows_once_it_bumps_the_shared_version(client, site_content):
    """A process sees another's change through the shared cache only: committed without its
    invalidation, the change stays unseen here (what the process kept is really used); once
    the other process's invalidation bumps the version, the next page shows it."""
    cluster, clusters = site_content["cluster"], site_content["cluster_index"]
    menu(client, cluster.url)

    Page.objects.filter(pk=clusters.pk).update(title="Máshol átnevezve")
    assert "Máshol átnevezve" not in menu(client, cluster.url)

    store.bump({SHARED_TAG})
    assert "Máshol átnevezve" in menu(client, cluster.url)


def test_nothing_is_kept_longer_than_a_cached_page_may_live(client, site_content, settings):
    """Should a bump be lost (the cache down as a change committed), what a process keeps is
    stale no longer than a cached page would be: `PAGE_CACHE["TIMEOUT"]` (here 0)."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "TIMEOUT": 0}
    cluster, clusters = site_content["cluster"], site_content["cluster_index"]
    menu(client, cluster.url)

    Page.objects.filter(pk=clusters.pk).update(title="Máshol átnevezve")

    assert "Máshol átnevezve" in menu(client, cluster.url)


def test_a_section_made_private_leaves_the_menu_and_the_cache_at_once(client, site_content):
    home, clusters, cluster = (
        site_content["home"],
        site_content["cluster_index"],
        site_content["cluster"],
    )
    for url in (home.url, cluster.url):  # in the page cache, and kept by the process
        client.get(url)
        assert client.get(url)[HEADER] == "hit", url
    assert clusters.title in menu(client, home.url)

    with committed():
        restriction = PageViewRestriction.objects.create(
            page=clusters, restriction_type=PageViewRestriction.PASSWORD, password="titok"
        )

    assert "Agrár Klaszter Kft." not in client.get(cluster.url).content.decode()
    assert clusters.title not in menu(client, home.url)
    assert clusters.title not in client.get(home.url).content.decode()

    with committed():
        restriction.delete()

    assert "Agrár Klaszter Kft." in client.get(cluster.url).content.decode()
    assert clusters.title in menu(client, home.url)


def test_a_cache_that_cannot_be_read_costs_the_lookups_not_the_page(
    client, site_content, monkeypatch
):
    def cache_down(tags: list[str]) -> dict[str, str]:
        raise ConnectionError("cache down")

    monkeypatch.setattr(store, "current_versions", cache_down)

    assert site_content["cluster_index"].title in menu(client, site_content["cluster"].url)
    assert site_content["cluster_index"].title in menu(client, site_content["event"].url)
