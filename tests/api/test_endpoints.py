"""The API's routes: v2 endpoints outside the language prefixes, JSON 404s, CORS."""

import pytest

from tests import factories
from tests.api.helpers import get_json


def test_pages_images_and_documents_endpoints_list_their_objects(api, tree, document):
    image = factories.image(title="Logó", description="A klaszter logója")

    pages = get_json(api, "/api/v2/pages/")
    images = get_json(api, "/api/v2/images/")
    documents = get_json(api, "/api/v2/documents/")
    image_detail = get_json(api, f"/api/v2/images/{image.pk}/")
    document_detail = get_json(api, f"/api/v2/documents/{document.pk}/")

    assert tree.clusters.pk in [item["id"] for item in pages["items"]]
    assert [item["title"] for item in images["items"]] == ["Logó"]
    assert [item["title"] for item in documents["items"]] == ["Tematika"]
    assert image_detail["width"] == 600
    assert document_detail["meta"]["download_url"].endswith(
        f"/documents/{document.pk}/tematika.pdf"
    )


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_responses_are_compact_json_unless_the_client_asks_for_indentation(
    api, tree, document, endpoint
):
    factories.image(title="Logó")

    compact = api.get(f"/api/v2/{endpoint}/")
    indented = api.get(f"/api/v2/{endpoint}/", headers={"Accept": "application/json; indent=4"})

    assert b"\n" not in compact.content and b'{"meta":{"total_count":' in compact.content
    assert indented.content.startswith(b'{\n    "meta": {')
    assert compact.json() == indented.json()


@pytest.mark.parametrize("language", ["hu", "en", "de", ""])
@pytest.mark.parametrize(
    "path", ["/api/v2/pages/99999999/", "/api/v2/images/99999999/", "/api/v2/documents/99999999/"]
)
def test_an_unknown_id_is_a_json_404_not_a_redirect(api, home, path, language):
    headers = {"Accept-Language": language} if language else {}

    response = api.get(path, headers=headers)

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()
    assert "Location" not in response


def test_an_unpublished_pages_id_is_a_json_404_in_english_too(api, tree):
    cluster = factories.cluster(tree.clusters)
    cluster.unpublish()

    data = get_json(api, f"/api/v2/pages/{cluster.pk}/", status=404, Accept_Language="en")

    assert data["message"]


@pytest.mark.parametrize("path", ["/api/v2/nothing/", "/api/v3/pages/", "/api/"])
def test_unknown_api_routes_are_404_without_redirect(api, home, path):
    response = api.get(path, headers={"Accept-Language": "en"})

    assert response.status_code == 404
    assert "Location" not in response


def test_the_api_is_not_under_the_language_prefixes(api, home):
    response = api.get("/en/api/v2/pages/")

    assert response.status_code == 404


def test_private_documents_are_not_listed(api, home, document):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Belső")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    factories.document("Belső anyag", filename="belso.pdf", collection=private)

    data = get_json(api, "/api/v2/documents/")

    assert [item["title"] for item in data["items"]] == ["Tematika"]


@pytest.fixture
def front_end_origins(settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org", "http://localhost:3000"]


@pytest.mark.parametrize("origin", ["https://app.example.org", "http://localhost:3000"])
def test_an_allowed_origin_may_read_the_api_from_a_browser(api, home, front_end_origins, origin):
    response = api.get("/api/v2/pages/", headers={"Origin": origin})
    preflight = api.options(
        "/api/v2/pages/",
        headers={"Origin": origin, "Access-Control-Request-Method": "GET"},
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == origin
    assert preflight["Access-Control-Allow-Origin"] == origin


@pytest.mark.parametrize(
    "origin", ["https://evil.example.com", "https://app.example.org.evil.com", "null"]
)
def test_another_origin_gets_no_cors_header(api, home, front_end_origins, origin):
    response = api.get("/api/v2/pages/", headers={"Origin": origin})

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_cors_headers_stay_on_the_api(api, home, front_end_origins):
    response = api.get("/admin/login/", headers={"Origin": "https://app.example.org"})

    assert "Access-Control-Allow-Origin" not in response


def test_without_configured_origins_no_origin_is_allowed(api, home, settings):
    settings.CORS_ALLOWED_ORIGINS = []

    response = api.get("/api/v2/pages/", headers={"Origin": "https://app.example.org"})

    assert "Access-Control-Allow-Origin" not in response
