"""Translation status: one state per translatable object and language, for whole listings.

States (`State`), decided in this order for the object's translation into a language:

- `awaiting_review`: the translation waits in its workflow (a reviewer has to act);
- `current`: the translation is live and made from the source's latest published version;
- `outdated`: the translation is live, but the source was published with changed content since
  (`translation_status.TranslationStatus`); the live translation is still shown;
- `in_progress`: no live translation, and a translator has translated some of its segments
  (`TranslationState.share`);
- `missing`: no live translation and nothing translated yet (or no translation at all).

`TranslationState.changes_requested` tells a translation whose reviewer asked for changes (the
translators' "rejected, to fix"); its state is then `in_progress`, `missing` or `outdated` again.

Readers (the public site, the API) may only learn the *public* state (`public_state`):
`current`, `outdated` or `missing`, from the live rows alone: a draft, a review in progress or
a rejected translation never shows; a live translation waiting for review is shown as what it
is live (`current` or `outdated`).

Cost: `states(objects, locale)` runs a fixed number of queries for a listing of any length
(about six per kind of object: pages, or one snippet model), never one per object.
`coverage()` is the share of live, public source pages whose translation is `current`, per
section (a section is a child of a top-level page of the source language, e.g. an index page
below the home page).
"""

import datetime
import enum
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.workflow.translation_status import TranslationStatus


class State(enum.StrEnum):
    """A translation's state; the value is what the API and CSV exports show."""

    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    OUTDATED = "outdated"
    AWAITING_REVIEW = "awaiting_review"
    CURRENT = "current"

    @property
    def label(self) -> str:
        return str(LABELS[self])


LABELS = {
    State.MISSING: _("Missing"),
    State.IN_PROGRESS: _("In progress"),
    State.OUTDATED: _("Outdated"),
    State.AWAITING_REVIEW: _("Awaiting review"),
    State.CURRENT: _("Current"),
}

#: The states readers may learn (`public_state`).
PUBLIC_STATES = (State.CURRENT, State.OUTDATED, State.MISSING)


@dataclass(frozen=True)
class TranslationState:
    """The state of one object's translation into one language.

    Attributes:
        state: the admin state (module docstring).
        language: the target language code.
        target_id: the primary key of the translation (page id, snippet pk) when it exists,
            live or not; None when there is no object in that language.
        live: whether the translation is live (readers see it).
        share: translated share of the segments (0.0-1.0) when a wagtail-localize
            translation exists, else None.
        changes_requested: its latest review asked for changes (not resubmitted yet).
        waiting_since: since when the work waits: the review's start for `awaiting_review`,
            the source change for `outdated`, the source's first publication (or change) for
            `missing`/`in_progress`; None for `current`.
        source_changed_at: when the source version the translation must match was published
            (None when unknown: the translation never fell behind since tracking began).
        outdated: the live translation lags behind the live source (whatever the admin state;
            a source change held for its translation is not public, so not counted).
    """

    state: State
    language: str
    target_id: int | None = None
    live: bool = False
    share: float | None = None
    changes_requested: bool = False
    waiting_since: datetime.datetime | None = None
    source_changed_at: datetime.datetime | None = None
    outdated: bool = False

    @property
    def public(self) -> State:
        """The state readers may learn: `current`, `outdated` or `missing` (module docstring)."""
        if not self.live:
            return State.MISSING
        return State.OUTDATED if self.outdated else State.CURRENT


def public_state(state: TranslationState) -> State:
    """`state.public`: only `current`, `outdated` or `missing`, from live rows alone."""
    return state.public


def _locale(locale: Locale | str) -> Locale:
    if isinstance(locale, Locale):
        return locale
    return Locale.objects.get(language_code=locale)


def _base_model(obj: TranslatableMixin) -> type:
    return obj.get_translation_model()


@dataclass
class _Rows:
    """What the queries of one kind of object found, by translation key."""

    targets: dict[uuid.UUID, dict] = field(default_factory=dict)
    sources: dict[uuid.UUID, dict] = field(default_factory=dict)
    statuses: dict[uuid.UUID, TranslationStatus] = field(default_factory=dict)
    progress: dict[uuid.UUID, tuple[int, int]] = field(default_factory=dict)
    reviews: dict[str, dict] = field(default_factory=dict)  # by the target's pk (str)


def progress_query(*, keys: Iterable[uuid.UUID], locale: Locale) -> Any:
    """The enabled translations of `keys` into `locale`, with `total` and `done` segment counts.

    One query (two correlated subqueries), as wagtail-localize's report does it set-based;
    `Translation.get_progress()` would cost a query per translation.
    """
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale.pk,
                has_error=False,
            )
        )
    )

    def count(queryset: Any) -> Any:
        counted = queryset.order_by().values("source_id").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), 0)

    return Translation.objects.filter(
        source__object_id__in=list(keys), target_locale=locale, enabled=True
    ).annotate(total=count(segments), done=count(translated))


def _fetch(model: type, keys: list[uuid.UUID], locale: Locale, default: Locale) -> _Rows:
    rows = _Rows()
    draft_fields = ["live", "first_published_at"] if hasattr(model, "live") else []
    for row in model._default_manager.filter(
        translation_key__in=keys, locale_id__in={locale.pk, default.pk}
    ).values("pk", "translation_key", "locale_id", *draft_fields):
        row.setdefault("live", True)  # a snippet without drafts is live as soon as it exists
        if row["locale_id"] == locale.pk:
            rows.targets[row["translation_key"]] = row
        else:
            rows.sources[row["translation_key"]] = row
    rows.statuses = {
        status.translation_key: status
        for status in TranslationStatus.objects.with_held().filter(
            translation_key__in=keys, locale=locale
        )
    }
    rows.progress = {
        translation.source.object_id: (translation.total, translation.done)
        for translation in progress_query(keys=keys, locale=locale).select_related("source")
    }
    if rows.targets:
        content_type = ContentType.objects.get_for_model(model)
        for review in (
            WorkflowState.objects.filter(
                base_content_type=content_type,
                object_id__in=[str(row["pk"]) for row in rows.targets.values()],
                status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            )
            .order_by("created_at", "pk")
            .values("object_id", "status", "created_at")
        ):
            rows.reviews[review["object_id"]] = review
    return rows


def _state(key: uuid.UUID, rows: _Rows, locale: Locale) -> TranslationState:
    target = rows.targets.get(key)
    source = rows.sources.get(key)
    status = rows.statuses.get(key)
    total, done = rows.progress.get(key, (None, None))
    share = None if total is None else (1.0 if total == 0 else done / total)
    review = rows.reviews.get(str(target["pk"])) if target else None
    rejected = bool(review and review["status"] == WorkflowState.STATUS_NEEDS_CHANGES)
    live = bool(target and target["live"])
    behind = status is not None and status.is_behind
    common = {
        "language": locale.language_code,
        "target_id": target["pk"] if target else None,
        "live": live,
        "share": share,
        "changes_requested": rejected,
        "source_changed_at": status.source_changed_at if status else None,
        # Readers do not learn of a held source change (`together`): not public yet.
        "outdated": live and behind and not status.held,
    }
    if review and review["status"] == WorkflowState.STATUS_IN_PROGRESS:
        return TranslationState(State.AWAITING_REVIEW, waiting_since=review["created_at"], **common)
    if live:
        if behind:
            return TranslationState(State.OUTDATED, waiting_since=status.outdated_since, **common)
        return TranslationState(State.CURRENT, **common)
    since = status.outdated_since if status else None
    if since is None and source is not None:
        since = source.get("first_published_at")
    state = State.IN_PROGRESS if done else State.MISSING
    return TranslationState(state, waiting_since=since, **common)


def states(
    objects: Iterable[TranslatableMixin], locale: Locale | str
) -> dict[uuid.UUID, TranslationState]:
    """The state of each object's translation into `locale`, keyed by translation key.

    `objects` may be in any language (the translation is found by translation key) and of
    several kinds (pages of any type, snippets): the queries run once per kind (base model),
    whatever the number of objects. An object in `locale` itself is its own "translation"
    (`current` when live). Pass the Locale or its language code.
    """
    locale = _locale(locale)
    default = Locale.get_default()
    by_model: dict[type, list[uuid.UUID]] = defaultdict(list)
    for obj in objects:
        by_model[_base_model(obj)].append(obj.translation_key)
    result: dict[uuid.UUID, TranslationState] = {}
    for model, keys in by_model.items():
        rows = _fetch(model, keys, locale, default)
        for key in keys:
            result[key] = _state(key, rows, locale)
    return result


def state_of(obj: TranslatableMixin, locale: Locale | str) -> TranslationState:
    """The state of one object's translation into `locale` (`states` for a single object)."""
    return states([obj], locale)[obj.translation_key]


def public_states(
    objects: Iterable[TranslatableMixin], locale: Locale | str
) -> dict[uuid.UUID, State]:
    """`states` reduced to what readers may learn (`current`, `outdated`, `missing`)."""
    return {key: value.public for key, value in states(objects, locale).items()}


@dataclass(frozen=True)
class SectionCoverage:
    """How many live source pages of one section have a current translation."""

    page_id: int
    title: str
    total: int
    current: int

    @property
    def share(self) -> float:
        """`current / total` (1.0 for an empty section)."""
        return self.current / self.total if self.total else 1.0


@dataclass(frozen=True)
class Coverage:
    """The share of live, public source pages with a current translation, and per section."""

    language: str
    total: int
    current: int
    sections: list[SectionCoverage]
    outdated: int = 0
    missing: int = 0

    @property
    def share(self) -> float:
        return self.current / self.total if self.total else 1.0


def coverage(locale: Locale | str = "en", *, source_locale: Locale | str | None = None) -> Coverage:
    """The share of the live, public pages of the source language whose translation into
    `locale` is `current` (what readers get: an outdated or unpublished translation does not
    count), overall and per section.

    A section is a child of a top-level page of the source language (the home page's children,
    e.g. an index page with its descendants); a top-level page counts in the section of its own.
    The source language is the site's default unless given. A fixed number of queries.
    """
    locale = _locale(locale)
    source = Locale.get_default() if source_locale is None else _locale(source_locale)
    pages = list(
        Page.objects.live()
        .public()
        .filter(locale=source, depth__gte=2)
        .only("pk", "path", "depth", "title", "translation_key")
        .order_by("path")
    )
    found = public_states(pages, locale)
    section_of = {}
    sections: dict[str, dict] = {}
    for page in pages:
        key = page.path[: Page.steplen * min(page.depth, 3)]
        if page.depth <= 3:
            sections[key] = {"page_id": page.pk, "title": page.title, "total": 0, "current": 0}
        section_of[page.pk] = key
    counts = {state: 0 for state in PUBLIC_STATES}
    for page in pages:
        state = found[page.translation_key]
        counts[state] += 1
        section = sections.get(section_of[page.pk])
        if section is None:  # below an unpublished or private section page
            continue
        section["total"] += 1
        section["current"] += state == State.CURRENT
    return Coverage(
        language=locale.language_code,
        total=len(pages),
        current=counts[State.CURRENT],
        outdated=counts[State.OUTDATED],
        missing=counts[State.MISSING],
        sections=[SectionCoverage(**section) for section in sections.values()],
    )
