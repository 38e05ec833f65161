"""The translation report: every live source page and translatable snippet with its
translation's state, for the admin.

Rows come from `status.states` (the same states as the API's, with the admin-only ones:
`in_progress`, `awaiting_review`), for the live pages of the source language (the site's
default locale) below the top level, and for the source-language objects of every translatable
snippet model (`snippet_models`: registered snippets with `TranslatableMixin`, found generically;
the plugin knows none of the project's models). A snippet with drafts is listed once it is live.

Filters: the kind (`page` or a snippet model's label, e.g. `cms.sector`), the state, the
section (a child of a top-level page, as in `status.coverage`), any page the rows must be at or
below (`within`: a cluster with its subpages, an index page...), the target language. The
section and `within` filters concern the page tree: snippets live outside it, so either filter
lists pages only. Rows are sorted by how long the work has waited (`waiting_since`, oldest
first; a current translation has waited for nothing and comes last), pages and snippets mixed.

A row says when an approved version of its source is held for the translation (`together`):
its publication waits for the translators.

A fixed number of queries whatever the number of pages and snippets: `status.states` and three
for the pages, `status.states` and one for each translatable snippet model, and one for the
held publications.

The translators' dashboard panel reads the same rows (`translators_work`).
"""

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.db.models import Model
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from cms.workflow import status
from cms.workflow.holds import PublicationHold

#: Sort orders of the report: oldest waiting first, or newest first.
SORTS = ("waiting", "-waiting")


#: The kind of the page rows (snippet rows have their model's label, `kind_of`).
PAGE_KIND = "page"


def snippet_models() -> list[type[Model]]:
    """The translatable snippet models: registered snippets with `TranslatableMixin` (the
    models wagtail-localize translates), each once (a model inheriting another's translation
    model is listed through that one), by label."""
    models = {
        model.get_translation_model()
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
    }
    return sorted(models, key=kind_of)


def kind_of(model: type[Model]) -> str:
    """The stable code of a kind of object: `page`, or a snippet model's label (`cms.sector`)."""
    if issubclass(model, Page):
        return PAGE_KIND
    return model._meta.label_lower


def kinds() -> list[tuple[str, str]]:
    """`(code, label)` of the report's kinds: pages first, then the snippet models."""
    return [(PAGE_KIND, str(_("Page")))] + [
        (kind_of(model), str(capfirst(model._meta.verbose_name))) for model in snippet_models()
    ]


@dataclass(frozen=True)
class ReportRow:
    """One source object (page or snippet) and the state of its translation into one language."""

    obj: Page | TranslatableMixin
    section: Page | None
    translation: status.TranslationState
    #: An approved version of the source is held until this translation is approved
    #: (`together`): its publication waits for the translators.
    publication_waits: bool = False

    @property
    def waiting_since(self) -> datetime.datetime | None:
        return self.translation.waiting_since

    @property
    def is_page(self) -> bool:
        return isinstance(self.obj, Page)

    @property
    def kind(self) -> str:
        return kind_of(type(self.obj))

    @property
    def kind_label(self) -> str:
        return str(_("Page")) if self.is_page else str(capfirst(self.obj._meta.verbose_name))

    @property
    def title(self) -> str:
        return self.obj.title if self.is_page else str(self.obj)

    @property
    def work_url(self) -> str:
        """Where a translator works on it: the translation's editor when it exists, else
        wagtail-localize's "Translate" form for the source."""
        if self.is_page:
            if self.translation.target_id:
                return reverse("wagtailadmin_pages:edit", args=[self.translation.target_id])
            return reverse("wagtail_localize:submit_page_translation", args=[self.obj.pk])
        meta = self.obj._meta
        if self.translation.target_id:
            viewset = type(self.obj).snippet_viewset
            return reverse(viewset.get_url_name("edit"), args=[self.translation.target_id])
        return reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, self.obj.pk],
        )


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
    kind: str | None = None,
    section_id: int | None = None,
    within_id: int | None = None,
    sort: str = "waiting",
) -> list[ReportRow]:
    """The report's rows (module docstring). Unknown filter values select nothing."""
    result: list[ReportRow] = []
    if kind in (None, PAGE_KIND):
        result += _page_rows(locale=locale, section_id=section_id, within_id=within_id)
    if section_id is None and within_id is None:
        for model in snippet_models():
            if kind in (None, kind_of(model)):
                result += _snippet_rows(model, locale=locale)
    if state:
        result = [row for row in result if row.translation.state == state]
    held = set(
        PublicationHold.objects.waiting()
        .filter(translation_key__in=[row.obj.translation_key for row in result])
        .values_list("translation_key", flat=True)
    )
    result = [replace(row, publication_waits=row.obj.translation_key in held) for row in result]
    return sort_rows(result, newest_first=sort == "-waiting")


def _snippet_rows(model: type[Model], *, locale: Locale) -> list[ReportRow]:
    objects = model._default_manager.filter(locale=Locale.get_default())
    if issubclass(model, DraftStateMixin):
        objects = objects.filter(live=True)
    objects = list(objects.order_by("pk"))
    found = status.states(objects, locale)
    return [ReportRow(obj, None, found[obj.translation_key]) for obj in objects]


def _page_rows(*, locale: Locale, section_id: int | None, within_id: int | None) -> list[ReportRow]:
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
    return [
        ReportRow(page, section_pages.get(_section_key(page)), found[page.translation_key])
        for page in pages
    ]


def sort_rows(report: Iterable[ReportRow], *, newest_first: bool = False) -> list[ReportRow]:
    """By `waiting_since` (oldest first, or newest first); rows without it come last."""
    dated = [row for row in report if row.waiting_since is not None]
    undated = [row for row in report if row.waiting_since is None]
    dated.sort(key=lambda row: row.waiting_since, reverse=newest_first)
    return dated + undated


def translators_work(locale: Locale, *, limit: int) -> tuple[list[ReportRow], list[ReportRow]]:
    """The translators' work into `locale`, oldest first, at most `limit` of each, from one
    `rows` call: "to translate" (missing, in progress or outdated, not rejected) and
    "rejected, to fix" (the reviewer asked for changes)."""
    wanted = {status.State.MISSING, status.State.IN_PROGRESS, status.State.OUTDATED}
    report = rows(locale=locale)
    to_fix = [row for row in report if row.translation.changes_requested]
    to_translate = [
        row
        for row in report
        if row.translation.state in wanted and not row.translation.changes_requested
    ]
    return to_translate[:limit], to_fix[:limit]


CSV_HEADER = (
    "kind",
    "id",
    "title",
    "section",
    "language",
    "state",
    "translated",
    "waiting_since",
    "publication_waits",
)


def to_csv(report: Iterable[ReportRow]) -> str:
    """The rows as CSV (UTF-8 text; `kind` and `state` are stable codes, `translated` a 0-100
    share)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in report:
        share = row.translation.share
        writer.writerow(
            [
                row.kind,
                row.obj.pk,
                row.title,
                row.section.title if row.section else "",
                row.translation.language,
                row.translation.state.value,
                "" if share is None else round(share * 100),
                row.waiting_since.isoformat() if row.waiting_since else "",
                int(row.publication_waits),
            ]
        )
    return out.getvalue()
