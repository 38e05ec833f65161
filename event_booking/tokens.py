"""The secret that lets a person manage their booking without an account.

The token is an HMAC of the booking's reference and its random `secret`, keyed by SECRET_KEY:
the database alone does not reveal it, e-mails can always rebuild the manage link, and a
leaked token opens one booking only.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from event_booking.models import Booking

_SALT = "event_booking.tokens.manage-booking"


def booking_token(booking: Booking) -> str:
    """The token that opens `booking`'s manage page and API resource."""
    return salted_hmac(_SALT, f"{booking.reference}:{booking.secret}").hexdigest()[:32]


def token_matches(booking: Booking, token: str | None) -> bool:
    """Whether `token` opens `booking` (constant-time comparison; empty never matches)."""
    return bool(token) and constant_time_compare(booking_token(booking), str(token))


def manage_url(booking: Booking) -> str:
    """The absolute address of the booking's manage page, in the booking's language."""
    query = urlencode({"token": booking_token(booking)})
    return f"{settings.PUBLIC_BASE_URL}/{booking.language}/bookings/{booking.reference}/?{query}"
