"""System checks of the booking engine's settings (run by `manage.py check` and migrate)."""

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from event_booking.api import rate_limit_is_valid


@register()
def check_booking_rate_limit(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """BOOKING_RATE_LIMIT must be empty (no limit) or a rate such as `20/minute`."""
    value = getattr(settings, "BOOKING_RATE_LIMIT", "")
    if rate_limit_is_valid(value):
        return []
    return [
        Error(
            f"BOOKING_RATE_LIMIT={value!r} is not a rate.",
            hint="Use <number>/<second|minute|hour|day>, e.g. 20/minute, or empty for no limit.",
            id="event_booking.E001",
        )
    ]
