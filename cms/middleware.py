"""Locale handling that keeps the unprefixed routes (API, admin, sitemap) out of i18n redirects."""

from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware

# Routes that live outside /hu/ and /en/. Django's LocaleMiddleware turns any 404 under them
# into a redirect to /hu/<path> (Wagtail's catch-all makes every prefixed path "valid"), so an
# unknown API id would redirect instead of answering 404.
UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/documents/",
    "/media/",
    "/static/",
    "/sitemap.xml",
    "/healthz",
)


class PrefixedLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404-to-language-prefix redirect on unprefixed routes."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)
