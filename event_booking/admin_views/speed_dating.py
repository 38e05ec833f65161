"""Organiser actions of a speed-dating event: publish the participant list, run the scheduler.

Both are POST buttons on the offering's bookings screen (`event_booking.change_booking`); they
call the services, write Wagtail's audit log and go back to that screen with a message.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log

from event_booking.admin_views import PERM_CHANGE
from event_booking.admin_views.common import DOMAIN_ERRORS, domain_message
from event_booking.models import Offering
from event_booking.services import speed_dating_events, speed_dating_schedule


def _run(
    request: HttpRequest,
    offering_id: int,
    *,
    action: Callable[[], str],
    log_action: str,
) -> HttpResponse:
    offering = get_object_or_404(Offering, pk=offering_id)
    try:
        success = action()
    except DOMAIN_ERRORS as error:
        messages.error(request, domain_message(error))
    else:
        log(instance=offering, action=log_action, user=request.user)
        messages.success(request, success)
    return redirect("event_booking_admin:offering_bookings", offering_id=offering.pk)


@require_POST
@permission_required(PERM_CHANGE)
def publish_participants(request: HttpRequest, offering_id: int) -> HttpResponse:
    """Publish the participant list: participants may browse profiles and send requests."""

    def action() -> str:
        speed_dating_events.publish_participants(offering_id=offering_id)
        return _("The participant list is published: participants can now send requests.")

    return _run(request, offering_id, action=action, log_action="event_booking.speed_dating_list")


@require_POST
@permission_required(PERM_CHANGE)
def run_scheduler(request: HttpRequest, offering_id: int) -> HttpResponse:
    """Run the scheduler now (locked meetings are kept; refused once published)."""

    def action() -> str:
        report = speed_dating_schedule.run_scheduler(offering_id=offering_id)
        return _("Schedule made: %(count)d meetings.") % {"count": len(report.meetings)}

    return _run(
        request, offering_id, action=action, log_action="event_booking.speed_dating_schedule"
    )
