"""Actions on one booking: cancel, promote, move, check in; and sending a failed e-mail
again. Each goes through a service and is written to Wagtail's audit log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log

from event_booking.admin_views import PERM_CHANGE
from event_booking.admin_views.common import (
    DOMAIN_ERRORS,
    back_to_list,
    confirm_page,
    confirm_then_run,
    domain_message,
)
from event_booking.models import Booking, BookingStatus, EmailOutbox, Offering
from event_booking.services import bookings as booking_services
from event_booking.services import notifications, organiser, waitlist


def _question_values(booking: Booking) -> dict[str, object]:
    seats = ngettext("%(count)d seat", "%(count)d seats", booking.seats) % {"count": booking.seats}
    return {"ref": booking.reference, "name": booking.name, "seats": seats}


def _booking_or_404(booking_id: int) -> Booking:
    return get_object_or_404(Booking.objects.select_related("offering"), pk=booking_id)


@permission_required(PERM_CHANGE)
def booking_cancel(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Cancel through the booking service: the seats go to the waiting list, and the booker
    is told by e-mail."""
    booking = _booking_or_404(booking_id)
    return confirm_then_run(
        request,
        booking,
        title=_gettext("Cancel booking"),
        question=_gettext(
            "Cancel booking %(ref)s of %(name)s (%(seats)s)? The seats go to the "
            "waiting list and the person is told by e-mail."
        )
        % _question_values(booking),
        button=_gettext("Yes, cancel the booking"),
        action=lambda: booking_services.cancel_booking(booking_id=booking.pk),
        log_action="event_booking.cancel",
        success=_gettext("Booking %(ref)s cancelled.") % {"ref": booking.reference},
    )


@permission_required(PERM_CHANGE)
def booking_promote(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Confirm a waitlisted booking now, out of waiting-list order, through the waiting-list
    service (only into free seats)."""
    booking = _booking_or_404(booking_id)
    return confirm_then_run(
        request,
        booking,
        title=_gettext("Promote from the waiting list"),
        question=_gettext(
            "Confirm booking %(ref)s of %(name)s (%(seats)s) now, ahead of the "
            "waiting list? The person is told by e-mail."
        )
        % _question_values(booking),
        button=_gettext("Yes, promote"),
        action=lambda: waitlist.promote_booking(booking_id=booking.pk),
        log_action="event_booking.promote",
        success=_gettext("Booking %(ref)s confirmed.") % {"ref": booking.reference},
    )


def _offering_label(offering: Offering) -> str:
    if offering.starts_at and not offering.is_all_day:
        return f"{offering.title} ({timezone.localtime(offering.starts_at):%Y-%m-%d %H:%M})"
    return offering.title


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Move to"),
        queryset=Offering.objects.none(),
        empty_label=_("Choose an offering"),
    )
    waitlist_if_full = forms.BooleanField(
        label=_("Put it on the waiting list there if the seats are not free"),
        required=False,
    )

    def __init__(self, *args: Any, booking: Booking, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = organiser.move_targets(booking=booking)
        self.fields["target"].label_from_instance = _offering_label


@permission_required(PERM_CHANGE)
def booking_move(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Move a booking (same reference, same manage link) to another upcoming offering."""
    booking = _booking_or_404(booking_id)
    form = MoveForm(request.POST or None, booking=booking)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        try:
            moved = organiser.move_booking(
                booking_id=booking.pk,
                target_offering_id=target.pk,
                waitlist_if_full=form.cleaned_data["waitlist_if_full"],
            )
        except DOMAIN_ERRORS as error:
            form.add_error("target", domain_message(error))
        else:
            log(
                instance=booking,
                action="event_booking.move",
                user=request.user,
                data={"from": booking.offering_id, "to": target.pk},
            )
            if moved.status == BookingStatus.CONFIRMED:
                text = _gettext("Booking %(ref)s moved to %(offering)s and confirmed there.")
            else:
                text = _gettext("Booking %(ref)s moved to the waiting list of %(offering)s.")
            messages.success(request, text % {"ref": booking.reference, "offering": target.title})
            return back_to_list(booking)
    return confirm_page(
        request,
        booking,
        title=_gettext("Move booking"),
        question=_gettext(
            "Move booking %(ref)s of %(name)s (%(seats)s) to another offering. It is "
            "confirmed there if the seats are free; the person gets a new confirmation."
        )
        % _question_values(booking),
        button=_gettext("Move"),
        form=form,
    )


@permission_required(PERM_CHANGE)
@require_POST
def booking_check_in(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Mark a confirmed booking as arrived; `undo=1` takes the check-in back."""
    booking = get_object_or_404(Booking, pk=booking_id)
    undo = request.POST.get("undo") == "1"
    try:
        result = organiser.check_in(booking_id=booking.pk, undo=undo)
    except organiser.OrganiserActionError as error:
        messages.error(request, error.message)
        return back_to_list(booking)
    log(
        instance=booking,
        action="event_booking.check_in" if result.checked_in else "event_booking.check_in_undo",
        user=request.user,
    )
    if result.checked_in:
        text = _gettext("%(ref)s checked in.")
    else:
        text = _gettext("Check-in of %(ref)s taken back.")
    messages.success(request, text % {"ref": booking.reference})
    return back_to_list(booking)


@permission_required(PERM_CHANGE)
@require_POST
def email_retry(request: HttpRequest, outbox_id: int) -> HttpResponse:
    """Send a failed e-mail again (a fresh set of attempts, after the mail server is fixed)."""
    outbox = get_object_or_404(EmailOutbox.objects.select_related("booking"), pk=outbox_id)
    if notifications.retry_email(outbox_id=outbox.pk):
        messages.success(
            request,
            _gettext("The e-mail to %(ref)s will be sent again.")
            % {"ref": outbox.booking.reference},
        )
    else:
        messages.error(request, _gettext("This e-mail is no longer waiting for a retry."))
    return back_to_list(outbox.booking)
