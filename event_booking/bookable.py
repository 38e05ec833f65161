"""Bookable pages: the one interface through which the booking engine reads what a page sells.

The engine (offerings, availability, the booking form, the API, calendars, e-mails) never
names a page type. A page type that sells seats mixes `BookablePage` into its Wagtail `Page`
class and implements its methods; the engine finds such types with `bookable_models()`
(every installed model that subclasses the mixin). So the content apps depend on the engine
(`training_catalog` -> `event_booking` -> `cms`) and never the other way round.

What a bookable page declares, in two shapes:

* `offering_specs()`: the facts of each offering it sells (an event sells one; a training
  one per run), read from the source-language live page when it is published;
* `bookable_options_for(pages)`: what a reader can choose on each page, in the page's own
  language (an event: one option without an id; a training: one option per run, with the
  run's id), for the booking form and the API's `booking` field;
* `offering_key_for(option_id)`, `page_for_option(option_id)`: find an option by the id a
  reader sent (either language's row);
* `calendar_entry(offering_key)`: how one of its offerings looks in a calendar, in the
  page's language.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from functools import cache
from typing import Any, ClassVar

from django.apps import apps
from django.utils import timezone

from cms.models import Venue
from event_booking.calendar_entries import CalendarEntry


@dataclass(frozen=True)
class OfferingSpec:
    """The bookable facts of one offering, as its page declares them.

    `translation_key` is shared by every language's row of what is sold (the event page, or
    the training run), so both languages sell the same seats. `registration_closes` is the
    effective deadline (never empty for a dated offering).
    """

    translation_key: uuid.UUID
    kind: str
    title: str
    capacity: int | None
    max_seats_per_booking: int
    registration_opens: dt.datetime | None
    registration_closes: dt.datetime | None
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    fee: Decimal
    currency: str = "EUR"

    def values(self) -> dict[str, Any]:
        """The offering's fields other than its key."""
        values = asdict(self)
        del values["translation_key"]
        return values


@dataclass(frozen=True)
class BookableOption:
    """One thing a reader can book on a page, in the page's language.

    `option_id` is None for a page that sells one offering (an event); otherwise the id the
    reader sends back to choose it (a training run's row id). `venue` is the synchronised
    (source-language) row: localize it for display.
    """

    option_id: int | None
    translation_key: uuid.UUID
    start_date: dt.date
    end_date: dt.date
    venue: Venue | None = None


class BookablePage:
    """Mixin for a Wagtail page type whose pages sell seats (see the module docstring)."""

    #: True when a reader chooses one of several options (a training's runs).
    offers_choice: ClassVar[bool] = False

    def offering_specs(self) -> list[OfferingSpec]:
        """The offerings this (source-language, live) page sells now, in a stable order."""
        raise NotImplementedError

    @classmethod
    def bookable_options_for(cls, pages: Sequence[Any]) -> dict[int, list[BookableOption]]:
        """Page id -> its options in the page's language, in date order; a constant number
        of queries for any number of pages (the pages API lists many)."""
        raise NotImplementedError

    def bookable_options(self) -> list[BookableOption]:
        """This page's options (see `bookable_options_for`)."""
        return type(self).bookable_options_for([self]).get(self.pk, [])

    def offering_key_for(self, option_id: int) -> uuid.UUID | None:
        """The offering key of option `option_id` of this page (the id of either language's
        row), or None when it is not one of this page's options."""
        return None

    @classmethod
    def page_for_option(cls, option_id: int) -> tuple[Any, uuid.UUID] | None:
        """The page an option id belongs to (any language) and the option's offering key."""
        return None

    def calendar_entry(self, offering_key: uuid.UUID) -> CalendarEntry | None:
        """The calendar entry of one of this page's offerings, in the page's language."""
        raise NotImplementedError


@cache
def bookable_models() -> tuple[type, ...]:
    """Every installed page model that implements `BookablePage`."""
    return tuple(model for model in apps.get_models() if issubclass(model, BookablePage))


def is_bookable(page: object) -> bool:
    """Whether `page` (a specific page instance) sells seats."""
    return isinstance(page, BookablePage)


def local_midnight(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in the site's time zone (Europe/Budapest)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def group_by_model(pages: Iterable[Any]) -> dict[type, list[Any]]:
    """Bookable pages grouped by their page type (non-bookable pages are left out)."""
    groups: dict[type, list[Any]] = {}
    for page in pages:
        if is_bookable(page):
            groups.setdefault(type(page), []).append(page)
    return groups
