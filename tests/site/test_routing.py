"""The site's routes: `/` by Accept-Language, the sitemap, 404 and 500 pages in both languages."""

import re

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("hu-HU,hu;q=0.9,en;q=0.8", "/hu/"),
        ("de-DE,de;q=0.9", "/hu/"),  # neither language: the default, Hungarian
        ("", "/hu/"),
    ],
)
def test_root_redirects_by_accept_language(client, home, en_home, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_sitemap_lists_pages_of_both_languages_with_alternates(client, site_content):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    locations = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    for key in (
        "home",
        "en_home",
        "cluster",
        "en_cluster",
        "training",
        "en_event",
        "en_event_index",
    ):
        assert f"http://testserver{site_content[key].url}" in locations, key
    assert len(locations) == 14  # a home, 3 indexes and 3 detail pages, in two languages
    en_url = f"http://testserver{site_content['en_cluster'].url}"
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{en_url}"/>' in xml


def test_sitemap_is_not_redirected_to_a_language(client, home):
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.parametrize(
    ("url", "lang", "heading"),
    [
        ("/hu/nincs-ilyen-oldal/", "hu", "<h1>"),
        ("/en/no-such-page/", "en", "<h1>Page not found</h1>"),
        ("/en/klaszterek-en/no-such-cluster/", "en", "<h1>Page not found</h1>"),
    ],
)
def test_unknown_paths_give_a_404_page_in_the_urls_language(
    client, home, en_home, url, lang, heading
):
    factories.cluster_index(home)

    response = client.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert f'href="/{lang}/"' in html  # back to this language's home page


def test_500_page_in_both_languages(settings, home, en_home):
    settings.ROOT_URLCONF = "tests.site.urls_error"
    client = Client(raise_request_exception=False)

    hungarian = client.get("/hu/broken/")
    english = client.get("/en/broken/")

    assert hungarian.status_code == english.status_code == 500
    assert '<html lang="hu">' in hungarian.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert "Something went wrong on our side" in english.content.decode()
    assert 'href="/en/"' in english.content.decode()


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("hu", "<h1>Hozzáférés megtagadva</h1>"), ("en", "<h1>Access denied</h1>")],
)
def test_403_page_in_the_sites_layout_and_language(settings, home, en_home, lang, heading):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.site.urls_error"

    response = Client().get(f"/{lang}/forbidden/")

    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert 'class="site-header' in html  # the site's layout, not Django's bare page
    assert f'href="/{lang}/"' in html


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("hu", "<h1>Az űrlapot nem sikerült elküldeni</h1>"),
        ("en", "<h1>The form could not be sent</h1>"),
    ],
)
def test_csrf_failure_page_in_the_sites_layout_and_language(settings, home, en_home, lang, heading):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/{lang}/bookings/ABC123/cancel/", {})

    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert "CSRF verification failed" not in html
    assert f'href="/{lang}/"' in html
