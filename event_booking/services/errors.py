"""Domain errors of the booking engine.

Every error carries a translatable `message` (gettext_lazy, English msgid). An error with a
`field` is about one input (the API answers 400 `{field: [message]}`, the form shows it next to
the field); an error without one is about the state of the offering or booking (the API answers
409 `{"detail": message}`). `BookingNotFound` is the one the API turns into 404.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from cms.errors import DomainError


class BookingError(DomainError):
    """Base class: something a booker or organiser asked for cannot be done.

    Attributes:
        message: what went wrong, translatable; shown to the user as is.
        field: the input it is about (`"page"`, `"run"`, `"seats"`, `"name"`, ...) or None
            when it is about the state of the offering or the booking.
    """

    default_message: Any = _("The booking cannot be made.")


class InvalidBooking(BookingError):
    """An input is wrong (its `field` says which): bad seats, unknown page, missing consent."""

    default_message = _("This value is not valid.")


class NotBookable(InvalidBooking):
    """The page (or run) does not exist, is not live, or cannot be booked."""

    default_message = _("This page cannot be booked.")
    field = "page"


class RegistrationNotOpen(BookingError):
    """Registration has not opened yet."""

    default_message = _("Registration has not opened yet.")


class RegistrationClosed(BookingError):
    """Registration has closed (deadline passed, closed by an organiser, or deactivated)."""

    default_message = _("Registration is closed.")


class OfferingOver(BookingError):
    """The event or training run has already started or ended."""

    default_message = _("This event has already taken place.")


class InvalidStatusChange(BookingError):
    """The booking is not in a status that allows this (e.g. cancelling it twice)."""

    default_message = _("This booking cannot be changed any more.")


class NoRoom(BookingError):
    """An organiser tried to confirm a waitlisted booking whose seats are not free."""

    default_message = _("There are not enough free seats for this booking.")


class BookingNotFound(BookingError):
    """No booking has this reference, or the token does not open it (the same answer for
    both, so that a reference alone reveals nothing)."""

    default_message = _("No such booking.")


class MatchmakingClosed(BookingError):
    """Speed-dating requests cannot be sent or answered now (list not published, deadline
    passed, booking not confirmed, or no profile)."""

    default_message = _("Meeting requests are not open.")


class ScheduleLocked(BookingError):
    """The speed-dating schedule is published: a full re-run would move published meetings."""

    default_message = _(
        "The schedule is already published: change single meetings or fill freed slots instead."
    )
