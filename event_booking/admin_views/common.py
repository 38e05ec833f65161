"""What the organiser screens share: domain errors shown as messages, the way back to an
offering's list, and the confirmation page of an action."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin import messages
from wagtail.log_actions import log

from event_booking.models import Booking
from event_booking.services.errors import BookingError

#: Errors whose message is shown to the organiser (as a message or next to a field).
DOMAIN_ERRORS = (BookingError,)


def domain_message(error: Exception) -> str:
    return str(getattr(error, "message", None) or error)


def back_to_list(booking: Booking) -> HttpResponseRedirect:
    return redirect("event_booking_admin:offering_bookings", offering_id=booking.offering_id)


def confirm_page(
    request: HttpRequest,
    booking: Booking,
    *,
    title: str,
    question: str,
    button: str,
    form: forms.Form | None = None,
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "event_booking/admin/confirm.html",
        {
            "page_title": title,
            "page_subtitle": booking.reference,
            "header_icon": "calendar",
            "booking": booking,
            "question": question,
            "button": button,
            "form": form,
        },
    )


def confirm_then_run(
    request: HttpRequest,
    booking: Booking,
    *,
    title: str,
    question: str,
    button: str,
    action: Callable[[], object],
    log_action: str,
    success: str,
) -> HttpResponse:
    """GET shows the confirmation page; POST runs `action` (a booking service call), logs
    `log_action` in Wagtail's audit log and goes back to the offering's list with `success`,
    or with the domain error's message when the service refuses."""
    if request.method != "POST":
        return confirm_page(request, booking, title=title, question=question, button=button)
    try:
        action()
    except DOMAIN_ERRORS as error:
        messages.error(request, domain_message(error))
        return back_to_list(booking)
    log(instance=booking, action=log_action, user=request.user)
    messages.success(request, success)
    return back_to_list(booking)
