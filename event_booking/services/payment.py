"""What a booker owes: one answer for the manage page, the e-mails, the API and the admin.

A booking's `amount_due` is stored when it is made (seats x fee). It is *payable* only while
the booking is confirmed: a waiting-list booking owes nothing until it gets a seat, and a
cancelled one (or one that left the list) owes nothing at all.

Fees and `amount_due` are net prices; the invoice adds VAT at `settings.BOOKING_VAT_PERCENT`
(`price_of` gives net, VAT and gross, rounded to the cent). A rate of 0 shows no VAT.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

from event_booking.models import Booking, BookingStatus

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Price:
    """A net amount with its VAT and gross amount, at `vat_percent`."""

    net: Decimal
    vat: Decimal
    gross: Decimal
    vat_percent: Decimal


def price_of(net: Decimal) -> Price:
    """`net` with the VAT of `settings.BOOKING_VAT_PERCENT` added (half up, to the cent)."""
    percent = Decimal(str(settings.BOOKING_VAT_PERCENT))
    vat = (net * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return Price(
        net=net.quantize(CENT), vat=vat, gross=net.quantize(CENT) + vat, vat_percent=percent
    )


def amount_payable(booking: Booking) -> Decimal | None:
    """The amount the booker owes now: `amount_due` of a confirmed booking (0 when free);
    None for any other status."""
    if booking.status != BookingStatus.CONFIRMED:
        return None
    return booking.amount_due or Decimal("0")
