"""Event pages, offerings (what can be booked) and bookings with their e-mail outbox."""

from event_booking.models.bookings import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    ConsentText,
    EmailKind,
    EmailOutbox,
    OutboxStatus,
)
from event_booking.models.fields_of_interest import FieldOfInterest
from event_booking.models.index_page import EventIndexPage
from event_booking.models.offerings import Offering, OfferingKind
from event_booking.models.pages import EventKind, EventPage
from event_booking.models.speed_dating import (
    FeedbackStage,
    Meeting,
    MeetingFeedback,
    MeetingOutcome,
    MeetingRequest,
    MeetingStatus,
    Objective,
    Participant,
    RequestStatus,
    Side,
    SidesThatMeet,
    SpeedDatingEvent,
)

__all__ = [
    "ACTIVE_STATUSES",
    "Booking",
    "BookingStatus",
    "ConsentText",
    "EmailKind",
    "EmailOutbox",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "FeedbackStage",
    "FieldOfInterest",
    "Meeting",
    "MeetingFeedback",
    "MeetingOutcome",
    "MeetingRequest",
    "MeetingStatus",
    "Objective",
    "Offering",
    "OfferingKind",
    "OutboxStatus",
    "Participant",
    "RequestStatus",
    "Side",
    "SidesThatMeet",
    "SpeedDatingEvent",
]
