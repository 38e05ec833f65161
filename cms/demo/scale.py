"""The scale data set (`manage.py seed_scale --pages N`): a large bilingual site for benchmarks.

Contract:
- N pages in all (N rounded down to an even number): N/2 Hungarian source pages, spread in
  turn over cluster profiles, trainings and events under the demo's three index pages
  (`seed_skeleton` creates the home and index pages when missing), and N/2 English
  translations of them. The index and home pages are not counted.
- Each English page is made by wagtail-localize, the editor's way (`translate_instance`): a
  `TranslationSource` with its `String` and `StringSegment` rows, a `Translation` to English
  and a manual `StringTranslation` per segment; then published. So the data set has exactly the
  rows a translator's work leaves, and the benchmarks measure the same tables as production.
- Every cluster has its own logo (a generated PNG, a Wagtail image); every event gets
  `BOOKINGS_PER_EVENT` confirmed bookings (written as stored rows, without e-mails: the
  booking engine's rules and jobs are not what this data set measures).
- Idempotent: pages are keyed by their Hungarian slug (`scale-<kind>-<number>`), translations
  by the source's translation key, images by title, bookings by reference. A second run (or a
  run after an interrupted one) creates only what is missing; a larger N adds pages.
- Pages are created in batches of `BATCH` in one transaction each: an interrupted run leaves
  whole batches (a Hungarian page and its translation together, as wagtail-localize publishes
  the English page on commit, right after the batch).
- Neither the search index nor Wagtail's reference index ("usage" of images and snippets) is
  updated at each save while seeding (Wagtail's signal handlers would rewrite them at every
  save of a page, its revisions and its translation: a fifth of the time); both are written
  once per page at the end, as `update_index` and `rebuild_references_index` would.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import reset_queries, transaction
from django.db.models import QuerySet
from django.test import override_settings
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from cluster_pages.models import ClusterProfilePage, County
from cms.demo.bilingual import T, pick, translation_strings
from cms.demo.data import block
from cms.demo.logos import LogoSpec, draw_logo
from cms.demo.seed import seed_skeleton
from cms.translation import translate_instance
from event_booking.models import Booking, BookingStatus, EventKind, EventPage, Offering
from training_catalog.models import TrainingPage, TrainingRun

KINDS = ("cluster", "training", "event")
SLUG_PREFIX = "scale-"
BATCH = 25
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

    with _search_index_paused(), disable_reference_index_auto_update():
        wanted = [Plan(number) for number in range(pages // 2)]
        existing = set(
            Page.objects.filter(locale=clusters.locale, slug__startswith=SLUG_PREFIX).values_list(
                "slug", flat=True
            )
        )
        missing = [plan for plan in wanted if plan.slug not in existing]
        for done, batch in _batches(missing):
            with transaction.atomic():
                for plan in batch:
                    _create_page(plan, parents[plan.kind], today, created)
            reset_queries()
            progress("pages", done, len(missing))

        untranslated = _untranslated_sources(clusters)
        for done, batch in _batches(untranslated):
            with transaction.atomic():
                for page in batch:
                    _translate(page.specific)
                    created["translations"] += 1
            reset_queries()
            progress("translations", done, len(untranslated))

    created["bookings"] += _book_events(events, progress)
    if created["pages"] or created["translations"]:
        progress("indexes", 0, 1)
        _update_indexes()
        progress("indexes", 1, 1)
    return created


def _batches(items: list) -> Iterator[tuple[int, list]]:
    for start in range(0, len(items), BATCH):
        yield min(start + BATCH, len(items)), items[start : start + BATCH]


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


def _update_indexes() -> None:
    """Index the scale pages (both languages) for search and for Wagtail's reference index."""
    backend = get_search_backend()
    for model in _MODELS.values():
        queryset = model.get_indexed_objects().filter(slug__startswith=SLUG_PREFIX)
        for chunk in _chunks(queryset.order_by("pk")):
            backend.add_bulk(model, chunk)
            for page in chunk:
                ReferenceIndex.create_or_update_for_object(page)
            reset_queries()


def _chunks(queryset: QuerySet, size: int = 500) -> Iterator[list]:
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


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


def _create_page(plan: Plan, parent: Page, today: dt.date, created: Counter) -> None:
    """Create and publish the Hungarian page, then translate it (in the caller's transaction)."""
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
    _translate(page, fields)
    created["translations"] += 1


def _translate(page: Page, fields: dict | None = None) -> None:
    """The English translation through wagtail-localize (published on commit)."""
    if fields is None:
        # Only the texts of `fields` are used (the translation's segments): the page's own
        # dates stay as they are.
        fields = _fields(Plan(int(page.slug.rsplit("-", 1)[1])), timezone.localdate())
    shadow = type(page)(**pick(fields, "en"))
    translate_instance(
        instance=page, locale_code="en", strings=translation_strings(page, shadow), publish=True
    )


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
