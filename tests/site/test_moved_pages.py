"""wagtail.contrib.redirects keeps an old address working after a slug change."""

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
