"""A visitor on a phone: lands on `/`, gets their language, browses clusters, switches language
on a cluster page, filters the clusters by sector and county, and searches the site."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import pick, say

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OTHER = {"hu": "en", "en": "hu"}
LANGUAGE_NAME = {"hu": "Magyar", "en": "English"}


def visit_clusters_switch_language_filter_and_search(page, log, site, language):
    other = OTHER[language]
    cluster, other_cluster = pick(site, "cluster", language), pick(site, "other_cluster", language)

    page.goto("/")
    expect(page).to_have_url(re.compile(f"/{language}/$"))
    expect(page.locator("html")).to_have_attribute("lang", language)

    page.get_by_role("link", name=say(language, "All clusters")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        pick(site, "cluster_index", language).title
    )
    cards = page.locator(".cards > li h2")
    expect(cards).to_have_text(sorted([cluster.title, other_cluster.title]))

    # Filter by sector, then by county: the list narrows to the cluster that matches.
    page.get_by_label(say(language, "Sector"), exact=True).select_option("digital")
    page.get_by_role("button", name=say(language, "Show")).click()
    expect(cards).to_have_text([cluster.title])
    page.get_by_role("link", name=say(language, "Clear filters")).click()
    page.get_by_label(say(language, "County"), exact=True).select_option("szabolcs-szatmar-bereg")
    page.get_by_role("button", name=say(language, "Show")).click()
    expect(cards).to_have_text([other_cluster.title])

    # The language switcher on a cluster page leads to the same cluster's translation.
    page.get_by_role("link", name=other_cluster.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(other_cluster.title)
    page.locator(".language-switcher").get_by_role("link", name=LANGUAGE_NAME[other]).click()
    translated = pick(site, "other_cluster", other)
    expect(page).to_have_url(re.compile(re.escape(translated.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(translated.title)
    expect(page.locator("html")).to_have_attribute("lang", other)
    page.locator(".language-switcher").get_by_role("link", name=LANGUAGE_NAME[language]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(other_cluster.title)

    # Search from the header, in the current language only.
    page.locator(".main-nav").get_by_role("link", name=say(language, "Search")).click()
    query = cluster.title.split()[0]  # "Agrár" / "Agri"
    page.get_by_label(say(language, "Search for")).fill(query)
    page.get_by_label(say(language, "Search for")).press("Enter")
    results = page.locator(".results h2 a")
    expect(results.first).to_be_visible()
    titles = results.all_inner_texts()
    assert cluster.title in titles
    assert pick(site, "cluster", other).title not in titles
    results.get_by_text(cluster.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(cluster.title)

    assert log.take() == []


@pytest.mark.parametrize("language", ["hu", "en"])
def test_visitor_on_a_phone(open_page, bilingual_site, language):
    page, log = open_page(language, "phone")
    visit_clusters_switch_language_filter_and_search(page, log, bilingual_site, language)


def test_visitor_on_a_desktop(open_page, bilingual_site):
    page, log = open_page("en", "desktop")
    visit_clusters_switch_language_filter_and_search(page, log, bilingual_site, "en")
