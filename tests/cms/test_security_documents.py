"""Documents are served only through Wagtail's view, which checks collection restrictions.

`/media/` serves images (originals and renditions) and nothing else: a document in a
login-only collection must not be readable by anyone who knows its file name.
"""

import pytest
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests import factories


@pytest.fixture
def public_document(db) -> Document:
    return factories.document(content=b"%PDF-1.4 public")


@pytest.fixture
def private_document(db) -> Document:
    private = Collection.get_first_root_node().add_child(name="Belső")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return factories.document(
        "Belső jegyzőkönyv",
        filename="jegyzokonyv.pdf",
        content=b"%PDF-1.4 secret minutes",
        collection=private,
    )


@pytest.mark.parametrize("which", ["public_document", "private_document"])
def test_no_document_is_served_from_media(client, db, request, which):
    document = request.getfixturevalue(which)

    response = client.get(f"/media/{document.file.name}")

    assert document.file.name.startswith("documents/")
    assert response.status_code == 404


def test_a_document_cannot_be_reached_through_an_image_folder(client, private_document):
    response = client.get(f"/media/images/../{private_document.file.name}")

    assert response.status_code == 404


def test_wagtail_serves_a_public_document(client, public_document):
    response = client.get(public_document.url)

    assert public_document.url == f"/documents/{public_document.pk}/tematika.pdf"
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 public"


def test_wagtail_sends_an_anonymous_visitor_of_a_private_document_to_login(
    client, private_document
):
    response = client.get(private_document.url)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_logged_in_user_reads_a_private_document(client, private_document, django_user_model):
    client.force_login(django_user_model.objects.create_user("staff", password="x"))

    response = client.get(private_document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret minutes"


def test_images_and_their_renditions_are_served_from_media(client, db):
    image = factories.image("logo", filename="logo.png", size=(400, 200))
    rendition = image.get_rendition("width-100")

    original = client.get(f"/media/{image.file.name}")
    resized = client.get(rendition.url)

    assert image.file.name.startswith("original_images/")
    assert rendition.url.startswith("/media/images/")
    assert original.status_code == 200
    assert resized.status_code == 200
    assert original["Content-Type"] == resized["Content-Type"] == "image/png"
