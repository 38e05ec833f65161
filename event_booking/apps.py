from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventBookingConfig(AppConfig):
    """Events and the booking engine.

    `ready` registers what the engine adds to the bookable page types of every app (see
    `event_booking.bookable`): the offering sync on page signals and the `booking` API field;
    and the Organisers' grant on new event index pages (`event_booking.roles`).
    """

    name = "event_booking"
    verbose_name = _("Events and bookings")

    def ready(self) -> None:
        # Django's place for wiring that needs every app's models loaded.
        from event_booking import checks, receivers, roles  # noqa: F401 (checks, roles: receivers)
        from event_booking.api_fields import add_booking_api_field

        receivers.connect_bookable_models()
        add_booking_api_field()
