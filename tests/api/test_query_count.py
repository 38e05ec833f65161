"""A `fields=*` listing costs the same queries whatever the number of pages listed or in the site.

Each test fills the site with 3 Hungarian pages of one type translated into English through
wagtail-localize, measures `?type=...&locale=en&fields=*&limit=10` (3 items), adds 12 more
English pages with the same kinds of relations, and measures again (10 items of 15). A query
per listed item would show as a difference between the two, a query per page in the site too;
the count is also pinned in EXPECTED. The extra pages are created directly in the English tree
(a translation through wagtail-localize costs ~0.3 s each): how a page was made does not
change what the API loads for it.

As in production without Redis: the database cache is on, so a per-page cache read or write
(renditions) would show up as a query, and so is the page cache; the listings carry an
Authorization header, which the page cache neither answers nor stores, so they count what the
view costs when the listing is not in the cache.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cluster_pages.models import ClusterProfilePage
from event_booking.models import EventPage
from tests import factories
from training_catalog.models import TrainingPage, TrainingRun

# Queries of one listing. Four for any listing: the version of the shared lookups (a cache
# read: the view restrictions, the site and its root paths are kept across requests,
# cms/shared_lookups.py), COUNT, the pages with their locale (`?locale=` filters through it;
# the site's language trees are a subquery), the translations (their live versions, each with
# whether it is outdated). Then per field, once per response: images of every image
# field and their renditions, together (private collections are a subquery for anonymous
# readers); clusters: sector links + sectors; events: venues, cluster links + clusters,
# booking; trainings: topics, documents, runs (shared by `runs` and `booking`) + venues,
# booking offerings.
EXPECTED = {
    "cluster_pages.ClusterProfilePage": 8,
    "event_booking.EventPage": 10,
    "training_catalog.TrainingPage": 9,
}

# The page cache neither answers nor stores a request with this header.
NOT_FROM_THE_CACHE = {"HTTP_AUTHORIZATION": "Bearer not-from-the-page-cache"}

SMALL = 3  # translated pages, all listed
EXTRA = 12  # pages added in English: 15 in the site, LIMIT listed
LIMIT = 10

RELATED = {
    "cluster_pages.ClusterProfilePage": ("logo", "sectors", "description"),
    "event_booking.EventPage": ("venue", "participating_clusters", "description"),
    "training_catalog.TrainingPage": ("topic", "runs", "materials"),
}


@pytest.fixture(autouse=True)
def _as_in_production(settings, db):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True}
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.database_cache.DatabaseCache",
            "LOCATION": "cms_cache",
        }
    }
    # The migration made the table only if the database cache was configured then (CI's
    # PostgreSQL pass runs with Redis); createcachetable skips a table that exists.
    call_command("createcachetable", verbosity=0)


def listing_queries(api, page_type: str, listed: int, *related: str) -> tuple[int, list[str]]:
    """Queries of the English `fields=*` listing (`listed` items), once renditions exist.

    Checks that every item has its `related` fields filled, so the relations are exercised.
    """
    url = f"/api/v2/pages/?type={page_type}&locale=en&fields=*&limit={LIMIT}"
    # Generates the renditions of the listed logos.
    assert api.get(url, **NOT_FROM_THE_CACHE).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, **NOT_FROM_THE_CACHE)
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == listed
    for item in items:
        assert item["meta"]["locale"] == "en"
        assert all(item[name] for name in related), item
    return len(queries), [query["sql"] for query in queries.captured_queries]


def body_with_image() -> list:
    return [
        ("paragraph", "<p>Leírás.</p>"),
        ("image", {"image": factories.image(), "alt_text": "Kép", "decorative": False}),
    ]


def assert_constant(page_type, small, large):
    """Same count for the small and the large listing, and the count pinned in EXPECTED."""
    listing = "\n".join(sql[:160] for sql in large[1])
    total = SMALL + EXTRA
    assert small[0] == large[0], (
        f"{small[0]} queries for {SMALL} pages, {large[0]} for {LIMIT} of {total}:\n{listing}"
    )
    assert large[0] == EXPECTED[page_type], f"{large[0]} queries:\n{listing}"


def test_cluster_listing_query_count_does_not_grow_with_the_site(api, tree, to_english):
    sectors = [factories.sector("digital"), factories.sector("health")]
    page_type = "cluster_pages.ClusterProfilePage"
    for _n in range(SMALL):
        cluster = factories.cluster(
            tree.clusters, sectors=sectors, logo=factories.image(), description=body_with_image()
        )
        to_english(cluster)
    small = listing_queries(api, page_type, SMALL, *RELATED[page_type])

    for n in range(EXTRA):
        page = ClusterProfilePage(
            title=f"Extra Cluster {n}",
            slug=f"extra-{n}",
            summary="Extra.",
            county="hajdu-bihar",
            city="Debrecen",
            logo=factories.image(),
            description=body_with_image(),
        )
        tree.clusters_en.add_child(instance=page)
        page.sectors.set(sectors)
        page.save()
    large = listing_queries(api, page_type, LIMIT, *RELATED[page_type])

    assert ClusterProfilePage.objects.filter(locale__language_code="en").count() == SMALL + EXTRA
    assert_constant(page_type, small, large)


def test_event_listing_query_count_does_not_grow_with_the_site(api, tree, to_english):
    venue = factories.venue()
    to_english(venue)
    partners = [factories.cluster(tree.clusters) for _n in range(3)]
    for partner in partners[:2]:
        to_english(partner)
    page_type = "event_booking.EventPage"
    for _n in range(SMALL):
        event = factories.event(tree.events, venue=venue, description=body_with_image())
        event.participating_clusters.set(partners)
        event.save_revision().publish()
        to_english(event)
    small = listing_queries(api, page_type, SMALL, *RELATED[page_type])

    start = timezone.now() + dt.timedelta(days=20)
    for n in range(EXTRA):
        page = EventPage(
            title=f"Extra Event {n}",
            slug=f"extra-{n}",
            kind="seminar",
            start=start,
            end=start + dt.timedelta(hours=2),
            venue=venue,
            description=body_with_image(),
        )
        tree.events_en.add_child(instance=page)
        page.participating_clusters.set(partners)
        page.save()
    large = listing_queries(api, page_type, LIMIT, *RELATED[page_type])

    assert EventPage.objects.filter(locale__language_code="en").count() == SMALL + EXTRA
    assert_constant(page_type, small, large)


def test_training_listing_query_count_does_not_grow_with_the_site(api, tree, to_english, document):
    topic = factories.topic()
    to_english(topic)
    venue = factories.venue()
    to_english(venue)
    page_type = "training_catalog.TrainingPage"
    for _n in range(SMALL):
        training = factories.training(
            tree.trainings, runs=2, topic=topic, materials=[("document", document)]
        )
        for run in training.runs.all():
            run.venue = venue
            run.save()
        to_english(training)
    small = listing_queries(api, page_type, SMALL, *RELATED[page_type])

    first_day = timezone.localdate() + dt.timedelta(days=40)
    for n in range(EXTRA):
        page = TrainingPage(
            title=f"Extra Training {n}",
            slug=f"extra-{n}",
            summary="Extra.",
            topic=topic,
            price_eur=Decimal("100"),
            materials=[("document", document)],
        )
        for day in range(2):
            page.runs.add(
                TrainingRun(
                    start_date=first_day + dt.timedelta(days=day * 7),
                    end_date=first_day + dt.timedelta(days=day * 7 + 1),
                    seats=10,
                    venue=venue,
                )
            )
        tree.trainings_en.add_child(instance=page)
    large = listing_queries(api, page_type, LIMIT, *RELATED[page_type])

    assert TrainingPage.objects.filter(locale__language_code="en").count() == SMALL + EXTRA
    assert TrainingRun.objects.filter(locale__language_code="en").count() == 2 * (SMALL + EXTRA)
    assert_constant(page_type, small, large)
