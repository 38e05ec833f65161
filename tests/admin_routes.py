"""Drive Wagtail's page routes to "live" through the admin's own URLs, as a browser would.

Shared by the workflow plugin's tests (its own page type) and the project's role tests (our
page types). Each helper returns the last response; tests assert the outcome (live or not).
"""

from datetime import datetime

from django.test import Client
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import querydict_from_html


def bulk(client: Client, action: str, page: Page, data: dict | None = None):
    """A bulk action ("publish", "unpublish", "delete", "move") on `page`: GET the form, POST it."""
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    url = f"{url}?id={page.pk}"
    client.get(url)
    return client.post(url, data or {})


def edit_form(client: Client, url: str, page: Page) -> dict:
    """The page editor's form at `url` as posted by a browser, read from its HTML.

    Stream fields are built by JavaScript in a browser: they are posted empty.
    """
    response = client.get(url)
    assert response.status_code == 200, response
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField):
            form[f"{field.name}-count"] = "0"
    return form


def revert_and_publish(client: Client, page: Page, revision: Revision):
    """Open `revision` in "Revert to this revision" and press "Publish"."""
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk])
    form = edit_form(client, url, page)
    form["action-publish"] = "action-publish"
    return client.post(url, form)


def publish_with_go_live(client: Client, page: Page, title: str, go_live_at: datetime):
    """Change the title, set a go-live date in the editor and press "Publish"."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = edit_form(client, url, page)
    form["title"] = title
    form["go_live_at"] = go_live_at.strftime("%Y-%m-%d %H:%M")
    form["action-publish"] = "action-publish"
    return client.post(url, form)


def scheduled(page: Page) -> bool:
    """Whether a revision of `page` waits to go live (only approved or published ones do)."""
    return Revision.page_revisions.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()


def copy_and_publish(client: Client, page: Page, slug: str):
    """Copy `page` beside itself with "Publish copies" ticked."""
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": slug,
            "new_slug": slug,
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
        },
    )
