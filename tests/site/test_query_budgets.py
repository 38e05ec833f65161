"""Query budgets: every public page type, the API detail, the booking form and its POST cost a
fixed number of SQL queries, whatever the number of pages in the site, listed or booked.

Each test measures on the small bilingual site (`site_content`: one page of each type in both
languages), then adds EXTRA pages of every type in both languages (with logos, venues, runs,
bookings) and measures again: a query per page in the site, per listed teaser (index pages show
up to 12) or per booking would show as a difference. The counts are pinned in BUDGETS, so a
changed budget is a visible diff. Measured after one warm-up request (renditions made, Wagtail's
site root paths cached), as in production without Redis: the database cache, so a cache read or
write shows up as a query, and the page cache on. The GETs carry an Authorization header, which
the page cache neither answers nor stores (cms/page_cache/middleware.py): they count what the
view costs when the page is not in the cache, except the last test, which counts a hit.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cluster_pages.models import ClusterProfilePage
from event_booking.models import EventPage
from event_booking.services.consent import current_consent
from tests import factories
from training_catalog.models import TrainingPage, TrainingRun

pytestmark = pytest.mark.django_db

EXTRA = 13  # more than an index page's 12 teasers


@pytest.fixture(autouse=True)
def _as_in_production(database_cache, settings):
    """As cms/settings.py without REDIS_URL: the database cache, the page cache on."""
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "CLOCK_SKEW_SECONDS": 0}


# The page cache neither answers nor stores a request with this header.
NOT_FROM_THE_CACHE = {"HTTP_AUTHORIZATION": "Bearer not-from-the-page-cache"}


def count_queries(client, method: str, url: str, data: dict | None = None, status: int = 200):
    headers = NOT_FROM_THE_CACHE if method == "get" else {}
    if method == "get":
        assert client.get(url, **headers).status_code == status, url
    with CaptureQueriesContext(connection) as queries:
        if data:
            response = getattr(client, method)(url, data, **headers)
        else:
            response = getattr(client, method)(url, **headers)
    assert response.status_code == status, (url, response.status_code)
    return len(queries), [q["sql"][:200] for q in queries.captured_queries]


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def test_no_get_writes_to_the_database_cold_or_warm(client, site_content):
    """No page or API detail GET writes (a write per view serialises SQLite's writers across
    workers), but the page cache's own entries. Cold (the cache emptied): only Wagtail's site
    root paths and the version of the shared lookups (cms/shared_lookups.py) are stored in
    the cache, once for all pages; warm: nothing at all. Renditions are made by the first view
    of an image (an upload's own thumbnails are made the same way), before both rounds."""
    urls = [
        url
        for key in URLS.values()
        for page in (site_content[key], site_content[f"en_{key}"])
        for url in (page.url, f"/api/v2/pages/{page.pk}/")
    ]
    for url in urls:
        client.get(url, **NOT_FROM_THE_CACHE)
    cache.clear()
    for round_ in ("cold", "warm"):
        written = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url, **NOT_FROM_THE_CACHE).status_code == 200, url
            written += [q for q in queries.captured_queries if q["sql"].startswith(WRITES)]
        if round_ == "cold":
            assert [q["sql"].split(" (")[0] for q in written] == ['INSERT INTO "cms_cache"'] * 2
            keys = " ".join(str(q) for q in written)
            assert "wagtail_site_root_paths" in keys and "pagecache:tag:shared" in keys, keys
        else:
            assert not written, written


def grow(site_content: dict) -> None:
    """EXTRA more pages of each type in each language, and EXTRA bookings on the event."""
    sector, logo = site_content["sector"], factories.image()
    start = timezone.now() + dt.timedelta(days=30)
    for code in ("", "en_"):
        venue = site_content["venue"]  # as a translated event's: the Hungarian row
        for n in range(EXTRA):
            cluster = ClusterProfilePage(
                title=f"Extra {code}{n}",
                slug=f"extra-cluster-{n}",
                summary="Extra.",
                county="hajdu-bihar",
                city="Debrecen",
                logo=logo,
            )
            site_content[f"{code}cluster_index"].add_child(instance=cluster)
            cluster.sectors.set([sector])
            event = EventPage(
                title=f"Extra {code}{n}",
                slug=f"extra-event-{n}",
                kind="seminar",
                start=start,
                end=start + dt.timedelta(hours=2),
                venue=venue,
            )
            site_content[f"{code}event_index"].add_child(instance=event)
            training = TrainingPage(
                title=f"Extra {code}{n}",
                slug=f"extra-training-{n}",
                summary="Extra.",
                topic=site_content[f"{code}topic"],
                price_eur=Decimal("100"),
            )
            training.runs.add(
                TrainingRun(start_date=start.date(), end_date=start.date(), seats=10, venue=venue)
            )
            site_content[f"{code}training_index"].add_child(instance=training)


URLS = {
    "home": "home",
    "cluster index": "cluster_index",
    "cluster": "cluster",
    "training index": "training_index",
    "training": "training",
    "event index": "event_index",
    "event": "event",
}


# Queries of each GET, in Hungarian and English. The booking form is part of the event and
# training pages. An API detail (`/api/v2/pages/<id>/`) has every field of the type.
# A page: the version of the shared lookups (a cache read: the site, its root paths, the home
# and menu pages and the view restrictions are kept across requests, cms/shared_lookups.py);
# the page found by its URL with its ancestors (view restrictions, breadcrumbs; none for a
# home page, cms/routing.py); its specific row; the page's live translations (switcher,
# hreflang). Then what the type shows (home: index pages and each section's teasers;
# clusters: logo and rendition, sectors; trainings: topic, runs, materials, booking form;
# events: participating clusters, venue, booking form). English pages: whether the original
# changed since the translation (the notice), and snippets shown translated: a query more
# each (the home page's event and training teasers: two). An API detail finds the site and
# the view restrictions in the shared lookups as well.
BUDGETS = {
    "home": (9, 12),
    "cluster index": (9, 11),
    "cluster": (7, 9),
    "training index": (7, 9),
    "training": (9, 11),
    "event index": (6, 8),
    "event": (9, 11),
    "api home": (7, 7),
    "api cluster index": (8, 8),
    "api cluster": (12, 12),
    "api training index": (8, 8),
    "api training": (13, 13),
    "api event index": (8, 8),
    "api event": (12, 12),
}
# The booking form's POST of a seat that fits, answered with the redirect to the manage page.
BOOKING_POST = 22


def page_queries(client, site_content: dict) -> dict[str, tuple[int, int]]:
    counts = {}
    for label, key in URLS.items():
        pages = (site_content[key], site_content[f"en_{key}"])
        counts[label] = tuple(count_queries(client, "get", page.url)[0] for page in pages)
        counts[f"api {label}"] = tuple(
            count_queries(client, "get", f"/api/v2/pages/{page.pk}/")[0] for page in pages
        )
    return counts


def test_pages_and_api_details_cost_the_same_queries_in_a_small_and_a_larger_site(
    client, site_content
):
    small = page_queries(client, site_content)
    grow(site_content)
    large = page_queries(client, site_content)

    assert small == large, {k: (small[k], large[k]) for k in small if small[k] != large[k]}
    assert large == BUDGETS


def book(client, event, n: int):
    data = {
        "name": f"Foglaló {n}",
        "email": f"foglalo{n}@example.org",
        "seats": "1",
        "consent": "on",
        "consent_version": str(current_consent().version),
    }
    url = f"/hu/bookings/new/{event.pk}/"
    return count_queries(client, "post", url, data, status=302)


def test_a_booking_post_costs_the_same_queries_with_many_bookings_and_pages(
    client, site_content, settings
):
    settings.BOOKING_RATE_LIMIT = ""
    event = site_content["event"]
    small = book(client, event, 0)
    grow(site_content)
    for n in range(1, EXTRA):
        book(client, event, n)
    large = book(client, event, EXTRA)

    assert small[0] == large[0], "\n".join(large[1])
    assert large[0] == BOOKING_POST


# A page or API detail served from the page cache, on the database cache: the entry, then its
# tags' versions (with Redis: no SQL at all, tests/site/test_page_cache.py).
CACHE_HIT = 2


def test_a_cache_hit_costs_two_reads_of_the_cache_table_for_every_page_type(
    client, site_content, settings
):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "CLOCK_SKEW_SECONDS": 0}
    grow(site_content)
    for key in URLS.values():
        for page in (site_content[key], site_content[f"en_{key}"]):
            for url in (page.url, f"/api/v2/pages/{page.pk}/"):
                client.get(url)
                with CaptureQueriesContext(connection) as queries:
                    assert client.get(url)["X-Page-Cache"] == "hit", url
                assert len(queries) == CACHE_HIT, (url, [q["sql"] for q in queries])
                assert all('"cms_cache"' in q["sql"] for q in queries.captured_queries)
