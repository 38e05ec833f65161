"""Search pages: /hu/kereses/ and /en/search/, current language only, never drafts."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    return [page.title for page in response.context["page_obj"].object_list]


@pytest.fixture
def clusters(home, en_home, to_english):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index, title="Napenergia Klaszter", summary="Napelemek gyártása.")
    to_english(index)
    to_english(
        cluster,
        {"Napenergia Klaszter": "Solar Energy Cluster", "Napelemek gyártása.": "Solar panels."},
    )
    return index


def test_search_urls_are_translated(client, home, en_home):
    assert client.get("/hu/kereses/").status_code == 200
    assert client.get("/en/search/").status_code == 200
    assert client.get("/hu/search/").status_code == 404
    assert '<label for="search-query">' in client.get("/en/search/").content.decode()


def test_search_finds_pages_of_the_current_language_only(client, clusters):
    hungarian = client.get("/hu/kereses/", {"q": "Napenergia"})
    english = client.get("/en/search/", {"q": "Solar"})
    english_for_hungarian_word = client.get("/en/search/", {"q": "Napenergia"})

    assert result_titles(hungarian) == ["Napenergia Klaszter"]
    assert result_titles(english) == ["Solar Energy Cluster"]
    assert result_titles(english_for_hungarian_word) == []
    assert "Solar Energy Cluster</a>" in english.content.decode()


def test_search_never_shows_drafts_or_unpublished_pages(client, home):
    index = factories.cluster_index(home)
    draft = factories.cluster(index, title="Rejtett Hidrogén Klaszter")
    draft.unpublish()
    live = factories.cluster(index, title="Nyilvános Klaszter", summary="Látható szöveg.")
    live.summary = "Titkos piszkozat szöveg."
    live.save_revision()  # a draft change of a live page: not published

    assert result_titles(client.get("/hu/kereses/", {"q": "Hidrogén"})) == []
    assert result_titles(client.get("/hu/kereses/", {"q": "piszkozat"})) == []
    assert result_titles(client.get("/hu/kereses/", {"q": "Látható"})) == ["Nyilvános Klaszter"]


def test_search_results_are_paginated(client, home):
    index = factories.cluster_index(home)
    for n in range(15):
        factories.cluster(index, title=f"Gépipari Klaszter {n}")

    first = client.get("/hu/kereses/", {"q": "Gépipari"})
    second = client.get("/hu/kereses/", {"q": "Gépipari", "page": "2"})

    assert len(result_titles(first)) == 12
    assert len(result_titles(second)) == 3
    assert first.context["page_obj"].paginator.count == 15


@pytest.mark.parametrize("query", ["", "   ", "x" * 5000, "'\"<script>", "AND OR NOT ("])
def test_odd_queries_never_fail(client, home, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>")[1]
