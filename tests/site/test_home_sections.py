"""The home page's sections: one per index page below it, each with its own teasers."""

import re

import pytest

from cluster_pages.models import County
from tests import factories

pytestmark = pytest.mark.django_db


def sections(html: str) -> list[dict]:
    """Each `<section>` of the home page: heading, "all" link and the teaser titles, in order."""
    found = []
    for body in re.findall(r"<section aria-labelledby=.*?</section>", html, re.S):
        head = re.search(r'<h2 id="[\w-]+">(.*?)</h2>\s*<a href="([^"]+)">(.*?)</a>', body, re.S)
        found.append(
            {
                "heading": head.group(1),
                "link": head.group(2),
                "link_label": head.group(3),
                "teasers": re.findall(r'<h3><a href="[^"]+">(.*?)</a></h3>', body),
            }
        )
    return found


def test_each_index_page_has_its_section_with_teasers_in_both_languages(client, site_content):
    pages = site_content
    expected = {
        "/en/": [
            ("Upcoming events", "All events", pages["en_event_index"], ["Agri business meeting"]),
            (
                "Trainings",
                "All trainings",
                pages["en_training_index"],
                ["Cluster strategy in practice"],
            ),
            ("Clusters of the region", "All clusters", pages["en_cluster_index"], ["Agri Cluster"]),
        ],
        "/hu/": [
            (
                "Közelgő rendezvények",
                "Összes rendezvény",
                pages["event_index"],
                ["Agrár üzletember-találkozó"],
            ),
            (
                "Képzések",
                "Összes képzés",
                pages["training_index"],
                ["Klaszterstratégia a gyakorlatban"],
            ),
            ("A régió klaszterei", "Összes klaszter", pages["cluster_index"], ["Agrár Klaszter"]),
        ],
    }
    for url, shown in expected.items():
        found = sections(client.get(url).content.decode())
        assert [(s["heading"], s["link_label"], s["link"], s["teasers"]) for s in found] == [
            (heading, label, index.url, teasers) for heading, label, index, teasers in shown
        ], url


def test_a_section_without_teasers_says_so(client, home):
    factories.event_index(home)

    (events,) = sections(client.get("/hu/").content.decode())

    assert events["heading"] == "Közelgő rendezvények"
    assert events["teasers"] == []
    assert "Jelenleg nincs közelgő rendezvény." in client.get("/hu/").content.decode()


def test_an_unpublished_index_page_has_no_section(client, home):
    factories.event_index(home)
    trainings = factories.training_index(home)
    factories.training(trainings, title="Rejtett képzés")
    trainings.unpublish()

    html = client.get("/hu/").content.decode()

    assert [s["heading"] for s in sections(html)] == ["Közelgő rendezvények"]
    assert "Rejtett képzés" not in html


def test_cluster_teasers_represent_every_county(client, home):
    index = factories.cluster_index(home)
    # The agency's own county published its clusters first; the six newest are elsewhere.
    factories.cluster(index, title="Debreceni Klaszter", county=County.HAJDU_BIHAR)
    factories.cluster(index, title="Szolnoki Klaszter", county=County.JASZ_NAGYKUN_SZOLNOK)
    for n in range(6):
        factories.cluster(
            index, title=f"Nyíregyházi Klaszter {n}", county=County.SZABOLCS_SZATMAR_BEREG
        )

    (clusters,) = sections(client.get("/hu/").content.decode())

    assert len(clusters["teasers"]) == 6
    assert "Debreceni Klaszter" in clusters["teasers"]
    assert "Szolnoki Klaszter" in clusters["teasers"]
    # The rest are the newest, newest first.
    assert clusters["teasers"][0] == "Nyíregyházi Klaszter 5"
    assert clusters["teasers"][3:] == [f"Nyíregyházi Klaszter {n}" for n in (4, 3, 2)]
