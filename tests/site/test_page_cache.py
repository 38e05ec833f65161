"""The page cache serves anonymous readers and nobody else, and keeps forms working.

Invalidation is in test_page_cache_invalidation.py; the queries of a hit in
test_query_budgets.py.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from event_booking.services.consent import current_consent

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    # No clock skew here: one machine, and a test looks again right after a change.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "CLOCK_SKEW_SECONDS": 0}


def twice(client, url: str):
    first = client.get(url)
    return first, client.get(url)


@pytest.mark.parametrize(
    "key", ["home", "cluster_index", "cluster", "training", "event_index", "event"]
)
def test_a_page_is_served_from_the_cache_the_second_time_in_both_languages(
    client, site_content, key
):
    for page in (site_content[key], site_content[f"en_{key}"]):
        first, second = twice(client, page.url)
        assert first.status_code == second.status_code == 200
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
        assert TOKEN.sub("", first.content.decode()) == TOKEN.sub("", second.content.decode())
        assert second["Content-Type"] == first["Content-Type"]
        assert "Content-Security-Policy" in second


def test_api_listings_and_details_are_served_from_the_cache(client, site_content):
    cluster = site_content["cluster"]
    for url in (
        "/api/v2/pages/?locale=en&fields=*&type=cluster_pages.ClusterProfilePage",
        f"/api/v2/pages/{cluster.pk}/",
        "/api/v2/images/",
        "/api/v2/documents/",
    ):
        first, second = twice(client, url)
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit"), url
        assert first.json() == second.json()


def test_a_cache_hit_runs_no_sql_with_a_shared_cache_server(client, site_content):
    # Tests cache in memory (or in Redis on CI): like Redis, no SQL. The database cache's two
    # reads are pinned in test_query_budgets.py.
    url = site_content["en_event"].url
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert len(queries) == 0, [q["sql"] for q in queries.captured_queries]


def test_each_reader_gets_a_token_of_their_own_and_can_book_from_a_cached_page(site_content):
    event = site_content["event"]
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(event.url)
    response = second.get(event.url)
    assert response["X-Page-Cache"] == "hit"
    token = TOKEN.search(response.content.decode()).group(1)
    assert token != TOKEN.search(first.get(event.url).content.decode()).group(1)
    assert "cms-page-cache" not in response.content.decode()
    assert "csrftoken" in second.cookies  # the hit set this reader's own CSRF cookie

    booked = second.post(
        f"/hu/bookings/new/{event.pk}/",
        {
            "csrfmiddlewaretoken": token,
            "name": "Olvasó Olga",
            "email": "olga@example.org",
            "seats": "1",
            "consent": "on",
            "consent_version": str(current_consent().version),
        },
    )
    assert booked.status_code == 302, booked.content.decode()[:500]


def test_a_logged_in_editor_is_never_served_nor_stored(client, admin_client, site_content):
    url = site_content["cluster"].url
    for _ in range(2):
        response = admin_client.get(url)
        assert "X-Page-Cache" not in response
    assert client.get(url)["X-Page-Cache"] == "miss"  # nothing was stored for the editor
    assert "X-Page-Cache" not in admin_client.get(url)  # and the anonymous copy is not served


def test_a_reader_with_a_message_waiting_is_not_served_from_the_cache(client, site_content):
    url = site_content["event"].url
    twice(client, url)
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get(url)


def test_admin_previews_search_and_calendars_are_never_cached(admin_client, client, site_content):
    cluster = site_content["cluster"]
    for url in (
        f"/admin/pages/{cluster.pk}/edit/preview/",
        f"/admin/pages/{cluster.pk}/edit/",
    ):
        assert "X-Page-Cache" not in admin_client.get(url)
    for url in ("/hu/kereses/?q=agrar", "/hu/events/feed.ics", "/hu/nincs-ilyen-oldal/"):
        first, second = twice(client, url)
        assert "X-Page-Cache" not in first and "X-Page-Cache" not in second, url


def test_a_page_behind_a_password_is_never_cached(client, site_content):
    cluster = site_content["cluster"]
    PageViewRestriction.objects.create(
        page=cluster, restriction_type=PageViewRestriction.PASSWORD, password="titok"
    )
    first, second = twice(client, cluster.url)
    assert "Agrár Klaszter Kft." not in second.content.decode()
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second


def test_no_get_writes_to_the_database_but_a_miss_to_the_cache_table(
    client, site_content, database_cache
):
    urls = [site_content[key].url for key in ("home", "cluster", "event", "en_training")]
    urls.append(f"/api/v2/pages/{site_content['en_event'].pk}/")
    for url in urls:
        client.get(url)  # renditions are made on the first view (files and rows, once)
    cache.clear()
    for url in urls:
        with CaptureQueriesContext(connection) as miss:
            assert client.get(url)["X-Page-Cache"] == "miss"
        with CaptureQueriesContext(connection) as hit:
            assert client.get(url)["X-Page-Cache"] == "hit"
        assert writes(miss) and all('"cms_cache"' in sql for sql in writes(miss)), writes(miss)
        assert writes(hit) == [], url


def writes(queries) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE", "REPLACE")
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(verbs)
    ]
