"""Event pages and (later) the booking records of events and training runs."""

from event_booking.models.pages import EventIndexPage, EventKind, EventPage

__all__ = ["EventIndexPage", "EventKind", "EventPage"]
