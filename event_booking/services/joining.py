"""Who may see an online event's join link: confirmed bookings only.

The link is the ticket to an online event (a paid one above all), so it is never on the public
page, the public API or the public calendar files; the manage page, the e-mails and the
calendar file attached to them show it once the booking is confirmed.
"""

from __future__ import annotations

from event_booking.models import Booking, BookingStatus


def join_link_for(booking: Booking, online_link: str) -> str:
    """`online_link` when `booking` is confirmed, else an empty string."""
    return online_link if booking.status == BookingStatus.CONFIRMED else ""
