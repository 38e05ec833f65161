"""Finding the page of a URL in one query instead of two per level of the tree.

Wagtail routes `/en/events/agrar/` from the site's root page: the active locale, the root's
translation, its specific row, then for each path component the child with that slug and its
specific row (eight queries for an event). When no page type changes Wagtail's routing
(no `route` override, such as `RoutablePageMixin`), the page is simply the one whose
`url_path` is the localized root's `url_path` plus the path: `route_for_request` below finds
it with its ancestors (for the view restriction check and the breadcrumbs) in one query (by
slug and depth, both indexed), then loads its specific row. The localized root, the pages
above it and the menu pages are the same for every page: `site_tree` keeps them across
requests (`cms.shared_lookups`), so the home page itself costs no routing query.
`serve` hands the result to Wagtail's own `serve` view (hooks, view restrictions, `serve()`
of the page), which reads it from the request as it reads its own routing result.

The rules are Wagtail's: the root's translation in the active language when it is live, else
the root; the page must be live (pages above it need not be); no page, or no site: a 404.
With a page type that overrides `route`, everything goes through Wagtail's routing.
"""

import copy
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, get_page_models
from wagtail.url_routing import RouteResult

from cms.request_memo import memoised
from cms.shared_lookups import shared
from cms.sites import site_for_request


@cache
def wagtail_routing_is_plain() -> bool:
    """Whether every page type routes as Wagtail's `Page.route` does."""
    return all(model.route is Page.route for model in get_page_models())


@dataclass(frozen=True)
class SiteTree:
    """The top of a site's page tree, the same for every page (kept across requests:
    `cms.shared_lookups`, read-only)."""

    above: list[Page]  # the pages above the root page (the tree's root node)
    homes: list[Page]  # the root page and its translations, live or not
    menus: dict[int, list[Page]]  # home page id -> its live children in menus, in tree order

    def home_in(self, language: str) -> Page | None:
        """The live home page in `language`, if there is one."""
        return next(
            (home for home in self.homes if home.live and home.locale.language_code == language),
            None,
        )


def site_tree(root: Page) -> SiteTree:
    """The `SiteTree` of the site whose root page is `root`, in one query (once per change of
    the home or menu pages)."""
    return shared(("site_tree", root.pk), lambda: _read_site_tree(root))


def _read_site_tree(root: Page) -> SiteTree:
    step = Page.steplen
    rows = list(
        Page.objects.filter(
            Q(translation_key=root.translation_key, depth=root.depth)
            | Q(path__in=[root.path[:end] for end in range(step, len(root.path), step)])
            | Q(depth=root.depth + 1, show_in_menus=True, live=True)
        )
        .select_related("locale")
        .order_by("path")
    )
    homes = [
        row
        for row in rows
        if row.depth == root.depth and row.translation_key == root.translation_key
    ]
    return SiteTree(
        above=[row for row in rows if row.depth < root.depth],
        homes=homes,
        menus={
            home.pk: [
                row
                for row in rows
                if row.depth == home.depth + 1
                and row.path.startswith(home.path)
                and row.show_in_menus
                and row.live
            ]
            for home in homes
        },
    )


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """The live page at `path` (below the language prefix) on the request's site, or None."""
    site = site_for_request(request)
    if site is None:
        return None
    root = site.root_page
    tree = site_tree(root)
    components = [component for component in path.split("/") if component]
    language = content_language()
    localized = tree.home_in(language) or root
    if localized.locale.language_code == language:  # the active locale, read with the root
        memoised(("active_locale", translation.get_language()), lambda: localized.locale)
    # For each path component, the pages with its slug at its depth: the page and all its
    # ancestors below the home page are among them.
    rows: list[Page] = []
    if components:
        wanted = Q()
        for level, component in enumerate(components, start=1):
            wanted |= Q(slug=component, depth=root.depth + level)
        rows = list(Page.objects.filter(wanted).select_related("locale"))
    url_path = localized.url_path + "".join(f"{component}/" for component in components)
    known = [*tree.above, *tree.homes, *rows]
    page = next((row for row in known if row.url_path == url_path), None)
    if page is None or not page.live:
        return None
    step = Page.steplen
    by_path = {row.path: row for row in known}
    ancestors = [by_path.get(page.path[:end]) for end in range(step, len(page.path), step)]
    if all(ancestors):  # the view restriction check and the breadcrumbs use them
        memoised(("ancestors", page.pk), lambda: ancestors)
    # A copy: the home page's row is shared with other requests, and `specific` is kept on
    # the instance that loads it.
    specific = copy.copy(page).specific
    specific.locale = page.locale  # read with the row: templates and the booking form use it
    return RouteResult(specific)


def content_language() -> str:
    """The active content language, as `Locale.get_active` picks it (the default one when the
    active language is not a content language)."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve` view, with the page found by `route_for_request` (module docstring)."""
    if wagtail_routing_is_plain() and not hasattr(request, "_wagtail_route_for_request"):
        # Wagtail's `Page.route_for_request` keeps its result on the request under this name
        # and reads it from there (its docstring), so its `serve` view uses ours.
        request._wagtail_route_for_request = route_for_request(request, path)
    return wagtail_views.serve(request, path)
