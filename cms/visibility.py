"""What readers may see of the page tree, with the lookups shared within a request.

`public(queryset)` is Wagtail's `queryset.public()` (no page behind a view restriction, nor
below one) with the restrictions read once (and kept across requests until one changes:
`cms.shared_lookups`): Wagtail's reads them at every call, and a page with a menu, a language
switcher, teasers and a booking form asks four or five times. `is_public(page)` answers the
same question for a page in hand without a query; `SharedAncestorsMixin` lets Wagtail's view
restriction check and the breadcrumbs share one read of a page's ancestors.
"""

from django.db.models import QuerySet
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from cms.request_memo import memoised
from cms.shared_lookups import shared


def page_view_restrictions() -> list[PageViewRestriction]:
    """Every page view restriction, with its page (kept across requests until one changes:
    `cms.shared_lookups`)."""
    return shared(
        "page_view_restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def public(queryset: PageQuerySet) -> PageQuerySet:
    """`queryset` without the pages at or below a view restriction, as `queryset.public()`."""
    restrictions = page_view_restrictions()
    if not restrictions:
        return queryset
    private = queryset.descendant_of_q(restrictions[0].page, inclusive=True)
    for restriction in restrictions[1:]:
        private |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return queryset.exclude(private)


def is_public(page: Page) -> bool:
    """Whether `page` is outside every view-restricted section, as `public()` decides, without
    a query of its own (the request's restrictions)."""
    return not any(page.path.startswith(r.page.path) for r in page_view_restrictions())


class SharedAncestorsMixin:
    """For page models: the page's ancestors are read once per request, and its view
    restrictions come from the request's restrictions (`page_view_restrictions`).

    Wagtail's view restriction check reads the ancestors and then their restrictions; the
    breadcrumbs read the ancestors again. Here `memoised_ancestors()` serves both, and
    `get_view_restrictions()` (still a queryset, as Wagtail's admin expects) costs no query
    when no restriction applies. Aliases count with their source page's restrictions, as in
    Wagtail.
    """

    def memoised_ancestors(self) -> list[Page]:
        """The page's ancestors, root first (`get_ancestors()`), read once per request."""
        return memoised(("ancestors", self.pk), lambda: list(self.get_ancestors()))

    def get_view_restrictions(self) -> QuerySet:
        pages = [*self.memoised_ancestors(), self]
        checked = {page.alias_of_id or page.pk for page in pages}
        applying = [r.pk for r in page_view_restrictions() if r.page_id in checked]
        return PageViewRestriction.objects.filter(pk__in=applying)
