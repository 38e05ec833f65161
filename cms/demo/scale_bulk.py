"""The bulk path of the scale data set: many page pairs written with a few queries per batch.

`create_pairs` writes, for each planned Hungarian page, the rows that the editor path of
`cms.demo.scale` leaves (a page created and published, then translated through
wagtail-localize and published in English), with `bulk_create` instead of one save at a time:

- the tree: paths computed from the parent's last child (treebeard's materialised path, steps
  of 4 base-36 digits), `depth`, `url_path`, and the parent's `numchild` raised once per batch;
- the page rows: the base `wagtailcore_page` rows first (Django cannot `bulk_create` a
  multi-table model), then each specific table's rows with their `page_ptr_id`; one published
  revision per page (its content is the page's `serializable_data()`), `live_revision` and
  `latest_revision` pointing at it, the publication dates, `draft_title`, `translation_key`
  shared by the two languages and `locale`; the English page under the English index page;
- child rows: a training's run in both languages (one translation key), the offerings that the
  publication of a bookable page makes (`offering_specs()` of the page itself), a cluster's
  managers' group with its page permission (`cluster_pages.managers`), the redirect Wagtail
  makes when the translated slug replaces the copied one, the history (create, publish, copy
  for translation) and Wagtail's reference index (the logo);
- wagtail-localize's rows, computed by its own extraction (`extract_segments`) from the built
  page: `TranslatableObject`, `TranslationSource` (content_json, schema version),
  `String` (shared between pages, as wagtail-localize shares them), `TranslationContext` (with
  its field path), `StringSegment`, `TemplateSegment`, `OverridableSegment`,
  `RelatedObjectSegment`, a manual `StringTranslation` per segment, an enabled `Translation` to
  English and a `TranslationLog` of the English revision.

What the editor path does and this one does not (none of it is read by a reader or by the
benchmarks): the English page has one revision (the editor path leaves two: the copy in
Hungarian, then the translated one); no signal is sent, so the translation loop's
`sync_translations` job is not queued for each source (it would find every translation
current) and the page cache is invalidated once per index page at the end of a batch.
`tests/cms/test_seed_scale.py` compares the rows of both paths page by page.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
)
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from cluster_pages.managers import CLUSTER_GROUP_PREFIX, CLUSTER_PAGE_KINDS
from cluster_pages.models import ClusterProfilePage
from cms.demo.bilingual import translation_strings
from cms.grants import PAGE_PERMISSION, permission
from cms.page_cache.invalidation import invalidate
from event_booking.bookable import is_bookable
from event_booking.models import Offering

TRANSLATE_ACTION = "wagtail.copy_for_translation"


@dataclass
class Pair:
    """One Hungarian page and its English translation, built in memory (not saved yet).

    `hu` and `en` are specific page instances holding their texts, their non-translatable
    fields (equal in both) and their in-memory child rows (a training's `runs`, the runs of
    both languages sharing a translation key), `parent` and `english_parent` the index pages.
    """

    hu: Page
    en: Page
    parent: Page
    english_parent: Page
    revisions: dict[str, Revision] = field(default_factory=dict)


def create_pairs(pairs: list[Pair]) -> list[Page]:
    """Write the pages of `pairs` and every row that comes with them, in one transaction.

    Returns:
        The saved pages (both languages), for the search index.
    """
    now = timezone.now()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    with transaction.atomic():
        _place_in_tree(pairs, locales)
        pages = [page for pair in pairs for page in (pair.hu, pair.en)]
        _insert_pages(pages, now)
        _insert_runs(pages)
        _insert_revisions(pairs, now)
        _insert_history(pairs, now)
        _insert_offerings(pair.hu for pair in pairs)
        _insert_cluster_groups(pair.hu for pair in pairs)
        _insert_redirects(pairs, now)
        _insert_references(pages)
        _insert_translation_rows(pairs, locales["hu"], locales["en"], now)
        for parent in {pair.parent.pk: pair.parent for pair in pairs}.values():
            invalidate(parent)
        for parent in {pair.english_parent.pk: pair.english_parent for pair in pairs}.values():
            invalidate(parent)
    return pages


# --- tree and page rows -------------------------------------------------------------------------


def _place_in_tree(pairs: list[Pair], locales: dict[str, Locale]) -> None:
    """Paths after each parent's last child; the parents' `numchild` raised in the database."""
    children: dict[int, list[Page]] = defaultdict(list)
    parents: dict[int, Page] = {}
    for pair in pairs:
        for page, parent, language in (
            (pair.hu, pair.parent, "hu"),
            (pair.en, pair.english_parent, "en"),
        ):
            page.locale = locales[language]
            children[parent.pk].append(page)
            parents[parent.pk] = parent
    for parent_pk, pages in children.items():
        parent = Page.objects.get(pk=parent_pk)
        last = parent.get_last_child()
        position = last._get_lastpos_in_path() if last else 0
        for page in pages:
            position += 1
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, position)
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.numchild = 0
        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + len(pages))
        parents[parent_pk].numchild = parent.numchild + len(pages)


def _insert_pages(pages: list[Page], now: dt.datetime) -> None:
    """Base rows first (ids come back), then each specific table's rows with `page_ptr_id`."""
    for page in pages:
        page.content_type = ContentType.objects.get_for_model(type(page))
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(rows, batch_size=200)
    by_model: dict[type, list[Page]] = defaultdict(list)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding = False
        by_model[type(page)].append(page)
    for model, objs in by_model.items():
        _insert_local_rows(model, objs)


def _insert_local_rows(model: type[models.Model], objs: list[models.Model]) -> None:
    """Insert only `model`'s own table (what `Model.save` does for the child of a multi-table
    model once its parent row exists), many rows per statement."""
    fields = list(model._meta.local_concrete_fields)
    size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
    for start in range(0, len(objs), size):
        model._base_manager._insert(objs[start : start + size], fields=fields, raw=False)


def _insert_runs(pages: list[Page]) -> None:
    """The pages' in-memory child rows (a training's runs), in the page's locale."""
    by_model: dict[type, list] = defaultdict(list)
    for page in pages:
        for run in page.runs.all() if hasattr(page, "runs") else ():
            run.page_id, run.locale_id = page.pk, page.locale_id
            by_model[type(run)].append(run)
    for model, runs in by_model.items():
        model.objects.bulk_create(runs, batch_size=500)


def _insert_revisions(pairs: list[Pair], now: dt.datetime) -> None:
    """One published revision per page; the pages' revision pointers set to it."""
    page_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for pair in pairs:
        for language, page in (("hu", pair.hu), ("en", pair.en)):
            revision = Revision(
                content_type=page.content_type,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=now,
                object_str=str(page),
                content=page.serializable_data(),
            )
            pair.revisions[language] = revision
            revisions.append(revision)
    Revision.objects.bulk_create(revisions, batch_size=200)
    rows = []
    for pair in pairs:
        for language, page in (("hu", pair.hu), ("en", pair.en)):
            page.latest_revision = page.live_revision = pair.revisions[language]
            rows.append(
                Page(
                    pk=page.pk,
                    latest_revision_id=pair.revisions[language].pk,
                    live_revision_id=pair.revisions[language].pk,
                )
            )
    Page.objects.bulk_update(rows, ["latest_revision", "live_revision"], batch_size=200)


def _insert_history(pairs: list[Pair], now: dt.datetime) -> None:
    """The history the editor path leaves: create and publish; for the English page also
    wagtail-localize's "copy for translation"."""
    entries = []
    for pair in pairs:
        hu, en = pair.hu, pair.en
        for page in (hu, en):
            entries.append(_log(page, "wagtail.create", now, label=hu.title))
        entries.append(
            _log(
                en,
                TRANSLATE_ACTION,
                now,
                label=hu.title,
                content_changed=False,
                data={
                    "page": {
                        "id": en.pk,
                        "title": hu.title,
                        "locale": {"id": en.locale_id, "language_code": "en"},
                    },
                    "source": {"id": pair.parent.pk, "title": pair.parent.title},
                    "destination": {
                        "id": pair.english_parent.pk,
                        "title": pair.english_parent.title,
                    },
                    "keep_live": False,
                    "source_locale": {"id": hu.locale_id, "language_code": "hu"},
                },
            )
        )
        for page, language in ((hu, "hu"), (en, "en")):
            entries.append(_log(page, "wagtail.publish", now, revision=pair.revisions[language]))
    PageLogEntry.objects.bulk_create(entries, batch_size=500)


def _log(page: Page, action: str, now: dt.datetime, **values: object) -> PageLogEntry:
    values.setdefault("label", page.title)
    values.setdefault("content_changed", True)
    values.setdefault("data", {})
    return PageLogEntry(
        page_id=page.pk, content_type=page.content_type, action=action, timestamp=now, **values
    )


# --- rows that the publication's receivers make -------------------------------------------------


def _insert_offerings(sources: Iterable[Page]) -> None:
    """What `sync_offerings_for_page` creates on the first publication: each offering the
    (source-language) page declares."""
    offerings = [
        Offering(
            translation_key=spec.translation_key,
            page_translation_key=page.translation_key,
            **spec.values(),
        )
        for page in sources
        if is_bookable(page)
        for spec in page.offering_specs()
    ]
    Offering.objects.bulk_create(offerings, batch_size=500)


def _insert_cluster_groups(sources: Iterable[Page]) -> None:
    """A group per Hungarian cluster page with its page permission, as
    `cluster_pages.roles.create_cluster_manager_group` makes at creation."""
    clusters = [page for page in sources if isinstance(page, ClusterProfilePage)]
    if not clusters:
        return
    groups = [Group(name=f"{CLUSTER_GROUP_PREFIX}{page.title}"[:150]) for page in clusters]
    taken = set(
        Group.objects.filter(name__in=[g.name for g in groups]).values_list("name", flat=True)
    )
    for page, group in zip(clusters, groups, strict=True):
        if group.name in taken:
            group.name = f"{CLUSTER_GROUP_PREFIX}{page.title}"[: 150 - len(f" ({page.pk})")]
            group.name += f" ({page.pk})"
    Group.objects.bulk_create(groups, batch_size=500)
    permissions = [
        permission(apps, PAGE_PERMISSION.format(kind=kind)) for kind in CLUSTER_PAGE_KINDS
    ]
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page.pk, permission=permission)
            for page, group in zip(clusters, groups, strict=True)
            for permission in permissions
        ],
        batch_size=500,
    )


def _insert_redirects(pairs: list[Pair], now: dt.datetime) -> None:
    """The redirect Wagtail makes from the copied (Hungarian) slug to the translated one."""
    redirects = []
    parts: dict[int, tuple] = {}
    for pair in pairs:
        parent = pair.english_parent
        if parent.pk not in parts:
            parts[parent.pk] = parent.specific.get_url_parts()
        if parts[parent.pk] is None or pair.hu.slug == pair.en.slug:
            continue
        site_id, _root, parent_path = parts[parent.pk]
        redirects.append(
            Redirect(
                old_path=Redirect.normalise_path(f"{parent_path}{pair.hu.slug}/"),
                site_id=site_id,
                is_permanent=True,
                redirect_page_id=pair.en.pk,
                automatically_created=True,
                created_at=now,
            )
        )
    Redirect.objects.bulk_create(redirects, batch_size=500)


def _insert_references(pages: list[Page]) -> None:
    """Wagtail's reference index of each page (what `ReferenceIndex.create_or_update_for_object`
    writes for a new object)."""
    page_type = ContentType.objects.get_for_model(Page)
    rows = [
        ReferenceIndex(
            content_type=page.content_type,
            base_content_type=page_type,
            object_id=str(page.pk),
            to_content_type_id=to_type,
            to_object_id=to_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.bulk_create(rows, batch_size=500)


# --- wagtail-localize ---------------------------------------------------------------------------


@dataclass
class _Segments:
    """The segment rows of one source, built before their foreign keys exist."""

    source: TranslationSource
    contexts: list[TranslationContext] = field(default_factory=list)
    rows: list[tuple[models.Model, TranslationContext]] = field(default_factory=list)
    strings: list[tuple[StringSegment, str]] = field(default_factory=list)


def _insert_translation_rows(pairs: list[Pair], hu: Locale, en: Locale, now: dt.datetime) -> None:
    """The rows `translate_instance` (cms.translation) makes through wagtail-localize: a source
    with its segments, a manual translation of each string, an enabled translation and its log."""
    page_type = ContentType.objects.get_for_model(Page)
    TranslatableObject.objects.bulk_create(
        [TranslatableObject(translation_key=p.hu.translation_key, content_type=page_type)
         for p in pairs],
        batch_size=500,
    )  # fmt: skip
    schema_versions: dict[str, str] = {}
    sources = []
    for pair in pairs:
        page = pair.hu
        label = page._meta.app_label
        if label not in schema_versions:
            schema_versions[label] = get_schema_version(label)
        sources.append(
            TranslationSource(
                object_id=page.translation_key,
                specific_content_type=page.content_type,
                locale=hu,
                object_repr=str(page)[:200],
                content_json=page.to_json(),
                schema_version=schema_versions[label],
                created_at=now,
                last_updated_at=now,
            )
        )
    TranslationSource.objects.bulk_create(sources, batch_size=200)

    extracted = [_segments(pair.hu, source) for pair, source in zip(pairs, sources, strict=True)]
    TranslationContext.objects.bulk_create(
        [context for one in extracted for context in one.contexts], batch_size=500
    )
    strings = _strings(hu, [text for one in extracted for _segment, text in one.strings])
    for one in extracted:
        for segment, text in one.strings:
            segment.string = strings[text]
        for row, context in one.rows:
            row.context = context
    for model in (StringSegment, TemplateSegment, OverridableSegment, RelatedObjectSegment):
        model.objects.bulk_create(
            [row for one in extracted for row, _c in one.rows if type(row) is model],
            batch_size=500,
        )

    translations = []
    for pair, one in zip(pairs, extracted, strict=True):
        english = translation_strings(pair.hu, pair.en)
        for segment, text in one.strings:
            translations.append(
                StringTranslation(
                    translation_of=segment.string,
                    locale=en,
                    context=segment.context,
                    data=english[text],
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    created_at=now,
                    updated_at=now,
                )
            )
    StringTranslation.objects.bulk_create(translations, batch_size=500)
    Translation.objects.bulk_create(
        [Translation(uuid=uuid.uuid4(), source=source, target_locale=en, created_at=now,
                     enabled=True) for source in sources],
        batch_size=500,
    )  # fmt: skip
    TranslationLog.objects.bulk_create(
        [TranslationLog(source=source, locale=en, revision=pair.revisions["en"], created_at=now)
         for pair, source in zip(pairs, sources, strict=True)],
        batch_size=500,
    )  # fmt: skip


def _segments(page: Page, source: TranslationSource) -> _Segments:
    """wagtail-localize's segments of `page`, as `TranslationSource.refresh_segments` makes
    them (unsaved)."""
    out = _Segments(source=source)
    contexts: dict[str, TranslationContext] = {}
    for value in extract_segments(page):
        context = contexts.get(value.path)
        if context is None:
            context = TranslationContext(
                object_id=page.translation_key,
                path=value.path,
                path_id=TranslationContext._get_path_id(value.path),
            )
            context.save = lambda **kwargs: None  # get_field_path would save it: not yet made
            context.get_field_path(page)
            del context.save
            contexts[value.path] = context
            out.contexts.append(context)
        common = {"source": source, "order": value.order}
        if isinstance(value, StringSegmentValue):
            row = StringSegment(attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder), **common)
            out.strings.append((row, value.string.data))
        elif isinstance(value, TemplateSegmentValue):
            row = TemplateSegment(template=Template.from_value(value), **common)
        elif isinstance(value, OverridableSegmentValue):
            row = OverridableSegment(
                data_json=json.dumps(value.data, cls=DjangoJSONEncoder), **common
            )
        elif isinstance(value, RelatedObjectSegmentValue):
            row = RelatedObjectSegment(
                object=TranslatableObject.objects.get_or_create(
                    content_type=value.content_type, translation_key=value.translation_key
                )[0],
                **common,
            )
        else:  # pragma: no cover - wagtail-localize has no other kind of segment
            raise TypeError(f"unknown segment {value!r}")
        out.rows.append((row, context))
    return out


def _strings(locale: Locale, texts: list[str]) -> dict[str, String]:
    """The `String` row of each text, shared with existing ones (wagtail-localize keeps one
    per locale and text), the missing ones created."""
    hashes = {text: String._get_data_hash(text) for text in texts}
    found: dict[uuid.UUID, String] = {}
    unique = list(set(hashes.values()))
    for start in range(0, len(unique), 500):
        for string in String.objects.filter(
            locale=locale, data_hash__in=unique[start : start + 500]
        ):
            found[string.data_hash] = string
    missing = {h: text for text, h in hashes.items() if h not in found}
    created = [String(locale=locale, data_hash=h, data=text) for h, text in missing.items()]
    String.objects.bulk_create(created, batch_size=500)
    found.update({string.data_hash: string for string in created})
    return {text: found[h] for text, h in hashes.items()}
