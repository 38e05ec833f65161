"""The pages API's `booking` field: availability of a bookable page's offerings.

`add_booking_api_field()` (run by the app's `ready`) appends
`APIField("booking", serializer=BookingAvailabilityField())` to every bookable page type (see
`event_booking.bookable`), so the page types need not import the engine's services (which
import the engine's models, which hold the event page). Shape: see
`event_booking.services.availability` (an event: one object; a training: `{"runs": [...]}`
with each run's `id`, the value the booking API's `run` takes). The values of all the pages
of a response are loaded at once (`BatchedField`); they are live counts, never cached.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import models
from wagtail.api import APIField

from cms.api_fields import BatchedField, Context
from event_booking.bookable import bookable_models
from event_booking.services.availability import availability_for_pages


class BookingAvailabilityField(BatchedField):
    """Live availability of each listed bookable page (None when not bookable)."""

    default_value: Any = None

    def load(self, pages: Sequence[models.Model], context: Context) -> Mapping[Any, Any]:
        return availability_for_pages(pages)


def add_booking_api_field() -> None:
    """Give every bookable page type the `booking` API field, last (idempotent)."""
    for model in bookable_models():
        fields = list(getattr(model, "api_fields", []))
        if not any(getattr(field, "name", field) == "booking" for field in fields):
            model.api_fields = [*fields, APIField("booking", serializer=BookingAvailabilityField())]
