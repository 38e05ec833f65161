"""The pages API's `booking` field: availability of an event or of a training's runs.

`APIField("booking", serializer=BookingAvailabilityField())` on EventPage and TrainingPage.
Shape: see `event_booking.services.availability` (an event: one object; a training:
`{"runs": [...]}` with each run's `id`, the value the booking API's `run` takes). The values
of all the pages of a response are loaded at once, in two queries (`BatchedField`); they are
live counts, never cached.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import models

from cms.api_fields import BatchedField, Context


class BookingAvailabilityField(BatchedField):
    """Live availability of each listed event or training page (None when not bookable)."""

    default_value: Any = None

    def load(self, pages: Sequence[models.Model], context: Context) -> Mapping[Any, Any]:
        # Imported here: the page models import this module before the services can load.
        from event_booking.services.availability import availability_for_pages

        return availability_for_pages(pages)
