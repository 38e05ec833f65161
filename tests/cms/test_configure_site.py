"""Absolute page URLs follow PUBLIC_BASE_URL once `configure_site` has run."""

from cms.management.commands.configure_site import configure_default_site
from tests import factories


def test_api_page_urls_use_the_public_address(home, client, settings):
    settings.ALLOWED_HOSTS = ["klaszter.example.hu"]
    index = factories.cluster_index(home)
    assert configure_default_site("https://klaszter.example.hu") is True
    assert configure_default_site("https://klaszter.example.hu") is False  # idempotent

    response = client.get(f"/api/v2/pages/{index.pk}/", HTTP_HOST="klaszter.example.hu")

    assert response.json()["meta"]["html_url"] == "https://klaszter.example.hu/hu/klaszterek/"


def test_a_development_address_keeps_its_port(home):
    configure_default_site("http://127.0.0.1:8000")
    home.refresh_from_db()
    assert home.get_site().port == 8000
    assert home.full_url == "http://127.0.0.1:8000/hu/"
