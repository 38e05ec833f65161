"""The main menu: the home page's children marked "show in menus", in the tree's order."""

import re

import pytest
from django.apps import apps

from cluster_pages.models import ClusterIndexPage
from cms.migration_operations import show_in_menus
from tests import factories

pytestmark = pytest.mark.django_db


def menu(client, url: str) -> list[tuple[str, str]]:
    html = client.get(url).content.decode()
    nav = html[html.index('<nav class="main-nav"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


@pytest.fixture
def indexes(home):
    return {
        "clusters": factories.cluster_index(home),
        "trainings": factories.training_index(home),
        "events": factories.event_index(home),
    }


def test_new_index_pages_are_in_the_menu_in_the_trees_order(client, indexes):
    assert ClusterIndexPage(title="Klaszterek").show_in_menus

    links = menu(client, "/hu/")

    assert links == [
        ("/hu/klaszterek/", "Klaszterek"),
        ("/hu/kepzesek/", "Képzések"),
        ("/hu/rendezvenyek/", "Rendezvények"),
        ("/hu/kereses/", "Keresés"),
    ]


def test_editors_reorder_the_menu_by_moving_pages_and_hide_a_page_from_it(client, indexes):
    indexes["events"].move(indexes["clusters"], pos="left")
    trainings = indexes["trainings"]
    trainings.refresh_from_db()  # the move renumbered the siblings' tree paths
    trainings.show_in_menus = False
    trainings.save_revision().publish()

    titles = [title for _url, title in menu(client, "/hu/")]

    assert titles == ["Rendezvények", "Klaszterek", "Keresés"]
    assert trainings.get_url() and "Képzések" not in titles


def test_the_migration_puts_existing_index_pages_in_the_menu_and_the_editor(client, indexes):
    clusters = indexes["clusters"]
    clusters.show_in_menus = False
    clusters.save_revision().publish()  # an index page made before the menu read the flag
    migration = show_in_menus("cluster_pages", "ClusterIndexPage")
    assert "Klaszterek" not in dict(menu(client, "/hu/")).values()

    migration.code(apps, None)

    assert "Klaszterek" in dict(menu(client, "/hu/")).values()
    clusters.refresh_from_db()
    # The editor opens the latest revision: its box is ticked too, so publishing keeps it.
    assert clusters.get_latest_revision_as_object().show_in_menus

    migration.reverse_code(apps, None)

    assert "Klaszterek" not in dict(menu(client, "/hu/")).values()
    assert (
        not ClusterIndexPage.objects.get(pk=clusters.pk)
        .get_latest_revision_as_object()
        .show_in_menus
    )
