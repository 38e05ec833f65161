"""drf-spectacular hooks: the OpenAPI schema at /api/schema/ documents our own JSON API.

Wagtail's API v2 and wagtail-localize's internal views are DRF views too, but they cannot be
introspected (spectacular warns on every `check`); their contract is Wagtail's documentation.
The schema is in English whatever the request's language (`EnglishSchemaView`).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from drf_spectacular.views import SpectacularAPIView

DOCUMENTED_PREFIXES = ("/api/bookings/",)


def only_own_endpoints(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """Keep the endpoints whose path starts with one of DOCUMENTED_PREFIXES."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(DOCUMENTED_PREFIXES)]


class EnglishSchemaView(SpectacularAPIView):
    """The OpenAPI schema, always in English whatever the request's language.

    The schema is for developers: summaries are written in English, and field descriptions
    (gettext help texts) would otherwise follow the Accept-Language or the site's default,
    Hungarian, and mix two languages in one document. The response is rendered inside the
    override because lazy help texts are turned into strings only when it is rendered.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response
