"""Offerings: the bookable side of event pages and training runs, upserted on publish.

An offering exists once across languages. Its key is the translation key that every locale's
row of the event page (or of the training run) shares, so the Hungarian and English pages sell
the same seats, and a booking survives wagtail-localize rewriting the per-locale rows.

Where the facts come from (always the *source-language* live page, so that publishing a stale
English translation cannot overwrite a newer Hungarian capacity; when the Hungarian page is not
live, the live page that was published):

* event page: capacity, maximum seats per booking, fee, registration opens/closes, start/end.
  `registration_closes` empty means "until the event starts"; the offering stores the
  effective deadline (`registration_closes or start`).
* training run: capacity = the run's seats; fee and maximum seats per booking from the
  training page; registration has no opening time and closes at the run's
  `registration_closes`, or else at midnight (Europe/Budapest) at the end of the day before
  the first day. A run has dates only, so `starts_at` is midnight of the first day and
  `ends_at` midnight after the last day.

Life cycle: `sync_offerings_for_page` runs on every `page_published` of an event or training
page (see `event_booking.receivers`); it creates or updates the offerings, deactivates the
offerings of runs that were removed, reopens a registration whose deadline moved into the
future, and promotes the waiting list when the capacity grew. `page_removed` runs when a page
is unpublished or deleted: the offerings stay active while any translation is still live and
are deactivated once none is. Bookings are never deleted with an offering.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from event_booking.models import EventPage, Offering, OfferingKind
from event_booking.services.errors import InvalidBooking, NotBookable, RegistrationClosed

#: Test-only switch. The concurrency control test turns the row lock off to prove that the
#: test can see an oversell; production code never changes it.
ROW_LOCK_ENABLED = True


@dataclass(frozen=True)
class ResolvedOffering:
    """What a booking request points at: the offering and the page (and run) it came through."""

    offering: Offering
    page: Page
    run_id: int | None = None


def lock_offering(*, offering_id: int) -> Offering:
    """Take the row lock of an offering and return the fresh row.

    Every change of seats (booking, cancelling, promoting) first takes this lock, so checks
    and writes of one offering happen one transaction at a time (PostgreSQL: `SELECT ... FOR
    UPDATE`; SQLite has no row locks, but the settings open every transaction with `BEGIN
    IMMEDIATE`, which serialises writers). Lock order is always offering, then booking.

    Raises:
        RuntimeError: when called outside a transaction (the lock would end at once).
        Offering.DoesNotExist: no such offering.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("lock_offering() must run inside transaction.atomic().")
    queryset = Offering.objects.all()
    if ROW_LOCK_ENABLED:
        queryset = queryset.select_for_update()
    return queryset.get(pk=offering_id)


def _budapest_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _source_page(page: Page) -> Page:
    """The live source-language (default locale) translation of `page`, or `page` itself."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = page.get_translations(inclusive=False).live().filter(locale=default).specific().first()
    return source or page


def _upsert(*, translation_key: object, page_key: object, values: dict) -> Offering:
    """Create or update one offering; reopen, and promote after a capacity increase."""
    from event_booking.services.waitlist import promote_waitlist_locked

    now = timezone.now()
    with transaction.atomic():
        offering = (
            Offering.objects.select_for_update().filter(translation_key=translation_key).first()
        )
        if offering is None:
            return Offering.objects.create(
                translation_key=translation_key, page_translation_key=page_key, **values
            )
        old_capacity = offering.capacity
        old_closes = offering.registration_closes
        for name, value in values.items():
            setattr(offering, name, value)
        offering.page_translation_key = page_key
        offering.is_active = True
        new_closes = offering.registration_closes
        if (
            offering.closed_at
            and new_closes != old_closes
            and (new_closes is None or new_closes > now)
        ):
            offering.closed_at = None
        offering.save()
        grew = offering.capacity is None or (
            old_capacity is not None and offering.capacity > old_capacity
        )
        if grew:
            promote_waitlist_locked(offering)
        return offering


def sync_offerings_for_page(*, page: Page) -> list[Offering]:
    """Create or update the offerings of a published event or training page.

    Idempotent; call it with any locale's page (the source-language live page is read).
    Returns the page's active offerings (one for an event, one per run for a training), or
    an empty list for a page that is not bookable.
    """
    from training_catalog.models import TrainingPage

    page = page.specific
    if not isinstance(page, EventPage | TrainingPage):
        return []
    source = _source_page(page).specific
    if isinstance(source, EventPage):
        return [
            _upsert(
                translation_key=source.translation_key,
                page_key=source.translation_key,
                values={
                    "kind": OfferingKind.EVENT,
                    "title": source.title[:255],
                    "capacity": source.capacity,
                    "max_seats_per_booking": source.max_seats_per_booking,
                    "registration_opens": source.registration_opens,
                    "registration_closes": source.registration_closes or source.start,
                    "starts_at": source.start,
                    "ends_at": source.end,
                    "fee": source.fee,
                    "currency": "EUR",
                },
            )
        ]
    offerings = []
    with transaction.atomic():
        runs = list(source.runs.all().order_by("start_date", "pk"))
        for run in runs:
            closes = run.registration_closes or _budapest_midnight(run.start_date)
            title = f"{source.title[:200]}: {run.start_date:%Y-%m-%d} – {run.end_date:%Y-%m-%d}"
            offerings.append(
                _upsert(
                    translation_key=run.translation_key,
                    page_key=source.translation_key,
                    values={
                        "kind": OfferingKind.TRAINING_RUN,
                        "title": title,
                        "capacity": run.seats,
                        "max_seats_per_booking": source.max_seats_per_booking,
                        "registration_opens": None,
                        "registration_closes": closes,
                        "starts_at": _budapest_midnight(run.start_date),
                        "ends_at": _budapest_midnight(run.end_date + dt.timedelta(days=1)),
                        "fee": source.price_eur,
                        "currency": "EUR",
                    },
                )
            )
        Offering.objects.filter(page_translation_key=source.translation_key).exclude(
            translation_key__in=[run.translation_key for run in runs]
        ).update(is_active=False)
    return offerings


def page_removed(*, page: Page) -> int:
    """A bookable page was unpublished or deleted: deactivate its offerings unless another
    translation of it is still live (then re-sync from that one). Returns how many offerings
    were deactivated. Bookings are kept; organisers decide what to tell the bookers."""
    still_live = (
        Page.objects.live().filter(translation_key=page.translation_key).exclude(pk=page.pk).first()
    )
    if still_live is not None:
        sync_offerings_for_page(page=still_live)
        return 0
    return Offering.objects.filter(
        page_translation_key=page.translation_key, is_active=True
    ).update(is_active=False)


def _offering_for_key(translation_key: object, page: Page) -> Offering:
    offering = Offering.objects.filter(translation_key=translation_key).first()
    if offering is None:
        # A page published before this engine existed (or by a path that sent no signal).
        try:
            sync_offerings_for_page(page=page)
        except IntegrityError:  # a concurrent request created it first
            pass
        offering = Offering.objects.filter(translation_key=translation_key).first()
    if offering is None:
        raise NotBookable()
    if not offering.is_active:
        raise RegistrationClosed()
    return offering


def _is_private(page: Page) -> bool:
    """Whether `page` or an ancestor has a view restriction (one query)."""
    from wagtail.models import PageViewRestriction

    steplen = Page.steplen
    ancestor_paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(page__path__in=ancestor_paths).exists()


def _live_bookable_page(page_id: int) -> Page:
    """The live, public event or training page `page_id`, with its locale (2-3 queries).

    Raises:
        NotBookable: no live public page has this id, or it is not an event or training.
    """
    from training_catalog.models import TrainingPage

    for model in (EventPage, TrainingPage):
        page = model.objects.live().select_related("locale").filter(pk=page_id).first()
        if page is not None:
            if _is_private(page):
                break
            return page
    else:
        if Page.objects.live().filter(pk=page_id).exists():
            raise NotBookable()
    raise NotBookable(_("There is no published page with this id."))


def resolve_offering(*, page_id: int, run_id: int | None = None) -> ResolvedOffering:
    """Find what a booking request for `page_id` (and `run_id`) books.

    `page_id` is the id of a live, public event or training page in either language.
    `run_id` is the id of one of the training's runs (either language's row); it may be left
    out when the training has exactly one run open for registration.

    Raises:
        NotBookable (field "page"): no such live page, or not an event or training page, or a
            training without runs.
        InvalidBooking (field "run"): a run given for an event, a run that is not this
            training's, or no run given while several are open.
        RegistrationClosed: the offering is deactivated, or no run of the training is open.
    """
    from event_booking.services.availability import is_open
    from training_catalog.models import TrainingPage, TrainingRun

    page = _live_bookable_page(page_id)
    if isinstance(page, EventPage):
        if run_id is not None:
            raise InvalidBooking(_("An event has no runs; leave this empty."), field="run")
        return ResolvedOffering(offering=_offering_for_key(page.translation_key, page), page=page)
    if not isinstance(page, TrainingPage):
        raise NotBookable()
    if run_id is not None:
        run = TrainingRun.objects.filter(
            pk=run_id, page__translation_key=page.translation_key
        ).first()
        if run is None:
            raise InvalidBooking(_("This run does not belong to this training."), field="run")
        offering = _offering_for_key(run.translation_key, page)
        return ResolvedOffering(offering=offering, page=page, run_id=run.pk)
    runs = list(page.runs.all())
    if not runs:
        raise NotBookable(_("This training has no scheduled runs."))
    offerings = {
        o.translation_key: o
        for o in Offering.objects.filter(translation_key__in=[run.translation_key for run in runs])
    }
    if len(offerings) < len(runs):
        sync_offerings_for_page(page=page)
        offerings = {
            o.translation_key: o
            for o in Offering.objects.filter(
                translation_key__in=[run.translation_key for run in runs]
            )
        }
    now = timezone.now()
    open_runs = [
        run
        for run in runs
        if run.translation_key in offerings and is_open(offerings[run.translation_key], now=now)
    ]
    if len(open_runs) > 1:
        raise InvalidBooking(_("This training has several open runs: choose one."), field="run")
    if not open_runs:
        raise RegistrationClosed(_("No run of this training is open for registration."))
    run = open_runs[0]
    return ResolvedOffering(offering=offerings[run.translation_key], page=page, run_id=run.pk)
