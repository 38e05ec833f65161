"""The translation report: every live source page with its translation's state, for the admin.

Rows come from `status.states` (the same states as the API's, with the admin-only ones:
`in_progress`, `awaiting_review`), for the live pages of the source language (the site's
default locale) below the top level. Filters: the state, the section (a child of a top-level
page, as in `status.coverage`), any page the rows must be at or below (`within`: a cluster with
its subpages, an index page...), the target language. Rows are sorted by how long the work has
waited (`waiting_since`, oldest first; a current translation has waited for nothing and comes
last). A fixed number of queries whatever the number of pages (`status.states` + three).

The translators' dashboard panel reads the same rows (`to_translate`, `to_fix`).
"""

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass

from wagtail.models import Locale, Page

from cms.workflow import status

#: Sort orders of the report: oldest waiting first, or newest first.
SORTS = ("waiting", "-waiting")


@dataclass(frozen=True)
class ReportRow:
    """One source page and the state of its translation into one language."""

    page: Page
    section: Page | None
    translation: status.TranslationState

    @property
    def waiting_since(self) -> datetime.datetime | None:
        return self.translation.waiting_since


def target_locales() -> list[Locale]:
    """The languages pages are translated into: every locale but the default one."""
    default = Locale.get_default()
    return list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))


def sections() -> list[Page]:
    """The sections of the source tree (children of a top-level page), in tree order."""
    return list(
        Page.objects.filter(locale=Locale.get_default(), depth=3).order_by("path").only("title")
    )


def _section_key(page: Page) -> str:
    return page.path[: Page.steplen * min(page.depth, 3)]


def rows(
    *,
    locale: Locale,
    state: str | None = None,
    section_id: int | None = None,
    within_id: int | None = None,
    sort: str = "waiting",
) -> list[ReportRow]:
    """The report's rows (module docstring). Unknown filter values select nothing."""
    pages = Page.objects.live().filter(locale=Locale.get_default(), depth__gte=2)
    for page_id in (section_id, within_id):
        if page_id is not None:
            anchor = Page.objects.filter(pk=page_id).only("path").first()
            if anchor is None:
                return []
            pages = pages.filter(path__startswith=anchor.path)
    pages = list(pages.order_by("path").only("title", "path", "depth", "translation_key"))
    found = status.states(pages, locale)
    section_pages = {
        _section_key(section): section
        for section in Page.objects.filter(path__in={_section_key(page) for page in pages}).only(
            "title", "path"
        )
    }
    result = [
        ReportRow(page, section_pages.get(_section_key(page)), found[page.translation_key])
        for page in pages
    ]
    if state:
        result = [row for row in result if row.translation.state == state]
    return sort_rows(result, newest_first=sort == "-waiting")


def sort_rows(report: Iterable[ReportRow], *, newest_first: bool = False) -> list[ReportRow]:
    """By `waiting_since` (oldest first, or newest first); rows without it come last."""
    dated = [row for row in report if row.waiting_since is not None]
    undated = [row for row in report if row.waiting_since is None]
    dated.sort(key=lambda row: row.waiting_since, reverse=newest_first)
    return dated + undated


def to_translate(locale: Locale, *, limit: int) -> list[ReportRow]:
    """The translators' "to translate": missing, in progress or outdated, not rejected work,
    oldest first."""
    wanted = {status.State.MISSING, status.State.IN_PROGRESS, status.State.OUTDATED}
    return [
        row
        for row in rows(locale=locale)
        if row.translation.state in wanted and not row.translation.changes_requested
    ][:limit]


def to_fix(locale: Locale, *, limit: int) -> list[ReportRow]:
    """The translators' "rejected, to fix": the reviewer asked for changes, oldest first."""
    return [row for row in rows(locale=locale) if row.translation.changes_requested][:limit]


CSV_HEADER = ("id", "title", "section", "language", "state", "translated", "waiting_since")


def to_csv(report: Iterable[ReportRow]) -> str:
    """The rows as CSV (UTF-8 text; `state` is the stable code, `translated` a 0-100 share)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in report:
        share = row.translation.share
        writer.writerow(
            [
                row.page.pk,
                row.page.title,
                row.section.title if row.section else "",
                row.translation.language,
                row.translation.state.value,
                "" if share is None else round(share * 100),
                row.waiting_since.isoformat() if row.waiting_since else "",
            ]
        )
    return out.getvalue()
