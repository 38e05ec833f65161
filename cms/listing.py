"""Filtered, paginated listings for index pages and the search page.

An index page binds a filter form to the query string and hands the valid filters to a plain
query function (`cluster_pages.queries`, ...). A filter value the form does not know (a
mistyped sector, `?when=tomorrow`) never raises: the listing is empty, `invalid` is set and the
form carries an error naming the field, which the template shows next to it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict

PAGE_SIZE = 12


@dataclass
class Listing:
    form: forms.Form
    page_obj: PaginatorPage
    invalid: bool  # a filter value was not understood; the list is empty on purpose
    filtered: bool  # at least one filter is in use

    @property
    def items(self) -> list[Any]:
        return list(self.page_obj.object_list)


def paginate(items: QuerySet | list, page_number: str | None, per_page: int = PAGE_SIZE) -> Any:
    """The requested page of `items`; a missing, bad or too large number gives the first/last."""
    return Paginator(items, per_page).get_page(page_number)


def build_listing(
    *,
    form: forms.Form,
    query: Callable[..., QuerySet],
    params: QueryDict,
    per_page: int = PAGE_SIZE,
) -> Listing:
    """Validate `form` and run `query(**form.cleaned_data)`, or list nothing if it is invalid."""
    if form.is_valid():
        items = query(**form.cleaned_data)
        invalid = False
        filtered = any(value for value in form.cleaned_data.values())
    else:
        items = []
        invalid = True
        filtered = True
        for name in form.errors:
            if name in form.fields:
                # Screen readers announce the error with the field it belongs to.
                form.fields[name].widget.attrs["aria-describedby"] = f"{form[name].auto_id}-error"
    page_obj = paginate(items, params.get("page"), per_page)
    # Evaluate once, so that attributes set on the items (localized relations) stick.
    page_obj.object_list = list(page_obj.object_list)
    return Listing(
        form=form,
        page_obj=page_obj,
        invalid=invalid,
        filtered=filtered,
    )
