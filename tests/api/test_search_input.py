"""Search input of every endpoint (API pages, images, documents and the site search).

Input a reader can type never makes a server error: control characters are a 400 that names
the parameter (the site shows the reason), quotes and other punctuation are ignored so the
words are still found. The same tests run on SQLite (FTS5 syntax) and PostgreSQL (NUL).
"""

import pytest
from django.test import Client

from tests import factories
from tests.api.helpers import get_json

ENDPOINTS = ["pages", "images", "documents"]


@pytest.fixture
def searchable(home):
    """A page, an image and a document, each with "Napenergia" in its title."""
    index = factories.cluster_index(home)
    factories.cluster(index, title="Napenergia Klaszter")
    factories.image("Napenergia logó")
    factories.document("Napenergia tematika")


@pytest.fixture
def api() -> Client:
    """An anonymous client that answers a server error as a 500 instead of raising it."""
    return Client(raise_request_exception=False)


def titles(data) -> list[str]:
    return [item["title"] for item in data["items"]]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a%00", "search: null characters are not allowed"),
        ("Napenergia%01", "search: The search cannot contain control characters."),
        ("Napenergia&search_operator=xor", "search_operator: The search operator must be"),
    ],
)
def test_unsearchable_input_is_a_400_naming_the_parameter(
    api, searchable, endpoint, query, message
):
    data = get_json(api, f"/api/v2/{endpoint}/?search={query}", status=400)

    assert data["message"].startswith(message)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("query", ["%22Napenergia%22", "Napenergia%22", "(Napenergia*"])
def test_punctuation_is_ignored_and_the_words_are_found(api, searchable, endpoint, query):
    data = get_json(api, f"/api/v2/{endpoint}/?search={query}")

    assert len(titles(data)) == 1
    assert titles(data)[0].startswith("Napenergia")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("query", ["%22", "AND+OR+NOT+(", "<>", "x" * 500])
def test_queries_without_words_find_nothing_and_never_fail(api, searchable, endpoint, query):
    data = get_json(api, f"/api/v2/{endpoint}/?search={query}")

    assert titles(data) == []


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_search_operator_or_still_works(api, searchable, endpoint):
    data = get_json(api, f"/api/v2/{endpoint}/?search=Napenergia+semmi&search_operator=or")
    nothing = get_json(api, f"/api/v2/{endpoint}/?search=Napenergia+semmi&search_operator=and")

    assert len(titles(data)) == 1
    assert titles(nothing) == []


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_null_characters_in_any_parameter_of_images_and_documents_are_a_400(
    api, searchable, endpoint
):
    data = get_json(api, f"/api/v2/{endpoint}/?title=a%00b", status=400)

    assert data["message"] == "title: null characters are not allowed"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/en/search/", "The search cannot contain control characters."),
        ("/hu/kereses/", "A keresés nem tartalmazhat vezérlőkaraktereket."),
    ],
)
@pytest.mark.parametrize("query", ["a\x00", "Napenergia\x01"])
def test_the_site_search_explains_unsearchable_input(api, searchable, path, message, query):
    response = api.get(path, {"q": query})

    assert response.status_code == 400
    assert f'<p role="alert">{message}</p>' in response.content.decode()


@pytest.mark.parametrize("query", ['"Napenergia"', 'Napenergia"', "(Napenergia*"])
def test_the_site_search_ignores_punctuation(api, searchable, query):
    response = api.get("/hu/kereses/", {"q": query})

    assert response.status_code == 200
    titles_found = [page.title for page in response.context["page_obj"].object_list]
    assert titles_found == ["Napenergia Klaszter"]
