"""Availability: is registration open, and how many seats are taken, left and waiting.

Read-only. The numbers are a snapshot for display (pages API, booking form, admin); the
booking service re-checks everything under the offering's lock before it writes.

Definitions (the API's `booking` object):

* `capacity`: seats in all, `null` for unlimited.
* `confirmed`: seats held by confirmed bookings; `waitlisted`: seats asked for by bookings on
  the waiting list (a group of 3 counts 3).
* `seats_left`: `capacity - confirmed`, never below 0; `null` when unlimited.
* `opens` / `closes`: the registration window (ISO 8601, aware); `closes` is the effective
  deadline (an event without one closes when it starts).
* `is_open`: registration is open now: the offering is active, not closed by the deadline
  job, `opens <= now < closes`, and it has not started. A full offering is still open: new
  bookings go on the waiting list.
* `fee`: per seat, as a decimal string; `currency`: "EUR".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from event_booking.bookable import BookableOption, group_by_model
from event_booking.models import BookingStatus, Offering
from event_booking.services.errors import (
    BookingError,
    OfferingOver,
    RegistrationClosed,
    RegistrationNotOpen,
)


@dataclass(frozen=True)
class Availability:
    capacity: int | None
    confirmed: int
    seats_left: int | None
    waitlisted: int
    opens: dt.datetime | None
    closes: dt.datetime | None
    is_open: bool
    fee: Decimal
    currency: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of the API's `booking` object."""
        return {
            "capacity": self.capacity,
            "confirmed": self.confirmed,
            "seats_left": self.seats_left,
            "waitlisted": self.waitlisted,
            "opens": self.opens.isoformat() if self.opens else None,
            "closes": self.closes.isoformat() if self.closes else None,
            "is_open": self.is_open,
            "fee": f"{self.fee:.2f}",
            "currency": self.currency,
        }


def registration_error(
    offering: Offering, *, now: dt.datetime | None = None
) -> BookingError | None:
    """Why a new booking of `offering` is refused now, or None when registration is open."""
    now = now or timezone.now()
    if offering.starts_at and now >= offering.starts_at:
        return OfferingOver()
    if not offering.is_active or offering.closed_at:
        return RegistrationClosed()
    if offering.registration_opens and now < offering.registration_opens:
        return RegistrationNotOpen()
    closes = offering.registration_closes or offering.starts_at
    if closes and now >= closes:
        return RegistrationClosed()
    return None


def is_open(offering: Offering, *, now: dt.datetime | None = None) -> bool:
    """Whether registration for `offering` is open now (see the module docstring)."""
    return registration_error(offering, now=now) is None


def _seats(status: str) -> Coalesce:
    return Coalesce(
        Sum("bookings__seats", filter=Q(bookings__status=status)),
        Value(0),
        output_field=IntegerField(),
    )


def with_seat_counts(queryset: Any = None) -> Any:
    """Offerings annotated with `confirmed_seats` and `waitlisted_seats` (one query)."""
    queryset = Offering.objects.all() if queryset is None else queryset
    return queryset.annotate(
        confirmed_seats=_seats(BookingStatus.CONFIRMED),
        waitlisted_seats=_seats(BookingStatus.WAITLISTED),
    )


def availability_of(offering: Offering, *, now: dt.datetime | None = None) -> Availability:
    """The availability of one offering. Uses `confirmed_seats`/`waitlisted_seats`
    annotations when present (see `with_seat_counts`), else counts with one query."""
    if not hasattr(offering, "confirmed_seats"):
        offering = with_seat_counts(Offering.objects.filter(pk=offering.pk)).get()
    confirmed = offering.confirmed_seats or 0
    seats_left = None if offering.capacity is None else max(offering.capacity - confirmed, 0)
    return Availability(
        capacity=offering.capacity,
        confirmed=confirmed,
        seats_left=seats_left,
        waitlisted=offering.waitlisted_seats or 0,
        opens=offering.registration_opens,
        closes=offering.registration_closes or offering.starts_at,
        is_open=is_open(offering, now=now),
        fee=offering.fee,
        currency=offering.currency,
    )


def availability_for_pages(pages: Iterable[Page]) -> dict[int, dict[str, Any] | None]:
    """The API `booking` object of each bookable page, keyed by page id.

    Runs a constant number of queries however many pages are given (the options of each
    bookable page type, see `BookablePage.bookable_options_for`, then one for the offerings
    with their seat counts): the pages API calls it once per listing. A page that sells one
    offering (an event) gives its availability, or None when its offering is not active
    (not bookable, e.g. just published and not yet synced); a page with a choice (a
    training) gives `{"runs": [{"id": <run id in the page's language>, "start_date",
    "end_date", ...availability}]}` with its options that have not ended, by start date.
    """
    pages = list(pages)
    options: dict[int, list[BookableOption]] = {}
    for model, group in group_by_model(pages).items():
        options.update(model.bookable_options_for(group))
    keys = {option.translation_key for page_options in options.values() for option in page_options}
    offerings = {}
    if keys:
        offerings = {
            o.translation_key: o
            for o in with_seat_counts(
                Offering.objects.filter(translation_key__in=keys, is_active=True)
            )
        }
    now = timezone.now()
    result: dict[int, dict[str, Any] | None] = {}
    for page in pages:
        page_options = options.get(page.pk, [])
        if not getattr(page, "offers_choice", False):
            offering = offerings.get(page_options[0].translation_key) if page_options else None
            result[page.pk] = availability_of(offering, now=now).as_dict() if offering else None
            continue
        runs = []
        for option in page_options:
            offering = offerings.get(option.translation_key)
            if offering is None or (offering.ends_at and offering.ends_at <= now):
                continue
            runs.append(
                {
                    "id": option.option_id,
                    "start_date": option.start_date.isoformat(),
                    "end_date": option.end_date.isoformat(),
                    **availability_of(offering, now=now).as_dict(),
                }
            )
        result[page.pk] = {"runs": runs}
    return result


def page_availability(page: Page) -> dict[str, Any] | None:
    """The API `booking` object of one bookable page (see availability_for_pages)."""
    return availability_for_pages([page])[page.pk]
