"""What a view declares about its response: the tags of what it shows and how long it may live.

A response is cached only if its view declared it (`declare`); everything else (search, forms,
calendars, admin, errors) is never cached. Tags name what a response shows, so that a change
invalidates exactly the responses that show the changed thing (`invalidation.py`):

- `page:<path>`: the page at that tree path itself (its own content, what it lists, its
  language switcher);
- `tree:<path>`: anything at or below that tree path (a page shows its ancestors' titles in the
  breadcrumbs, the home page's children in the menu, and its URL holds its ancestors' slugs);
- `api:pages`, `api:images`, `api:documents`: the API listings of that endpoint;
- `shared`: no response declares it; it versions what web processes keep across requests
  (`cms.shared_lookups`: the site, its home and menu pages, the view restrictions, the
  locales' ids).

Tree paths (treebeard's `path`) rather than ids: a page's ancestors' tags follow from its own
path without a query.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.http import HttpRequest
from wagtail.models import Page

API_PAGES = "api:pages"
API_IMAGES = "api:images"
API_DOCUMENTS = "api:documents"
SHARED_TAG = "shared"

_ATTRIBUTE = "_page_cache_declaration"


@dataclass
class Declaration:
    """Tags of a response and the latest time (epoch seconds) it may still be served."""

    tags: set[str] = field(default_factory=set)
    expires: float | None = None


def declare(request: HttpRequest, *, tags: Iterable[str]) -> None:
    """The response to `request` may be cached for anonymous readers; it shows `tags`.

    Calling it again adds tags. Whether it is stored is still decided by the middleware
    (only a 200 to an anonymous GET, with nothing personal in it). A DRF request is fine.
    """
    request = getattr(request, "_request", request)
    declaration = getattr(request, _ATTRIBUTE, None)
    if declaration is None:
        declaration = Declaration()
        setattr(request, _ATTRIBUTE, declaration)
    declaration.tags.update(tags)


def expire_by(request: HttpRequest, when: dt.datetime) -> None:
    """The response changes by itself at `when` (a registration opens or closes): the cached
    copy is dropped then at the latest. Does nothing for a time in the past or an undeclared
    response."""
    declaration = getattr(getattr(request, "_request", request), _ATTRIBUTE, None)
    if declaration is None:
        return
    moment = when.timestamp()
    if moment <= time.time():
        return
    if declaration.expires is None or moment < declaration.expires:
        declaration.expires = moment


def declaration_of(request: HttpRequest) -> Declaration | None:
    """What the view declared, or None when its response is not to be cached."""
    return getattr(request, _ATTRIBUTE, None)


def path_tags(path: str) -> list[str]:
    """The tags of a response showing the page at tree path `path`: the page itself and the
    subtree of each of its ancestors (and its own)."""
    step = Page.steplen
    return [f"page:{path}", *(f"tree:{path[:end]}" for end in range(step, len(path) + 1, step))]


def page_tags(page: Page) -> list[str]:
    """The tags of a page's HTML page or API detail (see `path_tags`)."""
    return path_tags(page.path)


def declare_page(request: HttpRequest, page: Page) -> None:
    """A page's HTML or API detail may be cached (see `page_tags`)."""
    declare(request, tags=page_tags(page))
