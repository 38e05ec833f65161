"""Query parameters of the pages endpoint: locale, translation_of, type, search, child_of."""

import pytest

from tests import factories
from tests.api.helpers import get_json


def ids(data):
    return [item["id"] for item in data["items"]]


@pytest.fixture
def clusters(tree, to_english):
    """Two clusters in Hungarian with their English translations: (hu, en) pairs."""
    apple = factories.cluster(tree.clusters, title="Alma Klaszter", summary="Gyümölcstermesztés.")
    honey = factories.cluster(tree.clusters, title="Méz Klaszter", summary="Méhészet.")
    return [
        (apple, to_english(apple, {"Alma Klaszter": "Apple Cluster"})),
        (honey, to_english(honey, {"Méz Klaszter": "Honey Cluster"})),
    ]


def test_listing_shows_both_language_trees(api, tree, clusters):
    data = get_json(api, "/api/v2/pages/?type=cluster_pages.ClusterProfilePage")

    assert data["meta"]["total_count"] == 4
    assert {item["meta"]["locale"] for item in data["items"]} == {"hu", "en"}


def test_locale_filter(api, tree, clusters):
    english = get_json(api, "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&locale=en")
    hungarian = get_json(api, "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&locale=hu")

    assert ids(english) == [en.pk for _hu, en in clusters]
    assert [item["title"] for item in english["items"]] == ["Apple Cluster", "Honey Cluster"]
    assert ids(hungarian) == [hu.pk for hu, _en in clusters]


@pytest.mark.parametrize("value", ["de", "xx", "", "en-GB", "hu,en"])
def test_unknown_locale_is_a_400_naming_the_parameter(api, tree, value):
    data = get_json(api, f"/api/v2/pages/?locale={value}", status=400)

    assert data["message"].startswith("locale:")
    assert "hu, en" in data["message"]


def test_translation_of_lists_the_other_languages(api, tree, clusters):
    (apple, apple_en), _honey = clusters

    from_hungarian = get_json(api, f"/api/v2/pages/?translation_of={apple.pk}")
    from_english = get_json(api, f"/api/v2/pages/?translation_of={apple_en.pk}&locale=hu")

    assert ids(from_hungarian) == [apple_en.pk]
    assert ids(from_english) == [apple.pk]


def test_translation_of_a_missing_page_is_a_400(api, tree):
    data = get_json(api, "/api/v2/pages/?translation_of=99999999", status=400)

    assert "translation_of" in data["message"]


def test_type_filter_keeps_one_page_type(api, tree, clusters):
    factories.event(tree.events)

    events = get_json(api, "/api/v2/pages/?type=event_booking.EventPage")
    both = get_json(api, "/api/v2/pages/?type=event_booking.EventPage,cms.HomePage&locale=hu")

    assert [item["meta"]["type"] for item in events["items"]] == ["event_booking.EventPage"]
    assert {item["meta"]["type"] for item in both["items"]} == {
        "event_booking.EventPage",
        "cms.HomePage",
    }


@pytest.mark.parametrize("value", ["nope.Nothing", "cms.Sector", "cms"])
def test_bad_type_is_a_400(api, tree, value):
    data = get_json(api, f"/api/v2/pages/?type={value}", status=400)

    assert "type" in data["message"]


def test_search_finds_pages_in_the_requested_language(api, tree, clusters):
    (_apple, apple_en), (honey, _honey_en) = clusters

    english = get_json(api, "/api/v2/pages/?search=Apple&locale=en")
    hungarian = get_json(
        api, "/api/v2/pages/?search=Méhészet&type=cluster_pages.ClusterProfilePage&locale=hu"
    )
    nothing = get_json(api, "/api/v2/pages/?search=Apple&locale=hu")

    assert ids(english) == [apple_en.pk]
    assert ids(hungarian) == [honey.pk]
    assert ids(nothing) == []


def test_search_does_not_find_drafts(api, tree, clusters):
    (apple, _apple_en), _honey = clusters
    apple.summary = "Titkos tervezet."
    apple.save_revision()

    data = get_json(api, "/api/v2/pages/?search=Titkos")

    assert ids(data) == []


def test_child_of_lists_the_children_of_a_page(api, tree, clusters):
    data = get_json(api, f"/api/v2/pages/?child_of={tree.clusters_en.pk}")

    assert ids(data) == [en.pk for _hu, en in clusters]


def test_child_of_root_follows_the_locale(api, tree):
    hungarian = get_json(api, "/api/v2/pages/?child_of=root")
    english = get_json(api, "/api/v2/pages/?child_of=root&locale=en")

    assert ids(hungarian) == [tree.clusters.pk, tree.trainings.pk, tree.events.pk]
    assert ids(english) == [tree.clusters_en.pk, tree.trainings_en.pk, tree.events_en.pk]


@pytest.mark.parametrize("value", ["abc", "-3", "99999999"])
def test_bad_child_of_is_a_400(api, tree, value):
    data = get_json(api, f"/api/v2/pages/?child_of={value}", status=400)

    assert data["message"]


def test_field_filter_on_a_page_type(api, tree):
    north = factories.cluster(tree.clusters, county="szabolcs-szatmar-bereg")
    factories.cluster(tree.clusters, county="hajdu-bihar")

    data = get_json(
        api,
        "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&county=szabolcs-szatmar-bereg",
    )

    assert ids(data) == [north.pk]


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("colour=red", "colour"),
        ("fields=nonsense", "nonsense"),
        ("limit=abc", "limit"),
        ("limit=1000", "limit"),
        ("offset=-1", "offset"),
        ("order=nonsense", "nonsense"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(api, tree, query, word):
    data = get_json(api, f"/api/v2/pages/?{query}", status=400)

    assert word in data["message"]


def test_find_resolves_a_public_url_with_its_language_prefix(api, tree, clusters):
    (apple, apple_en), _honey = clusters

    english = api.get(f"/api/v2/pages/find/?html_path=/en/clusters/{apple_en.slug}/")
    hungarian = api.get(f"/api/v2/pages/find/?html_path=/hu/klaszterek/{apple.slug}/")
    missing = api.get("/api/v2/pages/find/?html_path=/en/clusters/nothing/")

    assert english.status_code == 302
    assert english["Location"].endswith(f"/api/v2/pages/{apple_en.pk}/?")
    assert hungarian["Location"].endswith(f"/api/v2/pages/{apple.pk}/?")
    assert missing.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?locale=h%00u",
        "/api/v2/pages/?search=a%00b",
        "/api/v2/pages/?type=cms.Home%00Page",
        "/api/v2/pages/?title=a%00b",
        "/api/v2/pages/find/?html_path=/hu/a%00b/",
    ],
)
def test_null_characters_are_a_400_naming_the_parameter(api, tree, path):
    name = path.split("?")[1].split("=")[0]

    data = get_json(api, path, status=400)

    assert data["message"] == f"{name}: null characters are not allowed"
