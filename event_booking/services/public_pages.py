"""Seats and registration on the public pages: which cached pages a booking change makes stale.

The page cache (cms/page_cache) shows an event's or a training's seats left in its booking
area and in the API's `booking` field. Every change of a booking's seats or status and of an
offering (capacity, window, closing) sends the pages that sell the offering, in every
language, to `cms.page_cache.invalidation.invalidate_all` when the transaction commits, so no
cached page shows seats that are gone: a full event shows full on the next view. Receivers in
`event_booking/receivers.py` call it, and so does the deadline job (a bulk UPDATE sends no
signal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.http import HttpRequest
from wagtail.models import Page

from cms.page_cache.declare import expire_by
from cms.page_cache.invalidation import invalidate_all, is_enabled
from event_booking.models import Offering

# Booking fields whose change shows on a public page (seats left, waiting list).
SHOWN_BOOKING_FIELDS = frozenset({"status", "seats", "offering", "offering_id"})


def offering_changed(*, offering_id: int) -> None:
    """The pages selling offering `offering_id` are made stale when the transaction commits."""
    if is_enabled():
        transaction.on_commit(lambda: _invalidate_pages_of([offering_id]))


def offerings_changed(*, offering_ids: Iterable[int]) -> None:
    """As `offering_changed`, for several offerings."""
    ids = list(offering_ids)
    if ids and is_enabled():
        transaction.on_commit(lambda: _invalidate_pages_of(ids))


def _invalidate_pages_of(offering_ids: list[int]) -> None:
    keys = Offering.objects.filter(pk__in=offering_ids).values("page_translation_key")
    invalidate_all(Page.objects.filter(translation_key__in=keys))


def limit_cached_until(request: HttpRequest | None, offerings: Iterable[Offering]) -> None:
    """A cached booking area changes by the clock when registration opens or closes or the
    offering starts: its page is dropped from the cache by the next of those moments."""
    if request is None:
        return
    moments: list[dt.datetime] = []
    for offering in offerings:
        moments += [
            m
            for m in (offering.registration_opens, offering.registration_closes, offering.starts_at)
            if m is not None
        ]
    for moment in moments:
        expire_by(request, moment)
