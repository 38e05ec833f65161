"""The language switcher and hreflang tags point at live translations only."""

import re

import pytest
from django.test import RequestFactory

from cms.navigation import alternate_links, language_links
from tests import factories

pytestmark = pytest.mark.django_db


def switcher(html: str) -> dict[str, str]:
    """Language code -> href of the switcher's links (the current language has none)."""
    nav = html[html.index('<nav class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def hreflangs(html: str) -> dict[str, str]:
    return {
        code: href
        for code, href in re.findall(
            r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html
        )
    }


def test_switcher_and_hreflang_point_at_the_translation(client, site_content):
    cluster, en_cluster = site_content["cluster"], site_content["en_cluster"]

    hungarian = client.get(cluster.url).content.decode()
    english = client.get(en_cluster.url).content.decode()

    assert switcher(hungarian) == {"en": en_cluster.url}
    assert switcher(english) == {"hu": cluster.url}
    expected = {
        "hu": f"http://testserver{cluster.url}",
        "en": f"http://testserver{en_cluster.url}",
        "x-default": f"http://testserver{cluster.url}",
    }
    assert hreflangs(hungarian) == expected
    assert hreflangs(english) == expected


def missing(html: str) -> list[str]:
    """The switcher's entries that say the page is not translated (no link)."""
    nav = html[html.index('<nav class="language-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'<span class="language-switcher__missing"><span lang="(\w+)">', nav)


def test_switcher_says_the_translation_is_missing_instead_of_going_home(client, home, en_home):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index)

    html = client.get(cluster.url).content.decode()

    assert switcher(html) == {}
    assert missing(html) == ["en"]
    assert "English</span>: ez az oldal még nincs lefordítva" in html
    # No hreflang: the English home page is not a translation of this page.
    assert hreflangs(html) == {}


def test_draft_translation_is_not_linked(client, home, en_home, to_english):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index)
    to_english(index)
    draft = to_english(cluster, publish=False)
    assert not draft.live

    html = client.get(cluster.url).content.decode()

    assert switcher(html) == {}
    assert missing(html) == ["en"]
    assert draft.url not in html
    assert hreflangs(html) == {}


def test_unpublished_translation_is_not_linked(client, home, en_home, to_english):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index)
    to_english(index)
    english = to_english(cluster)
    english.unpublish()

    html = client.get(cluster.url).content.decode()

    assert switcher(html) == {}
    assert missing(html) == ["en"]


def test_language_links_function_marks_current_and_fallback(rf: RequestFactory, home, en_home):
    index = factories.cluster_index(home)
    request = rf.get(index.url)

    links = language_links(page=index, current_language="hu", request=request)

    assert [
        (link.language_code, link.is_current, link.is_translation, link.missing) for link in links
    ] == [
        ("hu", True, True, False),
        ("en", False, False, True),
    ]
    assert alternate_links(index, request) == []


def test_language_without_live_home_is_left_out(rf: RequestFactory, home):
    """Before anyone translates the home page, there is nowhere English to go."""
    links = language_links(page=home, current_language="hu", request=rf.get("/hu/"))

    assert [link.language_code for link in links] == ["hu"]


def test_search_page_switcher_keeps_the_query(client, home, en_home):
    html = client.get("/hu/kereses/?q=klaszter").content.decode()

    assert switcher(html) == {"en": "/en/search/?q=klaszter"}


def test_not_found_page_switcher_goes_to_the_other_home(client, home, en_home):
    html = client.get("/en/no-such-page/").content.decode()

    assert switcher(html) == {"hu": "/hu/"}
    assert missing(html) == []


def test_sitemap_gives_no_alternate_for_a_draft_translation(client, home, en_home, to_english):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index)
    to_english(index)
    to_english(cluster, publish=False)

    sitemap = client.get("/sitemap.xml").content.decode()

    entry = next(
        block for block in sitemap.split("<url>") if f"http://testserver{cluster.url}<" in block
    )
    assert "hreflang" not in entry
    index_entry = next(
        block for block in sitemap.split("<url>") if f"http://testserver{index.url}<" in block
    )
    assert 'hreflang="en"' in index_entry
