"""The columns of the bookings export (CSV and Excel), in order."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from event_booking.models import Booking
from event_booking.services.payment import amount_payable


def export_headers() -> list[str]:
    """Column titles, in the organiser's language."""
    return [
        _("Reference"),
        _("Status"),
        _("Waiting-list position"),
        _("Seats"),
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Phone"),
        _("Tax number"),
        _("Billing address"),
        _("Amount due"),
        _("Currency"),
        _("Language"),
        _("Booked at"),
        _("Checked in at"),
        _("Reminders"),
    ]


def export_row(booking: Booking, position: int | None) -> list[Any]:
    """One booking's cells, matching `export_headers`; the amount due is empty unless the
    booking is confirmed (`services.payment.amount_payable`)."""
    return [
        booking.reference,
        booking.get_status_display(),
        position,
        booking.seats,
        booking.name,
        booking.email,
        booking.organisation,
        booking.phone,
        booking.tax_number,
        booking.billing_address,
        amount_payable(booking),
        booking.currency,
        booking.language,
        booking.created_at,
        booking.checked_in_at,
        booking.reminders_enabled,
    ]
