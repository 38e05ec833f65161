"""Every page type renders in both languages and shows its fields in the reader's language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_home_pages_render_in_their_language_with_teasers(client, site_content):
    hungarian = get(client, "/hu/")
    english = get(client, "/en/")

    assert '<html lang="hu">' in hungarian
    assert '<html lang="en">' in english
    assert "Észak-alföldi Klaszterközpont" in hungarian
    assert "North Great Plain Cluster Centre" in english
    # Teasers come from the reader's language only.
    assert "Agrár üzletember-találkozó" in hungarian
    assert "Agri business meeting" in english and "Agrár üzletember-találkozó" not in english
    assert "Cluster strategy in practice" in english
    assert "Agri Cluster" in english and "Agrár Klaszter</a>" not in english


def test_layout_has_skip_link_navigation_and_footer(client, site_content):
    html = get(client, "/en/")

    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main"' in html
    nav = html[html.index('<nav class="main-nav"') :]
    nav = nav[: nav.index("</nav>")]
    en = site_content
    for page in (en["en_cluster_index"], en["en_training_index"], en["en_event_index"]):
        assert f'href="{page.url}"' in nav
    assert 'href="/en/search/"' in nav
    assert "<footer" in html


def test_index_pages_render_in_both_languages(client, site_content):
    assert "Agrár Klaszter" in get(client, site_content["cluster_index"].url)
    assert "Agri Cluster" in get(client, site_content["en_cluster_index"].url)
    assert "Klaszterstratégia a gyakorlatban" in get(client, site_content["training_index"].url)
    assert "Cluster strategy in practice" in get(client, site_content["en_training_index"].url)
    assert "Agrár üzletember-találkozó" in get(client, site_content["event_index"].url)
    assert "Agri business meeting" in get(client, site_content["en_event_index"].url)


def test_cluster_profile_shows_every_field_in_the_readers_language(client, site_content):
    html = get(client, site_content["en_cluster"].url)

    assert "<h1>Agri Cluster</h1>" in html
    assert "Food industry cooperation." in html
    assert "Joint development in the region." in html
    # The sector is synchronised (points at the Hungarian row) but shown in English.
    assert "<li>Digital</li>" in html and "Digitális ágazat" not in html
    assert re.search(r'<img[^>]+alt="Az Agrár Klaszter logója"', html)
    assert "/media/images/agrar-logo" in html  # a rendition, not the original file
    for text in (
        "Hajdú-Bihar",
        "Debrecen",
        "2010",
        "25 members in all",
        "20 companies",
        "3 research and higher-education organisations",
        "2 public and other bodies",
        "EN Agrár Klaszter Kft.",
        "Kovács Anna",
        'href="mailto:info@example.org"',
        'href="tel:+3652123456"',
        'href="https://agrar.example.org"',
        "ESCA/EUCLES Silver label",
        "valid until March 31, 2031",
        ">LinkedIn</a>",
    ):
        assert text in html, text


def test_hungarian_cluster_profile_shows_hungarian_sector(client, site_content):
    html = get(client, site_content["cluster"].url)

    assert "<li>Digitális ágazat</li>" in html
    assert '<html lang="hu">' in html


def test_training_page_shows_runs_price_materials_in_english(client, site_content):
    training = site_content["training"]
    html = get(client, site_content["en_training"].url)

    assert "<h1>Cluster strategy in practice</h1>" in html
    assert "Cluster strategy" in html  # the topic, in English
    assert "1,500.00 EUR" in html
    assert "+ 27% VAT" in html
    assert "Dr. Szabó Péter" in html
    runs = list(training.runs.order_by("start_date"))
    for run in runs:
        assert f'datetime="{run.start_date:%Y-%m-%d}"' in html
    assert "University of Debrecen" in html and "Debreceni Egyetem Főépület" not in html
    assert "4032 Debrecen, Egyetem tér 1." in html
    assert "<td>12</td>" in html
    document = training.materials[0].value
    assert f'<a href="{document.url}" download>Tematika</a>' in html
    assert "{% block booking %}" not in html  # the booking area is a template block


def test_training_price_is_localised_in_hungarian(client, site_content):
    html = get(client, site_content["training"].url)

    assert "+ 27% ÁFA" in html
    assert "Klaszterstratégia</span>" in html
    assert re.search(r"1[\s\xa0.]?500,00 EUR", html), "Hungarian number format"


def test_event_page_shows_budapest_time_and_localized_relations(client, site_content):
    html = get(client, site_content["en_event"].url)

    assert "<h1>Agri business meeting</h1>" in html
    assert "Business brokerage day" in html
    # Stored as 08:00 UTC, shown in Europe/Budapest (summer time).
    assert 'datetime="2030-06-03T10:00:00+02:00"' in html
    assert "University of Debrecen" in html
    assert f'<a href="{site_content["en_cluster"].url}">Agri Cluster</a>' in html
    assert "Centre" in html
    assert "40 seats" in html
    assert "Free" in html
    assert "Registration closes" in html


def test_streamfield_blocks_render_with_their_templates(client, home, logo):
    from tests import factories

    home.body = [
        ("heading", {"text": "Rólunk", "level": "h3"}),
        ("quote", {"text": "Együtt erősebbek vagyunk.", "attribution": "Elnök"}),
        ("image", {"image": logo, "alt_text": "Zöld logó", "decorative": False}),
        ("button", {"label": "Klaszterek", "page": None, "url": "https://example.org/"}),
    ]
    home.save_revision().publish()
    factories.cluster_index(home)

    html = get(client, "/hu/")

    assert "<h3>Rólunk</h3>" in html
    assert "<blockquote><p>Együtt erősebbek vagyunk.</p></blockquote>" in html
    assert "<cite>Elnök</cite>" in html
    assert re.search(r'<img[^>]+alt="Zöld logó"', html)
    assert re.search(r'<img[^>]+srcset="[^"]*agrar-logo\.width-480', html)
    assert '<a class="button" href="https://example.org/"' in html


def test_hungarian_pages_speak_hungarian(client, site_content):
    """The interface strings come from the shipped Hungarian catalogue (locale/hu)."""
    home_html = get(client, "/hu/")
    event_html = get(client, site_content["event"].url)
    english_event = get(client, site_content["en_event"].url)

    assert "Ugrás a fő tartalomra" in home_html  # "Skip to main content"
    assert "Közelgő rendezvények" in home_html
    assert "Időpont és helyszín" in event_html and "When and where" not in event_html
    assert "When and where" in english_event
