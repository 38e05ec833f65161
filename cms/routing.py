"""Finding the page of a URL in one query instead of two per level of the tree.

Wagtail routes `/en/events/agrar/` from the site's root page: the active locale, the root's
translation, its specific row, then for each path component the child with that slug and its
specific row (eight queries for an event). When no page type changes Wagtail's routing
(no `route` override, such as `RoutablePageMixin`), the page is simply the one whose
`url_path` is the localized root's `url_path` plus the path: `route_for_request` below finds
it, with the localized root and the page's ancestors (for the view restriction check and the
breadcrumbs) and the menu pages, in one query (by slug and depth, both indexed), then loads
its specific row.
`serve` hands the result to Wagtail's own `serve` view (hooks, view restrictions, `serve()`
of the page), which reads it from the request as it reads its own routing result.

The rules are Wagtail's: the root's translation in the active language when it is live, else
the root; the page must be live (pages above it need not be); no page, or no site: a 404.
With a page type that overrides `route`, everything goes through Wagtail's routing.
"""

from functools import cache
from operator import attrgetter

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site, get_page_models
from wagtail.url_routing import RouteResult

from cms.request_memo import memoised


@cache
def wagtail_routing_is_plain() -> bool:
    """Whether every page type routes as Wagtail's `Page.route` does."""
    return all(model.route is Page.route for model in get_page_models())


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """The live page at `path` (below the language prefix) on the request's site, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    components = [component for component in path.split("/") if component]
    language = content_language()
    # The root's translations, the pages above them, and for each path component the pages
    # with its slug at its depth: the page and all its ancestors are among them.
    step = Page.steplen
    wanted = Q(translation_key=root.translation_key, depth=root.depth) | Q(
        path__in=[root.path[:end] for end in range(step, len(root.path), step)]
    )
    for level, component in enumerate(components, start=1):
        wanted |= Q(slug=component, depth=root.depth + level)
    # And the menu pages below the root and its translations (`cms.navigation.menu_pages`).
    wanted |= Q(depth=root.depth + 1, show_in_menus=True, live=True)
    rows = list(Page.objects.filter(wanted).select_related("locale"))
    localized = next(
        (
            row
            for row in rows
            if row.translation_key == root.translation_key
            and row.depth == root.depth
            and row.locale.language_code == language
            and row.live
        ),
        root,
    )
    for home in rows:
        if home.translation_key == root.translation_key and home.depth == root.depth:
            below = [
                row
                for row in rows
                if row.depth == home.depth + 1
                and row.path.startswith(home.path)
                and row.show_in_menus
                and row.live
            ]
            menu = sorted(below, key=attrgetter("path"))
            memoised(("menu_pages", home.pk), lambda menu=menu: menu)
    if localized.locale.language_code == language:  # the active locale, read with the root
        memoised(("active_locale", translation.get_language()), lambda: localized.locale)
    url_path = localized.url_path + "".join(f"{component}/" for component in components)
    page = next((row for row in rows if row.url_path == url_path), None)
    if page is None or not page.live:
        return None
    by_path = {row.path: row for row in rows}
    ancestors = [by_path.get(page.path[:end]) for end in range(step, len(page.path), step)]
    if all(ancestors):  # the view restriction check and the breadcrumbs use them
        memoised(("ancestors", page.pk), lambda: ancestors)
    specific = page.specific
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
