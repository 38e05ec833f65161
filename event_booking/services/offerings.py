"""Offerings: the bookable side of event pages and training runs, upserted on publish.

An offering exists once across languages. Its key is the translation key that every locale's
row of the event page (or of the training run) shares, so the Hungarian and English pages sell
the same seats, and a booking survives wagtail-localize rewriting the per-locale rows.

Where the facts come from: the page declares them (`BookablePage.offering_specs`, see
`event_booking.bookable`; an event sells one offering, a training one per run), always read
from the *source-language* live page, so that publishing a stale English translation cannot
overwrite a newer Hungarian capacity (when the Hungarian page is not live, the live page that
was published).

Life cycle: `sync_offerings_for_page` runs on every `page_published` of a bookable page (see
`event_booking.receivers`); it creates or updates the offerings, deactivates the
offerings of runs that were removed, reopens a registration whose deadline moved into the
future, and promotes the waiting list when the capacity grew. `page_removed` runs when a page
is unpublished or deleted: the offerings stay active while any translation is still live and
are deactivated once none is. Bookings are never deleted with an offering. Reading never
creates: a page whose offering does not exist (yet) is not bookable (`resolve_offering`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.visibility import is_public, public
from event_booking.bookable import BookablePage, OfferingSpec, bookable_models, is_bookable
from event_booking.models import Offering
from event_booking.services.availability import is_open
from event_booking.services.errors import InvalidBooking, NotBookable, RegistrationClosed
from event_booking.services.waitlist import promote_waitlist_locked


@dataclass(frozen=True)
class ResolvedOffering:
    """What a booking request points at: the offering and the page (and run) it came through."""

    offering: Offering
    page: Page
    run_id: int | None = None


def upcoming(*, now: dt.datetime | None = None, via: str = "") -> Q:
    """The filter "upcoming offering": it has not ended (one without an end: not started),
    or it has no date at all. The one definition the organiser screens and the privacy
    service share; `via` is the path to the offering (e.g. "offering__" from bookings)."""
    now = now or timezone.now()
    not_over = Q(**{f"{via}ends_at__gte": now}) | Q(
        **{f"{via}ends_at__isnull": True, f"{via}starts_at__gte": now}
    )
    undated = Q(**{f"{via}starts_at__isnull": True, f"{via}ends_at__isnull": True})
    return not_over | undated


def _source_page(page: Page) -> Page:
    """The live source-language (default locale) translation of `page`, or `page` itself."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = page.get_translations(inclusive=False).live().filter(locale=default).specific().first()
    return source or page


def _upsert(*, spec: OfferingSpec, page_key: object) -> Offering:
    """Create or update one offering; reopen, and promote after a capacity increase."""
    now = timezone.now()
    values = spec.values()
    with transaction.atomic():
        offering = (
            Offering.objects.select_for_update()
            .filter(translation_key=spec.translation_key)
            .first()
        )
        if offering is None:
            return Offering.objects.create(
                translation_key=spec.translation_key, page_translation_key=page_key, **values
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
    """Create or update the offerings of a published bookable page.

    Idempotent; call it with any locale's page (the source-language live page is read).
    Returns the page's active offerings (one for an event, one per run for a training), or
    an empty list for a page that is not bookable. Offerings the page no longer declares
    (a removed run) are deactivated.
    """
    page = page.specific
    if not is_bookable(page):
        return []
    source = _source_page(page).specific
    with transaction.atomic():
        specs = source.offering_specs()
        offerings = [_upsert(spec=spec, page_key=source.translation_key) for spec in specs]
        Offering.objects.filter(page_translation_key=source.translation_key).exclude(
            translation_key__in=[spec.translation_key for spec in specs]
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


def _offering_for_key(translation_key: object) -> Offering:
    offering = Offering.objects.filter(translation_key=translation_key).first()
    if offering is None:  # published by a path that sent no signal: not bookable until then
        raise NotBookable()
    if not offering.is_active:
        raise RegistrationClosed()
    return offering


def live_bookable_page(page_id: int, *, shown: BookablePage | None = None) -> BookablePage:
    """The live, public bookable page `page_id`, specific, with its locale.

    `shown`: the page itself, as the page being shown holds it (its booking form): taken
    when it is that page, live, public and bookable, without reading it again.

    Raises:
        NotBookable: no live public page has this id, or it is not a bookable page type.
    """
    if (
        shown is not None
        and shown.pk == page_id
        and shown.live
        and isinstance(shown, tuple(bookable_models()))
        and is_public(shown)
    ):
        return shown
    for model in bookable_models():
        page = public(model.objects.live()).select_related("locale").filter(pk=page_id).first()
        if page is not None:
            return page
    if public(Page.objects.live()).filter(pk=page_id).exists():
        raise NotBookable()
    raise NotBookable(_("There is no published page with this id."))


def resolve_offering(
    *, page_id: int, run_id: int | None = None, shown: BookablePage | None = None
) -> ResolvedOffering:
    """Find what a booking request for `page_id` (and `run_id`) books. Read-only.

    `page_id` is the id of a live, public bookable page in either language. `run_id` is the
    id of one of the page's options (a training run: either language's row); it may be left
    out when exactly one option is open for registration. `shown`: the page as the caller
    shows it (`live_bookable_page`).

    Raises:
        NotBookable (field "page"): no such live public page, not bookable, no options, or
            its offering does not exist.
        InvalidBooking (field "run"): a run given for an event, a run that is not this
            training's, or no run given while several are open.
        RegistrationClosed: the offering is deactivated, or no run of the training is open.
    """
    page = live_bookable_page(page_id, shown=shown)
    if not page.offers_choice:
        if run_id is not None:
            raise InvalidBooking(_("An event has no runs; leave this empty."), field="run")
        return ResolvedOffering(offering=_offering_for_key(page.translation_key), page=page)
    if run_id is not None:
        key = page.offering_key_for(run_id)
        if key is None:
            raise InvalidBooking(_("This run does not belong to this training."), field="run")
        return ResolvedOffering(offering=_offering_for_key(key), page=page, run_id=run_id)
    options = page.bookable_options()
    if not options:
        raise NotBookable(_("This training has no scheduled runs."))
    offerings = {
        o.translation_key: o
        for o in Offering.objects.filter(
            translation_key__in=[option.translation_key for option in options]
        )
    }
    now = timezone.now()
    open_options = [
        option
        for option in options
        if option.translation_key in offerings
        and is_open(offerings[option.translation_key], now=now)
    ]
    if len(open_options) > 1:
        raise InvalidBooking(_("This training has several open runs: choose one."), field="run")
    if not open_options:
        raise RegistrationClosed(_("No run of this training is open for registration."))
    option = open_options[0]
    return ResolvedOffering(
        offering=offerings[option.translation_key], page=page, run_id=option.option_id
    )
