"""drf-spectacular hooks: the OpenAPI schema at /api/schema/ documents our own JSON API.

Wagtail's API v2 and wagtail-localize's internal views are DRF views too, but they cannot be
introspected (spectacular warns on every `check`); their contract is Wagtail's documentation.
What this project adds to the pages endpoint (the language parameters and `meta.translations`,
`cms.api_translations`) is described by hand (`document_pages_api`). The schema is in English
whatever the request's language (`EnglishSchemaView`).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from drf_spectacular.views import SpectacularAPIView

DOCUMENTED_PREFIXES = ("/api/bookings/",)


def only_own_endpoints(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """Keep the endpoints whose path starts with one of DOCUMENTED_PREFIXES."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(DOCUMENTED_PREFIXES)]


_LANGUAGE = {"type": "string", "enum": ["hu", "en"]}

_PAGE_PARAMETERS = [
    {
        "name": "locale",
        "in": "query",
        "schema": _LANGUAGE,
        "description": "Only pages in this language (with `fallback`: preferably).",
    },
    {
        "name": "fallback",
        "in": "query",
        "schema": _LANGUAGE,
        "description": "Needs `locale`. Where a page has no live version in `locale`, return its "
        "version in this language instead, flagged `meta.fallback: true` (every item then has "
        "`meta.fallback`). `child_of` takes the children of every version of the parent; "
        "`translation_of` includes the page itself. On a detail, the version of that page in "
        "`locale` when live, else in `fallback`. A bad value is a 400 naming `fallback`.",
    },
]

_TRANSLATION = {
    "type": "object",
    "description": "The page's version in another language, as readers may know it: drafts "
    "and reviews never show; a translation in moderation shows as what is live.",
    "properties": {
        "locale": _LANGUAGE,
        "id": {"type": "integer", "nullable": True, "description": "null when missing"},
        "html_url": {"type": "string", "format": "uri", "nullable": True},
        "state": {
            "type": "string",
            "enum": ["current", "outdated", "missing"],
            "description": "current: live and up to date; outdated: live, but the source was "
            "published with changes since; missing: no live, public version.",
        },
    },
    "required": ["locale", "id", "html_url", "state"],
}

_PAGE = {
    "type": "object",
    "description": "A page (Wagtail API v2); only the meta fields this project adds are listed.",
    "properties": {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "properties": {
                "locale": _LANGUAGE,
                "translations": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/PageTranslation"},
                    "description": "On the detail by default; on listings with "
                    "`fields=translations` (or `fields=*`).",
                },
                "fallback": {
                    "type": "boolean",
                    "description": "Only when `fallback` was given: true when this page stands "
                    "in for a version missing in `locale`.",
                },
            },
        },
    },
}


def _operation(operation_id: str, summary: str, schema: dict, parameters: list[dict]) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["pages"],
            "parameters": parameters,
            "responses": {
                "200": {"content": {"application/json": {"schema": schema}}},
                "400": {"description": "A bad parameter, named in `message`."},
            },
        }
    }


def document_pages_api(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """Describe the pages endpoint's language parameters and `meta.translations` by hand."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["PageTranslation"] = _TRANSLATION
    components["Page"] = _PAGE
    page = {"$ref": "#/components/schemas/Page"}
    listing_parameters = [
        *_PAGE_PARAMETERS,
        {"name": "child_of", "in": "query", "schema": {"type": "string"}},
        {"name": "translation_of", "in": "query", "schema": {"type": "string"}},
        {"name": "fields", "in": "query", "schema": {"type": "string"}},
    ]
    id_parameter = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
    result.setdefault("paths", {})["/api/v2/pages/"] = _operation(
        "pages_list",
        "Pages (Wagtail API v2), with the language fallback",
        {"type": "object", "properties": {"items": {"type": "array", "items": page}}},
        listing_parameters,
    )
    result["paths"]["/api/v2/pages/{id}/"] = _operation(
        "pages_retrieve",
        "A page (Wagtail API v2), with its translations",
        page,
        [id_parameter, *_PAGE_PARAMETERS],
    )
    return result


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
