"""Site search: Wagtail search over the live, public pages of one language."""

import re
from collections.abc import Iterable

from wagtail.models import Locale, Page
from wagtail.search.query import PlainText

# Longer queries are cut: nobody types more, and the database backend's cost grows with it.
MAX_QUERY_LENGTH = 200


def clean_query(raw: str | None) -> str:
    """The query as shown back to the reader: whitespace collapsed, at most 200 characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> str:
    """The words of `query`, without punctuation.

    The SQLite back end hands the query to FTS5, whose syntax error on a stray quote or `<`
    would be a 500; searching for the words alone is what a reader means anyway.
    """
    return " ".join(re.findall(r"\w+", query))


def search_pages(query: str, *, locale: Locale) -> Iterable[Page]:
    """Pages of `locale` matching `query`, best first; empty for an empty query.

    Only live, public pages: drafts, unpublished pages, pages scheduled for later and pages
    behind a view restriction never appear. The search index is refreshed from the database
    row, which holds the published content, so a draft revision's words are not findable.
    """
    terms = search_terms(clean_query(query))
    if not terms:
        return Page.objects.none()
    pages = Page.objects.live().public().filter(locale=locale)
    return pages.search(PlainText(terms, operator="and"))


def specific_in_order(pages: Iterable[Page]) -> list[Page]:
    """The specific instances of `pages`, in the same order, in one query per page type."""
    pages = list(pages)
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return [specific.get(page.pk, page) for page in pages]
