"""What a booker owes: one answer for the manage page, the e-mails, the API and the admin.

A booking's `amount_due` is stored when it is made (seats x fee). It is *payable* only while
the booking is confirmed: a waiting-list booking owes nothing until it gets a seat, and a
cancelled one (or one that left the list) owes nothing at all.
"""

from __future__ import annotations

from decimal import Decimal

from event_booking.models import Booking, BookingStatus


def amount_payable(booking: Booking) -> Decimal | None:
    """The amount the booker owes now: `amount_due` of a confirmed booking (0 when free);
    None for any other status."""
    if booking.status != BookingStatus.CONFIRMED:
        return None
    return booking.amount_due or Decimal("0")
