"""The organiser tools in the Wagtail admin: a "Bookings" menu item, its URLs, log actions.

The menu item is shown to users with `event_booking.view_booking` (the Organisers group);
each view checks its own permission again (see event_booking.admin_views).
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from event_booking.admin_views import PERM_VIEW, urls
from event_booking.models import FieldOfInterest

register_snippet(FieldOfInterest)


class BookingsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:  # noqa: ANN001 (Wagtail's signature)
        return request.user.has_perm(PERM_VIEW)


@hooks.register("register_admin_urls")
def register_booking_admin_urls() -> list:
    return [
        path(
            "bookings/",
            include(urls, namespace="event_booking_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_bookings_menu_item() -> MenuItem:
    return BookingsMenuItem(
        _("Bookings"),
        reverse("event_booking_admin:offering_index"),
        name="bookings",
        icon_name="calendar",
        order=250,
    )


@hooks.register("register_log_actions")
def register_booking_log_actions(actions) -> None:  # noqa: ANN001 (Wagtail's registry)
    """Audit-log entries of organiser actions; they name the booking reference only."""
    actions.register_action("event_booking.cancel", _("Cancel booking"), _("Booking cancelled"))
    actions.register_action(
        "event_booking.speed_dating_list",
        _("Publish participant list"),
        _("Speed-dating participant list published"),
    )
    actions.register_action(
        "event_booking.speed_dating_schedule",
        _("Run the scheduler"),
        _("Speed-dating schedule made"),
    )
    actions.register_action(
        "event_booking.promote", _("Promote booking"), _("Promoted from the waiting list")
    )
    actions.register_action("event_booking.move", _("Move booking"), _("Moved to another offering"))
    actions.register_action("event_booking.check_in", _("Check in"), _("Checked in"))
    actions.register_action(
        "event_booking.check_in_undo", _("Undo check-in"), _("Check-in taken back")
    )
    actions.register_action(
        "event_booking.speed_publish",
        _("Publish speed-dating schedule"),
        _("Speed-dating schedule published"),
    )
    actions.register_action(
        "event_booking.speed_refill", _("Fill freed places"), _("Freed places filled")
    )
    actions.register_action(
        "event_booking.speed_meeting", _("Change meeting"), _("Speed-dating meeting changed")
    )
    actions.register_action(
        "event_booking.export_personal_data",
        _("Export personal data"),
        _("Personal data exported"),
    )
    actions.register_action(
        "event_booking.erase", _("Erase personal data"), _("Personal data erased")
    )
