"""Helpers of the booking-engine tests (API, waiting list, shared seats, concurrency).

Offerings and bookings come from `tests.factories` (`offering`, `booking`); an event page's
offering is the one its publication made (`factories.offering(page)`).
"""

from typing import Any

from event_booking.models import Booking, BookingStatus, EventIndexPage, EventPage, Offering
from tests import factories


def event_page(home: Any, **fields: Any) -> EventPage:
    """A published Hungarian event (with its index page when none exists yet)."""
    index = EventIndexPage.objects.child_of(home).first() or factories.event_index(home)
    return factories.event(index, **fields)


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


def to_english(instance: Any, capture: Any, overrides: dict[str, str] | None = None) -> Any:
    """Translate (and publish) `instance` into English through wagtail-localize.

    `capture` is pytest-django's `django_capture_on_commit_callbacks` fixture: the
    translation publishes on commit.
    """
    from wagtail.models import Page

    with capture(execute=True):
        translated = factories.translate(instance, factories.english_strings(instance, overrides))
    if isinstance(translated, Page):
        translated = translated.specific
        translated.refresh_from_db()
    return translated
