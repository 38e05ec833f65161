"""Drafts, unpublished, future-scheduled and private pages never reach the public site."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cluster_pages.models import ClusterProfilePage
from event_booking.models import EventPage
from tests import factories

pytestmark = pytest.mark.django_db


def everywhere(
    client, page_title: str, slug: str, index_urls: list[str], search_word: str
) -> list[str]:
    """The public places where `page_title` (or, in the sitemap, `slug`) shows up."""
    found = []
    for url in ["/hu/", *index_urls]:
        if page_title in client.get(url).content.decode():
            found.append(url)
    if page_title in client.get("/hu/kereses/", {"q": search_word}).content.decode():
        found.append("search")
    if f"/{slug}/</loc>" in client.get("/sitemap.xml").content.decode():
        found.append("sitemap")
    return found


def draft_event(index, title: str, slug: str) -> EventPage:
    start = timezone.now() + dt.timedelta(days=5)
    page = EventPage(title=title, slug=slug, kind="seminar", start=start, end=start, live=False)
    index.add_child(instance=page)
    page.save_revision()
    return page


def test_draft_page_is_not_reachable_nor_listed(client, home):
    index = factories.event_index(home)
    draft = draft_event(index, "Titkos Szeminárium", "titkos-szeminarium")

    assert client.get("/hu/rendezvenyek/titkos-szeminarium/").status_code == 404
    assert (
        everywhere(client, "Titkos Szeminárium", "titkos-szeminarium", [index.url], "Titkos") == []
    )
    assert not draft.live


def test_unpublished_page_is_not_reachable_nor_listed(client, home):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index, title="Visszavont Klaszter", slug="visszavont-klaszter")
    url = cluster.url
    assert client.get(url).status_code == 200

    cluster.unpublish()

    assert client.get(url).status_code == 404
    assert (
        everywhere(client, "Visszavont Klaszter", "visszavont-klaszter", [index.url], "Visszavont")
        == []
    )


def test_future_scheduled_page_is_not_reachable_until_it_goes_live(client, home):
    index = factories.cluster_index(home)
    page = ClusterProfilePage(
        title="Jövőbeli Klaszter",
        slug="jovobeli-klaszter",
        summary="Később.",
        county="hajdu-bihar",
        city="Debrecen",
        live=False,
        go_live_at=timezone.now() + dt.timedelta(days=3),
    )
    index.add_child(instance=page)
    page.save_revision().publish()  # with go_live_at in the future this only schedules
    page.refresh_from_db()

    assert not page.live
    assert client.get("/hu/klaszterek/jovobeli-klaszter/").status_code == 404
    assert (
        everywhere(client, "Jövőbeli Klaszter", "jovobeli-klaszter", [index.url], "Jövőbeli") == []
    )


def test_private_page_is_not_listed(client, home):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index, title="Zártkörű Klaszter", slug="zartkoru-klaszter")
    PageViewRestriction.objects.create(
        page=cluster, restriction_type=PageViewRestriction.PASSWORD, password="titok"
    )

    response = client.get(cluster.url)

    assert response.status_code == 200  # Wagtail's password form, not the content
    assert "Teszt klaszter" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    assert (
        everywhere(client, "Zártkörű Klaszter", "zartkoru-klaszter", [index.url], "Zártkörű") == []
    )


def test_live_page_is_everywhere(client, home):
    """Control for the tests above: the same helper does find a live page."""
    index = factories.cluster_index(home)
    factories.cluster(index, title="Látható Klaszter", slug="lathato-klaszter")

    assert everywhere(client, "Látható Klaszter", "lathato-klaszter", [index.url], "Látható") == [
        "/hu/",
        index.url,
        "search",
        "sitemap",
    ]


def test_draft_translation_is_not_reachable(client, home, en_home, to_english):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index, title="Kettős Klaszter", slug="kettos-klaszter")
    to_english(index)
    draft = to_english(cluster, {"Kettős Klaszter": "Twin Cluster"}, publish=False)

    assert client.get("/en/klaszterek-en/kettos-klaszter-en/").status_code == 404
    assert "Twin Cluster" not in client.get("/en/klaszterek-en/").content.decode()
    assert "Twin Cluster" not in client.get("/en/search/", {"q": "Twin"}).content.decode()
    assert "kettos-klaszter-en" not in client.get("/sitemap.xml").content.decode()
    assert not draft.live
