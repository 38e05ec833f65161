"""Content-Security-Policy of the public site (django-csp, CONTENT_SECURITY_POLICY in settings).

Every public page type sends the policy, and its HTML holds nothing the policy would block:
no inline script without the request's nonce, no `style` attribute or `<style>` element, no
event-handler attribute, and scripts, styles, images and form targets on this site only. The
Wagtail admin is exempt (its editor needs inline scripts and styles).
"""

import importlib.util
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from event_booking.tokens import booking_token
from tests import factories
from tests.site.conftest import (  # noqa: F401 (fixtures)
    _site_content,
    document,
    logo,
    site_content,
)

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "cms" / "settings.py"
REQUIRED = {
    "default-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "media-src": "'self'",
    "font-src": "'self'",
    "object-src": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(header: str) -> dict[str, str]:
    parts = [part.strip().split(None, 1) for part in header.split(";") if part.strip()]
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def is_same_site(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc or parts.netloc in {"testserver", "localhost"}


def violations(html: str, nonce: str | None) -> list[str]:
    """What the policy would block in `html` (empty when the page passes)."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        if script.get("src"):
            if not is_same_site(script["src"]):
                found.append(f"script from another site: {script['src']}")
        elif script.get("type") != "application/json" and (
            nonce is None or script.get("nonce") != nonce
        ):
            found.append(f"inline script without the nonce: {str(script)[:80]}")
    found += [f"<style> element: {str(style)[:80]}" for style in soup.find_all("style")]
    for element in soup.find_all(True):
        for attribute in element.attrs:
            if attribute == "style" or attribute.startswith("on"):
                found.append(f"{attribute}= on <{element.name}>")
    for element, attribute in (("img", "src"), ("link", "href"), ("form", "action")):
        for tag in soup.find_all(element):
            if element == "link" and "stylesheet" not in (tag.get("rel") or []):
                continue
            if tag.get(attribute) and not is_same_site(tag[attribute]):
                found.append(f"<{element} {attribute}={tag[attribute]}> from another site")
    found += [f"<{tag.name}> element" for tag in soup.find_all(["iframe", "object", "embed"])]
    return found


def assert_passes_the_policy(response) -> None:
    header = response.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    policy = directives(header)
    for name, value in REQUIRED.items():
        assert policy.get(name) == value, (name, policy.get(name))
    assert "'unsafe-inline'" not in header
    nonce = None
    if "'nonce-" in policy.get("script-src", ""):
        nonce = policy["script-src"].split("'nonce-")[1].split("'")[0]
    assert violations(response.content.decode(), nonce) == []


def public_urls(content) -> list[str]:
    pages = [
        "home",
        "en_home",
        "cluster_index",
        "en_cluster_index",
        "cluster",
        "en_cluster",
        "training_index",
        "en_training_index",
        "training",
        "en_training",
        "event_index",
        "en_event_index",
        "event",
        "en_event",
    ]
    return [content[name].url for name in pages]


def test_every_public_page_type_sends_the_policy_and_passes_it(client, site_content):  # noqa: F811
    booking = factories.booking(factories.offering(site_content["event"]))
    urls = [
        *public_urls(site_content),
        "/hu/kereses/?q=Agr%C3%A1r",
        "/en/search/?q=Agri",
        f"/hu/bookings/{booking.reference}/?token={booking_token(booking)}",
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_passes_the_policy(response)


def test_error_pages_pass_the_policy(client, home):
    response = client.get("/hu/nincs-ilyen-oldal/")

    assert response.status_code == 404
    assert_passes_the_policy(response)


def test_the_violation_check_catches_what_the_policy_blocks():
    """The control: the HTML check above would fail a page that breaks the policy."""
    html = (
        '<script>alert(1)</script><script nonce="abc">ok()</script>'
        '<p style="color:red" onclick="x()"></p><style>p{}</style>'
        '<img src="https://tracker.example/p.gif"><form action="https://evil.example/"></form>'
    )

    found = violations(html, nonce="abc")

    assert len(found) == 6
    assert violations('<script nonce="abc">ok()</script>', nonce="abc") == []


def test_the_admin_is_exempt(client, db):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def load_settings(monkeypatch, **env: str):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("csp_settings_under_test", SETTINGS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_csp_report_only_sends_the_policy_without_enforcing_it(client, home, settings, monkeypatch):
    loaded = load_settings(
        monkeypatch, CSP_REPORT_ONLY="1", CSP_REPORT_URI="https://csp.example/report"
    )
    settings.CONTENT_SECURITY_POLICY = loaded.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = loaded.CONTENT_SECURITY_POLICY_REPORT_ONLY

    response = client.get("/hu/")

    assert "Content-Security-Policy" not in response
    policy = directives(response["Content-Security-Policy-Report-Only"])
    assert policy["frame-ancestors"] == "'none'"
    assert policy["report-uri"] == "https://csp.example/report"


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/hu/"])
def test_the_policy_is_enforced_by_default(path, home):
    response = Client().get(path)

    assert directives(response["Content-Security-Policy"])["default-src"] == "'self'"
