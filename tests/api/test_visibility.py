"""Only live, public, published content reaches the API."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cluster_pages.models import ClusterProfilePage
from tests import factories
from tests.api.helpers import get_json


def listed_ids(api, query="type=cluster_pages.ClusterProfilePage"):
    return [item["id"] for item in get_json(api, f"/api/v2/pages/?{query}")["items"]]


def assert_hidden(api, page):
    """Neither the detail, the listing, a search nor translation_of shows `page`."""
    data = get_json(api, f"/api/v2/pages/{page.pk}/", status=404)
    assert data == {"message": "No Page matches the given query."}
    assert page.pk not in listed_ids(api, "limit=100")
    assert page.pk not in listed_ids(api, f"search={page.title.split()[0]}")
    assert page.pk not in listed_ids(api, f"type={page.specific_class._meta.label}")


def test_a_published_page_is_shown(api, tree):
    cluster = factories.cluster(tree.clusters, title="Látható Klaszter")

    get_json(api, f"/api/v2/pages/{cluster.pk}/")
    assert cluster.pk in listed_ids(api)
    assert cluster.pk in listed_ids(api, "search=Látható")


def test_a_never_published_draft_is_hidden(api, tree):
    draft = ClusterProfilePage(
        title="Tervezet Klaszter",
        slug="tervezet",
        summary="Még nem kész.",
        county="hajdu-bihar",
        city="Debrecen",
        live=False,
    )
    tree.clusters.add_child(instance=draft)
    draft.save_revision()

    assert_hidden(api, draft)


def test_an_unpublished_page_is_hidden(api, tree):
    cluster = factories.cluster(tree.clusters, title="Visszavont Klaszter")
    cluster.unpublish()

    assert_hidden(api, cluster)


def test_a_page_scheduled_for_the_future_is_hidden(api, tree):
    scheduled = factories.cluster(
        tree.clusters,
        title="Jövőbeli Klaszter",
        go_live_at=timezone.now() + dt.timedelta(days=3),
    )

    assert scheduled.live is False
    assert_hidden(api, scheduled)


def test_a_live_row_with_a_future_go_live_at_is_hidden(api, tree):
    # A page saved live with a future date without going through publish (an import, a
    # script): the API trusts the date, not only the flag.
    early = factories.cluster(tree.clusters, title="Korai Klaszter")
    type(early).objects.filter(pk=early.pk).update(go_live_at=timezone.now() + dt.timedelta(days=3))

    assert_hidden(api, early)


def test_an_expired_page_is_hidden_before_the_scheduler_runs(api, tree):
    cluster = factories.cluster(tree.clusters, title="Lejárt Klaszter")
    type(cluster).objects.filter(pk=cluster.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )

    assert_hidden(api, cluster)


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "titok"},
        {"restriction_type": PageViewRestriction.LOGIN},
    ],
)
def test_a_private_page_and_its_children_are_hidden(api, tree, restriction):
    cluster = factories.cluster(tree.clusters, title="Privát Klaszter")
    PageViewRestriction.objects.create(page=tree.clusters, **restriction)

    assert_hidden(api, cluster)
    assert_hidden(api, tree.clusters)
    get_json(api, f"/api/v2/pages/{tree.clusters_en.pk}/")


def test_a_private_cluster_is_left_out_of_an_events_participants(api, tree):
    public = factories.cluster(tree.clusters, title="Nyilvános Klaszter")
    private = factories.cluster(tree.clusters, title="Rejtett Klaszter")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    event = factories.event(tree.events)
    event.participating_clusters.set([public, private])
    event.save_revision().publish()

    data = get_json(api, f"/api/v2/pages/{event.pk}/")

    assert [cluster["id"] for cluster in data["participating_clusters"]] == [public.pk]


def test_a_newer_draft_revision_does_not_change_what_the_api_shows(api, tree):
    cluster = factories.cluster(
        tree.clusters, title="Régi Név", summary="Régi összefoglaló.", city="Debrecen"
    )
    draft = cluster.get_latest_revision_as_object()
    draft.title = "Új Név"
    draft.summary = "Új összefoglaló."
    draft.city = "Nyíregyháza"
    draft.sectors.set([factories.sector("digital")])
    draft.save_revision()

    detail = get_json(api, f"/api/v2/pages/{cluster.pk}/")
    listing = get_json(api, "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&fields=*")

    for data in (detail, listing["items"][0]):
        assert data["title"] == "Régi Név"
        assert data["summary"] == "Régi összefoglaló."
        assert data["city"] == "Debrecen"
        assert data["sectors"] == []
    assert listed_ids(api, "search=Új") == []
