"""Input cleaning shared by every endpoint of the API (pages, images, documents).

The endpoints are Wagtail's, so they share no view of ours to validate in: `CleanInputMixin`
refuses what no parameter may hold, and `SearchFilter` replaces Wagtail's search filter in each
endpoint's `filter_backends` (`with_clean_search`), so `?search=` follows the same rules as the
site search (`cms.search_input`). Refusals are 400s whose message names the parameter.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import translation
from rest_framework.request import Request
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError

from cms.search_input import InvalidSearchInput, query_terms, search_operator


class SearchFilter(wagtail_filters.SearchFilter):
    """Wagtail's `?search=`, with the input cleaned by `cms.search_input` (the site's rules).

    Only the words of the query are searched; input that cannot be searched for (control
    characters, an unknown `search_operator`) is a 400 naming the parameter, in English like
    the API's other errors.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        if "search" not in request.GET:
            return queryset
        cleaned = request.GET.copy()
        cleaned["search"] = _cleaned("search", cleaned["search"], query_terms)
        if "search_operator" in cleaned:
            cleaned["search_operator"] = _cleaned(
                "search_operator", cleaned["search_operator"], search_operator
            )
        return super().filter_queryset(_WithQueryParameters(request, cleaned), queryset, view)


def _cleaned(name: str, value: str, clean: Callable[[str], Any]) -> Any:
    """`clean(value)`, or a 400 naming the parameter `name` with the reason, in English."""
    try:
        return clean(value)
    except InvalidSearchInput as invalid:
        with translation.override("en"):
            raise BadRequestError(f"{name}: {invalid.message}") from invalid


class _WithQueryParameters:
    """`request` seen with other query parameters (`GET`); everything else is the request's."""

    def __init__(self, request: Request, parameters: QueryDict) -> None:
        self._request = request
        self.GET = parameters

    def __getattr__(self, name: str) -> Any:
        return getattr(self._request, name)


class CleanInputMixin:
    """What every endpoint of the API refuses before it filters: NUL characters anywhere.

    PostgreSQL fails on a NUL in any query (a 500), whichever parameter carried it. Search
    input is cleaned further by `SearchFilter`, which replaces Wagtail's in every endpoint.
    """

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any("\x00" in value for value in values) or "\x00" in name:
                raise BadRequestError(f"{name}: null characters are not allowed")


def with_clean_search(backends: list[type]) -> list[type]:
    """`backends` with Wagtail's `SearchFilter` replaced by ours."""
    return [
        SearchFilter if backend is wagtail_filters.SearchFilter else backend for backend in backends
    ]
