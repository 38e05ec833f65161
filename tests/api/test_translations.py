"""`meta.translations` (public states only) and `?locale=en&fallback=hu` on listing and detail."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.api.helpers import get_json

CLUSTERS = "cluster_pages.ClusterProfilePage"


@pytest.fixture
def clusters(tree, to_english):
    """current: translated; outdated: translated, source changed since; missing: Hungarian
    only; draft: only a draft English version."""
    current = factories.cluster(tree.clusters, title="Alma Klaszter")
    outdated = factories.cluster(tree.clusters, title="Méz Klaszter")
    missing = factories.cluster(tree.clusters, title="Szilva Klaszter")
    draft = factories.cluster(tree.clusters, title="Dió Klaszter")
    pages = {
        "current": (current, to_english(current)),
        "outdated": (outdated, to_english(outdated)),
        "missing": (missing, None),
        "draft": (draft, to_english(draft, publish=False)),
    }
    factories.outdated(outdated)
    return pages


def translations(item: dict) -> dict[str, dict]:
    return {entry["locale"]: entry for entry in item["meta"]["translations"]}


def ids(data: dict) -> list[int]:
    return [item["id"] for item in data["items"]]


def test_detail_shows_public_translation_states(api, clusters):
    states = {}
    for name, (hungarian, _english) in clusters.items():
        data = get_json(api, f"/api/v2/pages/{hungarian.pk}/")
        states[name] = translations(data)["en"]
        assert set(translations(data)) == {"en"}  # not the page's own language

    assert {name: entry["state"] for name, entry in states.items()} == {
        "current": "current",
        "outdated": "outdated",
        "missing": "missing",
        "draft": "missing",
    }
    current_en = clusters["current"][1]
    assert states["current"]["id"] == current_en.pk
    assert states["current"]["html_url"] == f"http://localhost{current_en.url}"
    # A draft never leaks: neither its id nor its URL.
    assert states["draft"]["id"] is None and states["draft"]["html_url"] is None


def test_english_page_points_at_its_hungarian_original(api, clusters):
    hungarian, english = clusters["outdated"]

    data = get_json(api, f"/api/v2/pages/{english.pk}/")

    assert translations(data) == {
        "hu": {
            "locale": "hu",
            "id": hungarian.pk,
            "html_url": f"http://localhost{hungarian.url}",
            "state": "current",
        }
    }


def test_translation_in_moderation_shows_its_last_public_state(api, clusters, django_user_model):
    hungarian, english = clusters["current"]
    english.title = "Apple Cluster, new draft"
    revision = english.save_revision()
    english.get_workflow().start(english, django_user_model.objects.create_superuser("boss"))
    assert english.workflow_in_progress and revision

    data = get_json(api, f"/api/v2/pages/{hungarian.pk}/")
    listing = get_json(api, f"/api/v2/pages/?type={CLUSTERS}&locale=en&fields=title,translations")

    assert translations(data)["en"]["state"] == "current"
    assert "new draft" not in str(listing)
    assert english.pk in ids(listing)


def test_listing_shows_translations_only_when_asked(api, clusters):
    plain = get_json(api, f"/api/v2/pages/?type={CLUSTERS}&locale=hu")
    asked = get_json(api, f"/api/v2/pages/?type={CLUSTERS}&locale=hu&fields=translations")

    assert all("translations" not in item["meta"] for item in plain["items"])
    by_id = {item["id"]: translations(item)["en"]["state"] for item in asked["items"]}
    expected = {
        "current": "current",
        "outdated": "outdated",
        "missing": "missing",
        "draft": "missing",
    }
    assert by_id == {hu.pk: expected[name] for name, (hu, _en) in clusters.items()}


def test_listing_translations_cost_a_fixed_number_of_queries(api, tree, clusters, to_english):
    url = f"/api/v2/pages/?type={CLUSTERS}&fields=translations&limit=50"

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            data = get_json(api, url)
        return len(queries), len(data["items"])

    small = count()
    for _n in range(6):
        cluster = factories.cluster(tree.clusters)
        to_english(cluster)
        factories.outdated(cluster)
    large = count()

    assert large[1] == small[1] + 12
    assert large[0] == small[0], f"{small} -> {large}"


def test_fallback_listing_fills_missing_english_with_hungarian(api, clusters):
    data = get_json(api, f"/api/v2/pages/?type={CLUSTERS}&locale=en&fallback=hu")

    shown = {item["id"]: item["meta"]["fallback"] for item in data["items"]}
    assert shown == {
        clusters["current"][1].pk: False,
        clusters["outdated"][1].pk: False,
        clusters["missing"][0].pk: True,
        clusters["draft"][0].pk: True,
    }
    plain = get_json(api, f"/api/v2/pages/?type={CLUSTERS}&locale=en")
    assert all("fallback" not in item["meta"] for item in plain["items"])


def test_fallback_with_child_of_and_translation_of(api, tree, clusters):
    english_children = get_json(
        api, f"/api/v2/pages/?child_of={tree.clusters_en.pk}&locale=en&fallback=hu"
    )
    root_children = get_json(api, "/api/v2/pages/?child_of=root&locale=en&fallback=hu")
    missing, _none = clusters["missing"]
    current, current_en = clusters["current"]
    of_missing = get_json(api, f"/api/v2/pages/?translation_of={missing.pk}&locale=en&fallback=hu")
    of_current = get_json(api, f"/api/v2/pages/?translation_of={current.pk}&locale=en&fallback=hu")

    assert sorted(ids(english_children)) == sorted(
        [clusters["current"][1].pk, clusters["outdated"][1].pk, missing.pk, clusters["draft"][0].pk]
    )
    assert ids(root_children) == [tree.clusters_en.pk, tree.trainings_en.pk, tree.events_en.pk]
    assert [(item["id"], item["meta"]["fallback"]) for item in of_missing["items"]] == [
        (missing.pk, True)
    ]
    assert [(item["id"], item["meta"]["fallback"]) for item in of_current["items"]] == [
        (current_en.pk, False)
    ]


def test_fallback_detail_gives_the_best_live_version(api, clusters):
    missing, _none = clusters["missing"]
    current, current_en = clusters["current"]

    hungarian_only = get_json(api, f"/api/v2/pages/{missing.pk}/?locale=en&fallback=hu")
    translated = get_json(api, f"/api/v2/pages/{current.pk}/?locale=en&fallback=hu")
    english = get_json(api, f"/api/v2/pages/{current_en.pk}/?locale=en&fallback=hu")

    assert (hungarian_only["id"], hungarian_only["meta"]["fallback"]) == (missing.pk, True)
    assert (translated["id"], translated["meta"]["fallback"]) == (current_en.pk, False)
    assert (english["id"], english["meta"]["fallback"]) == (current_en.pk, False)


@pytest.mark.parametrize(
    "query",
    ["fallback=hu", "locale=en&fallback=xx", "locale=en&fallback=en", "locale=en&fallback="],
)
def test_bad_fallback_is_a_400_naming_the_parameter(api, tree, query):
    listing = get_json(api, f"/api/v2/pages/?{query}", status=400)
    detail = get_json(api, f"/api/v2/pages/{tree.clusters.pk}/?{query}", status=400)

    assert listing["message"].startswith("fallback:")
    assert detail["message"].startswith("fallback:")


def test_openapi_describes_translations_and_fallback(api, db):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()

    detail = schema["paths"]["/api/v2/pages/{id}/"]["get"]
    listing = schema["paths"]["/api/v2/pages/"]["get"]
    translation = schema["components"]["schemas"]["PageTranslation"]
    assert {"locale", "fallback"} <= {parameter["name"] for parameter in detail["parameters"]}
    assert {"fallback", "child_of", "translation_of"} <= {
        parameter["name"] for parameter in listing["parameters"]
    }
    assert translation["properties"]["state"]["enum"] == ["current", "outdated", "missing"]
