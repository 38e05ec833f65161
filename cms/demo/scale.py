"""The scale data set (`manage.py seed_scale --pages N`): a large bilingual site for benchmarks.

Contract:
- N pages in all (N rounded down to an even number): N/2 Hungarian source pages, spread in
  turn over cluster profiles, trainings and events under the demo's three index pages
  (`seed_skeleton` creates the home and index pages when missing), and N/2 English
  translations of them. The index and home pages are not counted.
- The first page of each kind (pages 0, 1 and 2) and its English translation are made the
  editor's way, through Wagtail's and wagtail-localize's own code: created and published, then
  translated (`translate_instance`: a `TranslationSource` with its segments, an enabled
  `Translation` to English and a manual `StringTranslation` per segment) and published. All
  the others are written by the bulk path (`cms.demo.scale_bulk`, a few queries per batch of
  `BULK_BATCH` pairs instead of ~400 per pair) with the same rows, computed by
  wagtail-localize's own segment extraction from the built page; the test compares them page
  by page with the editor-made page of the same kind. So the benchmarks read the same tables
  as production.
- Every cluster has its own logo (a generated PNG, a Wagtail image); every event gets
  `BOOKINGS_PER_EVENT` confirmed bookings (written as stored rows, without e-mails: the
  booking engine's rules and jobs are not what this data set measures).
- Idempotent: pages are keyed by their Hungarian slug (`scale-<kind>-<number>`), translations
  by the source's translation key, images by title, bookings by reference. A second run (or a
  run after an interrupted one) creates only what is missing; a larger N adds pages.
- Each batch is one transaction holding both languages of its pages, so an interrupted run
  leaves whole pairs (a Hungarian page left without its translation by an interrupted
  editor-path run is translated the editor's way by the next run).
- Neither the search index nor Wagtail's reference index ("usage" of images and snippets) is
  updated at each save while seeding (Wagtail's signal handlers would rewrite them at every
  save). The search index gets the pages created now once at the end, in chunks, as
  `update_index` would; the reference index is written by the bulk path with the pages, and
  once per page at the end for the editor-made ones.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connection, reset_queries, transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from cluster_pages.models import ClusterProfilePage, County
from cms.demo.bilingual import T, pick, translation_strings
from cms.demo.data import block
from cms.demo.logos import LogoSpec, draw_logo
from cms.demo.scale_bulk import Pair, create_pairs
from cms.demo.seed import seed_skeleton
from cms.translation import translate_instance
from event_booking.models import Booking, BookingStatus, EventKind, EventPage, Offering
from training_catalog.models import TrainingPage, TrainingRun

KINDS = ("cluster", "training", "event")
SLUG_PREFIX = "scale-"
BATCH = 25
BULK_BATCH = 250
INDEX_CHUNK = 500
# The first page of each kind is made the editor's way (the reference the bulk path copies).
REFERENCE_PAGES = len(KINDS)
BOOKINGS_PER_EVENT = 3
EVENT_CAPACITY = 40
REFERENCE_PREFIX = "SC"
COLOURS = ("#0b5394", "#38761d", "#990000", "#b45f06", "#674ea7", "#134f5c")
COUNTIES = tuple(County)
EVENT_KINDS = (EventKind.BUSINESS_BROKERAGE, EventKind.SEMINAR, EventKind.INTERNATIONAL)

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called after each batch."""


@dataclass(frozen=True)
class Plan:
    """Which Hungarian page number `number` is: its kind and slug."""

    number: int

    @property
    def kind(self) -> str:
        return KINDS[self.number % len(KINDS)]

    @property
    def slug(self) -> str:
        return f"{SLUG_PREFIX}{self.kind}-{self.number:05d}"


def seed_scale(*, pages: int, progress: Progress | None = None) -> Counter:
    """Create what is missing of the scale data set of `pages` pages (see the module docstring).

    Args:
        pages: the number of pages wanted (Hungarian sources plus English translations).
        progress: told after each batch how far each stage is.

    Returns:
        What was created now: pages, translations, images, bookings (all zero on a re-run).
    """
    if pages < 0:
        raise ValueError("pages must not be negative")
    progress = progress or (lambda stage, done, total: None)
    created: Counter = Counter(pages=0, translations=0, images=0, bookings=0)
    skeleton: Counter = Counter()
    _home, clusters, trainings, events = seed_skeleton(skeleton)
    parents = {"cluster": clusters, "training": trainings, "event": events}
    today = timezone.localdate()
    # Pages saved one by one (the editor path) need their reference index written at the end;
    # the bulk path writes it with the pages.
    saved_one_by_one: list[Page] = []
    saved_in_bulk: list[tuple[type, int]] = []  # (model, pk): the batches' instances are let go

    with _search_index_paused(), disable_reference_index_auto_update():
        wanted = [Plan(number) for number in range(pages // 2)]
        existing = set(
            Page.objects.filter(locale=clusters.locale, slug__startswith=SLUG_PREFIX).values_list(
                "slug", flat=True
            )
        )
        missing = [plan for plan in wanted if plan.slug not in existing]
        reference = [plan for plan in missing if plan.number < REFERENCE_PAGES]
        bulk = [plan for plan in missing if plan.number >= REFERENCE_PAGES]
        with transaction.atomic():
            for plan in reference:
                saved_one_by_one.extend(_create_page(plan, parents[plan.kind], today, created))
        english = {kind: parent.get_translation(_english()) for kind, parent in parents.items()}
        for done, batch in _batches(bulk, BULK_BATCH):
            pairs = [_pair(plan, parents, english, today, created) for plan in batch]
            saved_in_bulk.extend((type(page), page.pk) for page in create_pairs(pairs))
            created["pages"] += len(pairs)
            created["translations"] += len(pairs)
            reset_queries()
            progress("pages", len(reference) + done, len(missing))
        if not bulk and reference:
            progress("pages", len(reference), len(missing))

        untranslated = _untranslated_sources(clusters)
        for done, batch in _batches(untranslated):
            with transaction.atomic():
                for page in batch:
                    saved_one_by_one.append(_translate(page.specific))
                    created["translations"] += 1
            reset_queries()
            progress("translations", done, len(untranslated))

    created["bookings"] += _book_events(events, progress)
    if saved_one_by_one or saved_in_bulk:
        progress("indexes", 0, 1)
        _update_indexes(saved_one_by_one, saved_in_bulk)
        progress("indexes", 1, 1)
    return created


def _batches(items: list, size: int = BATCH) -> Iterator[tuple[int, list]]:
    for start in range(0, len(items), size):
        yield min(start + size, len(items)), items[start : start + size]


@contextmanager
def _search_index_paused() -> Iterator[None]:
    backends = {
        name: {**config, "AUTO_UPDATE": False}
        for name, config in getattr(
            settings,
            "WAGTAILSEARCH_BACKENDS",
            {"default": {"BACKEND": "wagtail.search.backends.database"}},
        ).items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield


def _update_indexes(saved_one_by_one: list[Page], saved_in_bulk: list[tuple[type, int]]) -> None:
    """Index the pages created now (both languages) for search, as `update_index` would, and
    write Wagtail's reference index of those the editor path saved (the bulk path wrote it)."""
    backend = get_search_backend()
    ids: dict[type, list[int]] = {}
    for model, pk in [
        *((type(p.specific_deferred), p.pk) for p in saved_one_by_one),
        *saved_in_bulk,
    ]:
        ids.setdefault(model, []).append(pk)
    for model, pks in ids.items():
        for start in range(0, len(pks), INDEX_CHUNK):
            chunk = model.get_indexed_objects().filter(pk__in=pks[start : start + INDEX_CHUNK])
            backend.add_bulk(model, list(chunk))
            reset_queries()
    with transaction.atomic():
        for page in saved_one_by_one:
            ReferenceIndex.create_or_update_for_object(page.specific)


# --- pages --------------------------------------------------------------------------------------


def _fields(plan: Plan, today: dt.date) -> dict:
    """The page's fields, each text in both languages (`T(hu, en)`)."""
    n = plan.number
    paragraph = block(
        "paragraph",
        T(
            f"<p>A(z) {n}. oldal leírása: tagok, szolgáltatások és közös projektek a régióban.</p>",
            f"<p>Description of page {n}: members, services and joint projects in the region.</p>",
        ),
    )
    if plan.kind == "cluster":
        return {
            "title": T(f"Skála klaszter {n}", f"Scale cluster {n}"),
            "slug": T(plan.slug, f"{plan.slug}-en"),
            "summary": T(f"A(z) {n}. klaszter összefoglalója.", f"Summary of cluster {n}."),
            "description": [paragraph],
            "county": COUNTIES[n % len(COUNTIES)],
            "city": "Debrecen",
            "founding_year": 2000 + n % 25,
            "members_companies": 10 + n % 40,
            "members_research": n % 5,
            "members_public_other": n % 3,
            "contact_email": f"klaszter{n}@example.org",
        }
    if plan.kind == "training":
        return {
            "title": T(f"Skála képzés {n}", f"Scale training {n}"),
            "slug": T(plan.slug, f"{plan.slug}-en"),
            "summary": T(f"A(z) {n}. képzés összefoglalója.", f"Summary of training {n}."),
            "price_eur": Decimal(200 + n % 5 * 100),
        }
    start = timezone.make_aware(
        dt.datetime.combine(today + dt.timedelta(days=7 + n % 365), dt.time(9, 0))
    )
    return {
        "title": T(f"Skála rendezvény {n}", f"Scale event {n}"),
        "slug": T(plan.slug, f"{plan.slug}-en"),
        "kind": EVENT_KINDS[n % len(EVENT_KINDS)],
        "description": [paragraph],
        "start": start,
        "end": start + dt.timedelta(hours=6),
        "capacity": EVENT_CAPACITY,
    }


_MODELS = {"cluster": ClusterProfilePage, "training": TrainingPage, "event": EventPage}


def _create_page(plan: Plan, parent: Page, today: dt.date, created: Counter) -> list[Page]:
    """Create and publish the Hungarian page, then translate it (in the caller's transaction),
    the editor's way; returns both pages."""
    fields = _fields(plan, today)
    page = _MODELS[plan.kind](**pick(fields, "hu"))
    if plan.kind == "cluster":
        page.logo, new = _logo(plan)
        created["images"] += new
    if plan.kind == "training":
        start = today + dt.timedelta(days=14 + plan.number % 300)
        page.runs.add(
            TrainingRun(
                start_date=start, end_date=start + dt.timedelta(days=1), online=True, seats=12
            )
        )
    parent.add_child(instance=page)
    page.save_revision().publish()
    created["pages"] += 1
    translated = _translate(page, fields)
    created["translations"] += 1
    return [page, translated]


def _translate(page: Page, fields: dict | None = None) -> Page:
    """The English translation through wagtail-localize (published on commit)."""
    if fields is None:
        # Only the texts of `fields` are used (the translation's segments): the page's own
        # dates stay as they are.
        fields = _fields(Plan(int(page.slug.rsplit("-", 1)[1])), timezone.localdate())
    shadow = type(page)(**pick(fields, "en"))
    return translate_instance(
        instance=page, locale_code="en", strings=translation_strings(page, shadow), publish=True
    )


def _pair(
    plan: Plan, parents: dict[str, Page], english: dict[str, Page], today: dt.date, created: Counter
) -> Pair:
    """The Hungarian page of `plan` and its English translation, built in memory for the bulk
    path: the same fields as the editor path gives them (`_fields`), one translation key."""
    fields = _fields(plan, today)
    model = _MODELS[plan.kind]
    hu, en = model(**pick(fields, "hu")), model(**pick(fields, "en"))
    en.translation_key = hu.translation_key
    if plan.kind == "cluster":
        hu.logo, new = _logo(plan)
        en.logo = hu.logo
        created["images"] += new
    if plan.kind == "training":
        start = today + dt.timedelta(days=14 + plan.number % 300)
        key = uuid.uuid4()
        for page in (hu, en):
            page.runs = [
                TrainingRun(
                    translation_key=key,
                    start_date=start,
                    end_date=start + dt.timedelta(days=1),
                    online=True,
                    seats=12,
                )
            ]
    return Pair(hu=hu, en=en, parent=parents[plan.kind], english_parent=english[plan.kind])


def _english() -> Locale:
    return Locale.objects.get(language_code="en")


def _untranslated_sources(index: Page) -> list[Page]:
    """The Hungarian scale pages that have no English translation yet (an interrupted run)."""
    english_keys = Page.objects.filter(
        locale__language_code="en", slug__startswith=SLUG_PREFIX
    ).values("translation_key")
    return list(
        Page.objects.filter(locale=index.locale, slug__startswith=SLUG_PREFIX)
        .exclude(translation_key__in=english_keys)
        .order_by("pk")
    )


def _logo(plan: Plan) -> tuple:
    image_model = get_image_model()
    title = f"Skála klaszter {plan.number} – logó"
    existing = image_model.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing, False
    spec = LogoSpec(initials=f"S{plan.number % 100}", background=COLOURS[plan.number % 6])
    image = image_model(title=title, description=f"Skála klaszter {plan.number}")
    image.file = ImageFile(io.BytesIO(draw_logo(spec)), name=f"logo-{plan.slug}.png")
    image._set_image_file_metadata()
    image.save()
    return image, True


# --- bookings -----------------------------------------------------------------------------------


def _book_events(events: Page, progress: Progress) -> int:
    """`BOOKINGS_PER_EVENT` confirmed bookings on each scale event's offering that has none."""
    keys = EventPage.objects.filter(locale=events.locale, slug__startswith=SLUG_PREFIX).values(
        "translation_key"
    )
    offerings = list(
        Offering.objects.filter(page_translation_key__in=keys)
        .exclude(bookings__reference__startswith=REFERENCE_PREFIX)
        .order_by("pk")
    )
    now = timezone.now()
    created = 0
    for done, batch in _batches(offerings):
        rows = [
            Booking(
                reference=f"{REFERENCE_PREFIX}{offering.pk:09d}{seat:02d}",
                offering=offering,
                status=BookingStatus.CONFIRMED,
                seats=1,
                language="hu" if seat % 2 else "en",
                name=f"Skála Vendég {offering.pk}-{seat}",
                email=f"scale{offering.pk}-{seat}@example.org",
                amount_due=offering.fee,
                currency=offering.currency,
                confirmed_at=now,
            )
            for offering in batch
            for seat in range(BOOKINGS_PER_EVENT)
        ]
        Booking.objects.bulk_create(rows)
        created += len(rows)
        progress("bookings", done, len(offerings))
    return created


def refresh_planner_statistics() -> str | None:
    """`VACUUM ANALYZE` the database on PostgreSQL (only `ANALYZE` inside a transaction, where
    VACUUM cannot run); the statement that ran, or None.

    After a bulk load PostgreSQL's planner still believes the tables are as small as they were
    (autovacuum analyses them later, or never where it is off, as on this project's benchmark
    machine), and plans the listings and the routing query of 20,000 pages as for a handful.
    The VACUUM marks the new rows all-visible, as autovacuum would: until then an index-only
    scan (an API listing's count, migration cms 0007) still reads every row it counts.
    SQLite's planner works without statistics (tests/site/test_query_plans.py relies on its
    plans without them), so nothing is done there.
    """
    if connection.vendor != "postgresql":
        return None
    statement = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(statement)
    return statement
