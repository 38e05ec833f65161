"""wagtail.contrib.redirects keeps an old address working after a slug change or a move."""

from event_booking.models import EventIndexPage
from tests import factories


def test_a_changed_slug_keeps_the_old_address_working(
    home, client, django_capture_on_commit_callbacks
):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index, slug="regi-nev")
    assert client.get("/hu/klaszterek/regi-nev/").status_code == 200

    cluster.slug = "uj-nev"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals the change on commit
        cluster.save_revision().publish()

    response = client.get("/hu/klaszterek/regi-nev/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/hu/klaszterek/uj-nev/")
    assert client.get(response["Location"]).status_code == 200


def test_a_moved_page_keeps_its_old_address(home, client, django_capture_on_commit_callbacks):
    factories.event_index(home)
    trainings = factories.training_index(home)
    event = factories.event(EventIndexPage.objects.get(), slug="koltozo")
    assert client.get("/hu/rendezvenyek/koltozo/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        event.move(trainings, pos="last-child")

    response = client.get("/hu/rendezvenyek/koltozo/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/hu/kepzesek/koltozo/")
