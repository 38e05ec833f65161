"""Site search: Wagtail search over the live, public pages of one language."""

from collections.abc import Iterable

from wagtail.models import Locale, Page
from wagtail.search.query import PlainText

from cms.search_input import search_terms


def search_pages(query: str, *, locale: Locale) -> Iterable[Page]:
    """Pages of `locale` matching `query`, best first; empty for an empty query.

    `query` has been cleaned already (`cms.search_input.clean_query`, which the view runs to
    show it back); only its words are searched.

    Only live, public pages: drafts, unpublished pages, pages scheduled for later and pages
    behind a view restriction never appear. The search index is refreshed from the database
    row, which holds the published content, so a draft revision's words are not findable.
    """
    terms = search_terms(query)
    if not terms:
        return Page.objects.none()
    pages = Page.objects.live().public().filter(locale=locale)
    return pages.search(PlainText(terms, operator="and"))


def specific_in_order(pages: Iterable[Page]) -> list[Page]:
    """The specific instances of `pages`, in the same order, in one query per page type."""
    pages = list(pages)
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    return [specific.get(page.pk, page) for page in pages]
