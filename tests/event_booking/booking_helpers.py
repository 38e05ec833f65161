"""Helpers of the booking-engine tests (API, waiting list, shared seats, concurrency).

Offerings here are made the way production makes them: by publishing an event or training
page (the `page_published` receiver upserts the offering), never with the ORM.
"""

import itertools
from typing import Any

from event_booking.models import Booking, BookingStatus, EventPage, Offering
from event_booking.services import bookings, consent
from tests import factories

_counter = itertools.count(1)


def offering_of(page: Any) -> Offering:
    return Offering.objects.get(translation_key=page.translation_key)


def event_page(home: Any, **fields: Any) -> EventPage:
    """A published Hungarian event (with its index page when none exists yet)."""
    from event_booking.models import EventIndexPage

    index = EventIndexPage.objects.child_of(home).first() or factories.event_index(home)
    return factories.event(index, **fields)


def book(offering: Offering, seats: int = 1, email: str | None = None, **fields: Any) -> Booking:
    """Book through the service; returns the booking (new or the existing one)."""
    n = next(_counter)
    outcome = bookings.create_booking(
        offering_id=offering.pk,
        name=fields.pop("name", f"Teszt Elek {n}"),
        email=email or f"booker{n}@example.org",
        language=fields.pop("language", "hu"),
        consent=consent.current_consent(),
        seats=seats,
        **fields,
    )
    return outcome.booking


def statuses(offering: Offering) -> list[tuple[str, int, str]]:
    """(email, seats, status) of every booking of the offering, oldest first."""
    return list(
        Booking.objects.filter(offering=offering)
        .order_by("created_at", "pk")
        .values_list("email", "seats", "status")
    )


def waiting(offering: Offering) -> list[str]:
    """E-mail addresses on the waiting list, in list order."""
    return list(
        Booking.objects.filter(offering=offering, status=BookingStatus.WAITLISTED)
        .order_by("waitlisted_at", "pk")
        .values_list("email", flat=True)
    )
