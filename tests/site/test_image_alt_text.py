"""Alt text (the image description) is required when an image is uploaded or edited in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "x-Pass-123")
    client.force_login(user)
    return client


def png() -> SimpleUploadedFile:
    return SimpleUploadedFile("logo.png", get_test_image_file().file.getvalue(), "image/png")


def upload(admin_client, **fields):
    data = {
        "title": "Klaszter logó",
        "file": png(),
        "collection": Collection.get_first_root_node().pk,
        **fields,
    }
    return admin_client.post(reverse("wagtailimages:add"), data)


def test_upload_without_alt_text_is_refused_naming_the_field(admin_client):
    response = upload(admin_client, description="")

    assert response.status_code == 200  # the form again, with its error
    assert list(response.context["form"].errors) == ["description"]
    assert not Image.objects.exists()
    assert 'name="description"' in response.content.decode()


def test_control_wagtails_default_form_accepts_an_image_without_alt_text(admin_client, settings):
    """Proves the tests above see our form: Wagtail's own form lets the image through."""
    settings.WAGTAILIMAGES_IMAGE_FORM_BASE = ""

    response = upload(admin_client, description="")

    assert response.status_code == 302
    assert Image.objects.get().description == ""


def test_upload_with_only_spaces_as_alt_text_is_refused(admin_client):
    response = upload(admin_client, description="   ")

    assert list(response.context["form"].errors) == ["description"]
    assert not Image.objects.exists()


def test_upload_with_alt_text_creates_the_image(admin_client):
    response = upload(admin_client, description="Zöld klaszterlogó")

    assert response.status_code == 302
    assert Image.objects.get().description == "Zöld klaszterlogó"


def test_editing_cannot_remove_the_alt_text(admin_client):
    image = factories.image("Logó", filename="logo.png", description="Régi leírás")

    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Logó",
            "description": "",
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["description"]
    image.refresh_from_db()
    assert image.description == "Régi leírás"


def test_multiple_uploader_asks_for_alt_text_before_creating_the_image(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": png(), "title": "Logó"},
    )

    data = response.json()
    assert data["success"] is True
    assert "uploaded_file_id" in data  # kept aside until the description is filled in
    assert not Image.objects.exists()

    upload_id = data["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"
    completed = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {
            f"{prefix}-title": "Logó",
            f"{prefix}-description": "Kék logó",
            f"{prefix}-collection": Collection.get_first_root_node().pk,
        },
    )

    assert completed.json()["success"] is True
    assert Image.objects.get().description == "Kék logó"
