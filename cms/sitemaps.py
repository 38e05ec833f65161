"""`/sitemap.xml` with the pages of every language, each with its hreflang alternates."""

from typing import Any

from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap lists only the subtree of the site's root page, i.e. the Hungarian
    home. This one lists the live, public pages under every translation of that root (`/hu/`
    and `/en/`), and gives each URL its translations as `xhtml:link` alternates.

    Locations are absolute URLs on the request's host (see `cms.navigation`).
    """

    def items(self) -> QuerySet:
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_root = Q()
        for root in roots:
            in_any_root |= Q(path__startswith=root.path, depth__gte=root.depth)
        return (
            Page.objects.filter(in_any_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        items = list(self.paginator.page(page).object_list)
        versions = self._live_versions(items)
        urls = []
        for item in items:
            relative = item.get_url(self.request)
            if not relative:
                continue
            translations = versions.get(item.translation_key, {})
            alternates = []
            if len(translations) > 1:
                alternates = [
                    {"lang_code": code, "location": self._absolute(url)}
                    for code, url in sorted(translations.items())
                ]
            urls.append(
                {
                    "item": item,
                    "location": self._absolute(relative),
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates,
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _live_versions(self, items: list[Page]) -> dict[Any, dict[str, str]]:
        """translation_key -> {language code: URL} of the live, public versions, in one query."""
        pages = (
            Page.objects.filter(translation_key__in={item.translation_key for item in items})
            .live()
            .public()
            .select_related("locale")
        )
        versions: dict[Any, dict[str, str]] = {}
        for version in pages:
            url = version.get_url(self.request)
            if url:
                versions.setdefault(version.translation_key, {})[version.locale.language_code] = url
        return versions

    def _absolute(self, url: str) -> str:
        if self.request is None:
            return url
        return self.request.build_absolute_uri(url)
