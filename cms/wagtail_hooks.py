"""Admin registrations of the shared snippets; public pages declared to the page cache."""

from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from cms.models import Sector, Venue
from cms.page_cache.declare import declare_page

register_snippet(Sector)
register_snippet(Venue)


@hooks.register("before_serve_page", order=100)
def cache_public_page(
    page: Page, request: HttpRequest, serve_args: list, serve_kwargs: dict
) -> None:
    """A served page may be cached for anonymous readers (cms/page_cache). Runs after
    Wagtail's view-restriction check (order 100), so a page behind a password or a login,
    answered with its form or a redirect, is never declared."""
    declare_page(request, page)
