"""Each change reaches cached pages and API responses at once: the next view shows it.

Every test first caches what it looks at (a view, then a hit), makes the change the way the
site makes it (Wagtail's publish, move and delete, wagtail-localize, the scheduler, the
booking service) with its on-commit callbacks run, and looks again.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.page_cache import store
from cms.page_cache.declare import SHARED_TAG
from cms.page_cache.invalidation import invalidate
from cms.page_cache.middleware import HEADER
from cms.workflow.jobs import publish_scheduled
from tests import factories
from tests.cms.review_helpers import (
    OLD_HU,
    logged_in,
    review,
    review_world,
    submit_through_editor,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    # No clock skew here: one machine, and a test looks again right after a change.
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": True, "CLOCK_SKEW_SECONDS": 0}


def cached(client, *urls: str) -> None:
    """Each URL is in the cache (a miss, then a hit)."""
    for url in urls:
        client.get(url)
        assert client.get(url)[HEADER] == "hit", url


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def committed():
    """Run the change's on-commit callbacks (wagtail-localize's publish, our invalidation)."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def test_publishing_a_page_refreshes_it_its_index_its_translation_and_the_home_page(
    client, site_content
):
    cluster, en_cluster = site_content["cluster"], site_content["en_cluster"]
    index, home = site_content["cluster_index"], site_content["home"]
    cached(client, cluster.url, index.url, home.url, en_cluster.url)
    with committed():
        cluster.title = "Megújult Agrár Klaszter"
        cluster.save_revision().publish()
    for page in (cluster, index, home):
        assert "Megújult Agrár Klaszter" in text(client, page.url), page.url
    assert client.get(en_cluster.url)[HEADER] != "hit"  # its language switcher


def test_unpublishing_a_page_takes_it_off_its_address_and_its_index(client, site_content):
    cluster, index = site_content["cluster"], site_content["cluster_index"]
    cached(client, cluster.url, index.url)
    with committed():
        cluster.unpublish()
    assert client.get(cluster.url).status_code == 404
    assert "Agrár Klaszter" not in text(client, index.url)


def test_moving_a_page_refreshes_its_old_and_new_places(client, site_content):
    event, index = site_content["event"], site_content["event_index"]
    other = factories.event(index, title="Másik esemény", slug="masik-esemeny")
    old_url = event.url
    cached(client, old_url, other.url, index.url)
    with committed():
        event.move(other, pos="last-child")
    event.refresh_from_db()
    assert client.get(old_url).status_code != 200
    assert "Agrár üzletember-találkozó" not in text(client, index.url)
    moved = text(client, event.url)
    assert "Másik esemény" in moved  # its breadcrumbs show the new parent


def test_deleting_a_page_takes_it_off_its_address_and_its_index(client, site_content):
    cluster, index = site_content["cluster"], site_content["cluster_index"]
    cached(client, cluster.url, index.url)
    with committed():
        cluster.delete()
    assert client.get(cluster.url).status_code == 404
    assert "Agrár Klaszter" not in text(client, index.url)


def test_publishing_a_translation_refreshes_the_source_pages_language_switcher(
    client, site_content
):
    cluster = factories.cluster(site_content["cluster_index"], title="Új Klaszter", slug="uj")
    cached(client, cluster.url)
    english = factories.to_english(cluster, {"Új Klaszter": "New Cluster"})  # runs on commit
    assert f'href="{english.url}" hreflang="en"' in text(client, cluster.url)


def test_a_new_page_appears_on_the_cached_index_home_and_api_listing(client, site_content):
    index, home = site_content["cluster_index"], site_content["home"]
    listing = "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&locale=hu"
    cached(client, index.url, home.url, listing)
    with committed():
        factories.cluster(index, title="Friss Klaszter", slug="friss")
    assert "Friss Klaszter" in text(client, index.url)
    assert "Friss Klaszter" in text(client, home.url)
    assert "Friss Klaszter" in [item["title"] for item in client.get(listing).json()["items"]]


def test_renaming_a_sector_refreshes_the_pages_that_show_it_in_both_languages(client, site_content):
    cluster, en_cluster = site_content["cluster"], site_content["en_cluster"]
    en_index = site_content["en_cluster_index"]
    en_sector = factories.sector("digital", code="en")
    cached(client, cluster.url, en_cluster.url, en_index.url)
    with committed():
        en_sector.name = "Digital economy, renamed"
        en_sector.save_revision().publish()
    # The English cluster points at the Hungarian sector row and shows its English name.
    assert "Digital economy, renamed" in text(client, en_cluster.url)
    assert "Digital economy, renamed" in text(client, en_index.url)  # the sector filter
    assert client.get(cluster.url)[HEADER] == "hit"  # the Hungarian name did not change


def test_changing_an_image_refreshes_the_pages_that_show_it(client, site_content):
    cluster, index = site_content["cluster"], site_content["cluster_index"]
    en_cluster = site_content["en_cluster"]
    logo = cluster.logo
    cached(client, cluster.url, index.url, en_cluster.url, f"/api/v2/images/{logo.pk}/")
    with committed():
        logo.description = "Zöld logó, új leírással"
        logo.save()
    for url in (cluster.url, en_cluster.url):
        assert 'alt="Zöld logó, új leírással"' in text(client, url), url
    assert client.get(index.url)[HEADER] != "hit"  # its teaser cards show the logo
    assert client.get(f"/api/v2/images/{logo.pk}/")[HEADER] != "hit"


def test_seats_left_follow_each_booking_and_a_full_event_shows_full_at_once(client, site_content):
    event, en_event = site_content["event"], site_content["en_event"]
    with committed():
        offering = factories.offering(event, capacity=2)
    api = f"/api/v2/pages/{en_event.pk}/"
    cached(client, en_event.url, event.url, api)
    assert "2 seats left." in text(client, en_event.url)
    with committed():
        factories.booking(offering, email="elso@example.org")
    assert "1 seat left." in text(client, en_event.url)
    assert client.get(api).json()["booking"]["seats_left"] == 1
    cached(client, en_event.url)
    with committed():
        factories.booking(offering, email="masodik@example.org")
    assert "All seats are taken" in text(client, en_event.url)
    assert client.get(event.url)[HEADER] != "hit"
    assert client.get(api).json()["booking"]["seats_left"] == 0


def test_the_scheduler_publishing_a_page_refreshes_its_index(client, site_content):
    index = site_content["cluster_index"]
    cluster = factories.cluster(index, title="Időzített Klaszter", slug="idozitett")
    with committed():
        cluster.unpublish()
    cluster.go_live_at = timezone.now() + dt.timedelta(minutes=10)
    revision = cluster.save_revision()
    revision.publish()  # approved for later, not live
    past = timezone.now() - dt.timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    cached(client, index.url)
    assert "Időzített Klaszter" not in text(client, index.url)
    with committed():
        publish_scheduled()
    assert "Időzített Klaszter" in text(client, index.url)


def test_an_api_detail_follows_a_publish(client, site_content):
    cluster = site_content["cluster"]
    url = f"/api/v2/pages/{cluster.pk}/"
    cached(client, url)
    with committed():
        cluster.summary = "Új összefoglaló."
        cluster.save_revision().publish()
    assert client.get(url).json()["summary"] == "Új összefoglaló."


def test_a_render_that_began_before_a_change_is_not_stored(client, site_content, monkeypatch):
    """A reader that read the old rows just before a change committed must not store them
    under the versions the change's invalidation has just written."""
    cluster = site_content["cluster"]
    real_save = store.save

    def change_commits_while_rendering(request, response, declaration, started):
        with committed():
            invalidate(cluster)  # the change commits after this render read the page
        return real_save(request, response, declaration, started)

    monkeypatch.setattr(store, "save", change_commits_while_rendering)
    assert client.get(cluster.url)[HEADER] == "not-stored"
    monkeypatch.setattr(store, "save", real_save)
    assert client.get(cluster.url)[HEADER] == "miss"
    assert client.get(cluster.url)[HEADER] == "hit"


def test_api_listings_go_stale_on_any_page_change(client, site_content):
    listing = "/api/v2/pages/?locale=en"
    cached(client, listing)
    with committed():
        invalidate(site_content["en_event"])
    assert client.get(listing)[HEADER] != "hit"


def test_a_moderators_approval_refreshes_the_cached_page(client):
    """The workflow plugin's route to live: a cluster manager submits, a moderator approves."""
    world = review_world()
    cluster = world.cluster
    cached(client, cluster.url)
    manager, moderator = logged_in(world.users["manager"]), logged_in(world.users["moderator"])
    submit_through_editor(manager, cluster, summary="Jóváhagyott új összefoglaló.")
    assert OLD_HU in text(client, cluster.url)  # waiting for review: still the old text
    with committed():
        assert review(moderator, cluster, "approve").status_code == 302
    assert "Jóváhagyott új összefoglaló." in text(client, cluster.url)


def test_changing_the_site_refreshes_every_page(client, site_content):
    urls = [site_content["en_home"].url, site_content["cluster"].url, "/api/v2/pages/?locale=hu"]
    cached(client, *urls)
    with committed():
        site = Site.objects.get(is_default_site=True)
        site.site_name = "Klaszterközpont"
        site.save()
    for url in urls:
        assert client.get(url)[HEADER] != "hit", url


def test_a_language_changed_in_the_admin_makes_everything_stale(client, site_content):
    urls = [site_content["en_home"].url, site_content["cluster"].url, "/api/v2/pages/?locale=en"]
    cached(client, *urls)
    shared_before = store.current_versions([SHARED_TAG])  # web processes' lookups (locale ids)
    with committed():
        Locale.objects.get(language_code="en").save()
    for url in urls:
        assert client.get(url)[HEADER] != "hit", url
    assert store.current_versions([SHARED_TAG]) != shared_before


def test_deleting_a_sector_refreshes_the_pages_that_listed_it(client, site_content):
    cluster, sector = site_content["cluster"], site_content["sector"]
    cached(client, cluster.url)
    assert sector.name in text(client, cluster.url)
    with committed():
        sector.delete()
    assert sector.name not in text(client, cluster.url)


def test_clear_page_cache_after_a_deployment_makes_everything_stale(client, site_content):
    urls = [site_content["home"].url, site_content["en_event"].url, "/api/v2/images/"]
    cached(client, *urls)
    call_command("clear_page_cache", stdout=io.StringIO())
    for url in urls:
        assert client.get(url)[HEADER] != "hit", url


def test_renaming_a_cluster_refreshes_the_events_it_takes_part_in(client, site_content):
    cluster, event = site_content["cluster"], site_content["event"]
    cached(client, event.url)
    with committed():
        cluster.title = "Átnevezett Agrár Klaszter"
        cluster.save_revision().publish()
    assert "Átnevezett Agrár Klaszter" in text(client, event.url)
