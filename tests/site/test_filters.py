"""Index filters: clusters by sector and county, events by time and kind, trainings by topic."""

import pytest

from cluster_pages.models import County
from event_booking.models import EventKind
from tests import factories

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [page.title for page in response.context["listing"].page_obj.object_list]


@pytest.fixture
def clusters(home):
    index = factories.cluster_index(home)
    factories.cluster(
        index,
        title="Digitális Klaszter",
        sectors=[factories.sector("digital")],
        county=County.HAJDU_BIHAR,
    )
    factories.cluster(
        index,
        title="Turisztikai Klaszter",
        sectors=[factories.sector("tourism")],
        county=County.SZABOLCS_SZATMAR_BEREG,
    )
    factories.cluster(
        index,
        title="Szolnoki Digitális Klaszter",
        sectors=[factories.sector("digital")],
        county=County.JASZ_NAGYKUN_SZOLNOK,
    )
    return index


def test_clusters_by_sector(client, clusters):
    response = client.get(clusters.url, {"sector": "digital"})

    assert titles(response) == ["Digitális Klaszter", "Szolnoki Digitális Klaszter"]


def test_clusters_by_county(client, clusters):
    response = client.get(clusters.url, {"county": "szabolcs-szatmar-bereg"})

    assert titles(response) == ["Turisztikai Klaszter"]


def test_clusters_by_sector_and_county(client, clusters):
    response = client.get(clusters.url, {"sector": "digital", "county": "jasz-nagykun-szolnok"})

    assert titles(response) == ["Szolnoki Digitális Klaszter"]


def test_sector_filter_uses_the_same_slug_in_english(client, clusters, en_home, to_english):
    en_index = to_english(clusters)
    for cluster in clusters.get_children().specific():
        to_english(cluster)

    response = client.get(en_index.url, {"sector": "digital"})

    assert titles(response) == ["EN Digitális Klaszter", "EN Szolnoki Digitális Klaszter"]
    html = response.content.decode()
    # The filter offers the sectors by their English names, keyed by the shared slug.
    assert '<option value="digital" selected>Digital</option>' in html
    assert '<label for="id_sector">Sector</label>' in html
    assert '<form method="get"' in html


@pytest.mark.parametrize(
    "params",
    [{"sector": "no-such-sector"}, {"county": "budapest"}, {"sector": "digital", "county": "x"}],
)
def test_unknown_filter_value_lists_nothing_with_a_message(client, clusters, params):
    response = client.get(clusters.url, params)

    assert response.status_code == 200
    assert titles(response) == []
    html = response.content.decode()
    assert '<p class="notice" role="status">' in html  # the "value not recognised" message
    assert 'aria-invalid="true"' in html


def test_cluster_listing_is_paginated(client, home):
    index = factories.cluster_index(home)
    for n in range(14):
        factories.cluster(index, title=f"Klaszter {n:02d}")

    first = client.get(index.url)
    second = client.get(index.url, {"page": "2"})
    beyond = client.get(index.url, {"page": "99"})
    nonsense = client.get(index.url, {"page": "abc"})

    assert len(titles(first)) == 12
    assert titles(second) == ["Klaszter 12", "Klaszter 13"]
    assert titles(beyond) == titles(second)
    assert titles(nonsense) == titles(first)
    assert 'href="?page=2"' in first.content.decode()


def test_pagination_keeps_the_filters(client, home):
    index = factories.cluster_index(home)
    for n in range(13):
        factories.cluster(index, title=f"Klaszter {n:02d}", sectors=[factories.sector("digital")])

    html = client.get(index.url, {"sector": "digital"}).content.decode()

    assert 'href="?sector=digital&amp;page=2"' in html


@pytest.fixture
def events(home):
    index = factories.event_index(home)
    factories.event(index, days_ahead=10, title="Jövő heti szeminárium", kind=EventKind.SEMINAR)
    factories.event(index, days_ahead=3, title="Holnapi találkozó")
    factories.event(index, days_ahead=-30, title="Múlt havi szeminárium", kind=EventKind.SEMINAR)
    factories.event(index, days_ahead=-3, title="Múlt heti találkozó")
    return index


def test_events_default_to_upcoming_soonest_first(client, events):
    response = client.get(events.url)

    assert titles(response) == ["Holnapi találkozó", "Jövő heti szeminárium"]


def test_past_events_most_recent_first(client, events):
    response = client.get(events.url, {"when": "past"})

    assert titles(response) == ["Múlt heti találkozó", "Múlt havi szeminárium"]


def test_events_by_kind(client, events):
    upcoming = client.get(events.url, {"kind": "seminar"})
    past = client.get(events.url, {"kind": "seminar", "when": "past"})

    assert titles(upcoming) == ["Jövő heti szeminárium"]
    assert titles(past) == ["Múlt havi szeminárium"]


@pytest.mark.parametrize("params", [{"when": "tomorrow"}, {"kind": "party"}])
def test_unknown_event_filter_lists_nothing(client, events, params):
    response = client.get(events.url, params)

    assert response.status_code == 200
    assert titles(response) == []
    assert '<p class="notice" role="status">' in response.content.decode()


def test_trainings_by_topic(client, home):
    index = factories.training_index(home)
    factories.training(index, title="Stratégia", topic=factories.topic("strategy"))
    factories.training(
        index, title="Finanszírozás", topic=factories.topic("funding", "Pályázati források")
    )

    response = client.get(index.url, {"topic": "funding"})
    unknown = client.get(index.url, {"topic": "cooking"})

    assert titles(response) == ["Finanszírozás"]
    assert titles(unknown) == []
    assert unknown.status_code == 200
    assert '<option value="funding" selected>Pályázati források</option>' in (
        response.content.decode()
    )


def test_training_topic_filter_in_english_shows_untranslated_topic_in_source(
    client, home, en_home, to_english
):
    index = factories.training_index(home)
    factories.training(index, title="Stratégia", topic=factories.topic("strategy"))
    en_index = to_english(index)

    html = client.get(en_index.url).content.decode()

    # No English name yet: the Hungarian one is offered rather than nothing.
    assert '<option value="strategy">Klaszterstratégia</option>' in html
