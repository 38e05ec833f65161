"""Helpers of the API tests."""

from typing import Any

from django.test import Client


def get_json(client: Client, url: str, status: int = 200, **headers: str) -> Any:
    """GET `url` and return its JSON body, after checking the status and the content type."""
    response = client.get(url, headers=headers)
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()
