from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventBookingConfig(AppConfig):
    """Events and the booking engine.

    `ready` connects the offering sync to page signals and the Organisers' grant on new event
    index pages.
    """

    name = "event_booking"
    verbose_name = _("Events and bookings")

    def ready(self) -> None:
        from event_booking import checks, receivers, roles  # noqa: F401
