"""Helpers of the speed-dating tests: an event with its offering, and a published list."""

from typing import Any

from event_booking.models import EventIndexPage, EventPage, Offering
from event_booking.services import speed_dating_events
from tests import factories


def speed_event(home: Any, **fields: Any) -> tuple[EventPage, Offering]:
    """A published speed-dating event (see `factories.speed_dating_event`) and its offering."""
    index = EventIndexPage.objects.child_of(home).first() or factories.event_index(home)
    page = factories.speed_dating_event(index, **fields)
    return page, factories.offering(page)


def publish_list(offering: Offering) -> None:
    speed_dating_events.publish_participants(offering_id=offering.pk)
