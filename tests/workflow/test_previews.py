"""Preview links for other front ends: a signed, expiring token serves one draft revision."""

import html
import logging
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.urls import reverse

from cms.logs import RequestIdFilter
from cms.workflow import previews
from tests.workflow.conftest import draft

FRONT_END = {"hu": "https://front.example/hu/preview", "en": "https://front.example/en/p?x=1"}


@pytest.fixture(autouse=True)
def preview_urls(settings):
    settings.CMS_WORKFLOW = {**settings.CMS_WORKFLOW, "PREVIEW_URLS": FRONT_END}


def link_as(client, user, page) -> str:
    client.force_login(user)
    response = client.get(reverse("cms_workflow_previews:link", args=[page.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return html.unescape(
        re.search(r'href="([^"]+)"[^>]*data-preview-link', response.content.decode())[1]
    )


def preview(client, token: str):
    client.logout()
    return client.get("/api/v2/preview/", {"token": token})


def test_an_editor_previews_a_draft_in_the_page_detail_shape(hu_page, users, client):
    draft(hu_page, "Vázlat cím")
    link = link_as(client, users["editor"], hu_page)
    assert link.startswith("https://front.example/hu/preview?token=")

    response = preview(client, token_in(link))

    assert response.status_code == 200
    assert response.json()["title"] == "Vázlat cím"
    assert response["Cache-Control"] == "private, no-store"
    detail = client.get(f"/api/v2/pages/{hu_page.pk}/").json()
    assert detail["title"] == "Hírek"  # the public API still shows the live version
    assert set(response.json()) == set(detail)
    assert set(response.json()["meta"]) == set(detail["meta"])
    assert response.json()["meta"]["detail_url"].endswith(f"/api/v2/pages/{hu_page.pk}/")
    listing = client.get("/api/v2/pages/", {"search": "Vázlat"}).content.decode()
    assert "Vázlat" not in client.get("/api/v2/pages/").content.decode() + listing


def test_a_translator_previews_their_draft_translation_only(en_draft, hu_page, users, client):
    draft(en_draft, "Draft call for proposals")
    link = link_as(client, users["translator"], en_draft)
    assert link.startswith("https://front.example/en/p?x=1&token=")

    response = preview(client, token_in(link))
    assert response.status_code == 200
    assert response.json()["title"] == "Draft call for proposals"

    client.force_login(users["translator"])
    assert client.get(reverse("cms_workflow_previews:link", args=[hu_page.pk])).status_code == 404


def token_in(link: str) -> str:
    return parse_qs(urlsplit(link).query)["token"][0]


def token_for(page) -> str:
    return previews.make_token(revision=page.get_latest_revision())


def assert_json_404(response) -> None:
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()
    assert response["Cache-Control"] == "private, no-store"


def test_a_token_shows_its_own_revision_not_a_later_one(hu_page, client):
    first = token_for(draft(hu_page, "Első vázlat"))
    draft(hu_page, "Második vázlat")
    assert preview(client, first).json()["title"] == "Első vázlat"


def test_an_expired_token_is_a_json_404(hu_page, client, monkeypatch):
    page = draft(hu_page, "Vázlat")
    two_hours_ago = signing.b62_encode(int(time.time()) - 7200)
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: two_hours_ago)
    token = token_for(page)
    monkeypatch.undo()
    assert_json_404(preview(client, token))


def test_a_tampered_token_is_a_json_404(hu_page, client):
    token = token_for(draft(hu_page, "Vázlat"))
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert_json_404(preview(client, tampered))
    assert_json_404(preview(client, ""))
    assert_json_404(client.get("/api/v2/preview/"))
    assert_json_404(client.get(f"/api/v2/preview/{hu_page.pk}/"))


def test_a_token_pairing_a_page_with_another_pages_revision_is_a_json_404(
    hu_page, en_draft, client
):
    other_revision = en_draft.get_latest_revision()
    forged = signing.dumps({"p": hu_page.pk, "r": other_revision.pk}, salt=previews.SALT)
    assert_json_404(preview(client, forged))
    other_salt = signing.dumps({"p": en_draft.pk, "r": other_revision.pk}, salt="other")
    assert_json_404(preview(client, other_salt))


def test_a_user_who_may_not_edit_the_page_gets_no_link(hu_page, users, client):
    client.force_login(users["translator"])  # translates into English only
    assert client.get(reverse("cms_workflow_previews:link", args=[hu_page.pk])).status_code == 404


def test_tokens_never_reach_the_logs():
    record = logging.LogRecord(
        "gunicorn.access",
        logging.INFO,
        __file__,
        1,
        '%(h)s "%(r)s" %(s)s',
        (
            {
                "h": "127.0.0.1",
                "r": "GET /api/v2/preview/?token=eyJwIjo:1abc:xyz&x=1 HTTP/1.1",
                "s": "200",
            },
        ),
        None,
    )
    RequestIdFilter().filter(record)
    assert record.getMessage() == (
        '127.0.0.1 "GET /api/v2/preview/?token=[redacted]&x=1 HTTP/1.1" 200'
    )


def test_the_page_editor_offers_the_preview_link(hu_page, users, client, settings):
    client.force_login(users["editor"])
    link = reverse("cms_workflow_previews:link", args=[hu_page.pk])
    editor = reverse("wagtailadmin_pages:edit", args=[hu_page.pk])
    assert link in client.get(editor).content.decode()

    settings.CMS_WORKFLOW = {**settings.CMS_WORKFLOW, "PREVIEW_URLS": {}}
    assert link not in client.get(editor).content.decode()


def test_the_translation_editor_offers_the_preview_link(en_draft, users, client):
    client.force_login(users["translator"])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[en_draft.pk])).content.decode()
    assert reverse("cms_workflow_previews:link", args=[en_draft.pk]) in editor
    assert "data-preview-link-page" in editor
