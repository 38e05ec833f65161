"""Helpers of the API tests."""

import itertools
from typing import Any

from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

_images = itertools.count(1)


def make_image(title: str = "", description: str = "", **kwargs: Any) -> Image:
    n = next(_images)
    title = title or f"logo-{n}.png"
    return Image.objects.create(
        title=title,
        description=description,
        file=get_test_image_file(f"image-{n}.png", size=(600, 300)),
        **kwargs,
    )


def get_json(client: Client, url: str, status: int = 200, **headers: str) -> Any:
    """GET `url` and return its JSON body, after checking the status and the content type."""
    response = client.get(url, headers=headers)
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()
