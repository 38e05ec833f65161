"""The bookings screen of one offering: search, status filter, CSV/Excel export, failed
e-mails."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_required

from event_booking.admin_views import PERM_CHANGE, PERM_VIEW
from event_booking.admin_views.export_columns import export_headers, export_row
from event_booking.exports import csv_response, xlsx_response
from event_booking.models import Booking, BookingStatus, EmailOutbox, Offering
from event_booking.services import notifications, organiser, speed_dating_events
from event_booking.services.payment import amount_payable
from event_booking.services.waitlist import waitlist_positions


class BookingFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        help_text=_("Name, e-mail, reference or organisation"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *BookingStatus.choices],
    )


def _booking_rows(bookings: list[Booking], positions: dict[int, int]) -> list[dict[str, Any]]:
    return [
        {"booking": b, "position": positions.get(b.pk), "amount_payable": amount_payable(b)}
        for b in bookings
    ]


def failed_emails_for(offering: Offering) -> list[EmailOutbox]:
    """E-mails of this offering that the delivery job gave up on, newest first."""
    return list(notifications.failed_emails().filter(booking__offering=offering))


@permission_required(PERM_VIEW)
def offering_bookings(request: HttpRequest, offering_id: int) -> HttpResponse:
    """One offering's bookings with search, a status filter and CSV/Excel export.

    `?export=csv` or `?export=xlsx` downloads exactly the rows the filters show.
    """
    offering = get_object_or_404(organiser.offerings_with_counts(), pk=offering_id)
    form = BookingFilterForm(request.GET or None)
    query = status = ""
    if form.is_valid():
        query, status = form.cleaned_data["q"], form.cleaned_data["status"]
    bookings = list(organiser.search_bookings(offering=offering, query=query, status=status))
    positions = waitlist_positions(offering.pk)
    export = request.GET.get("export")
    if export in {"csv", "xlsx"}:
        filename = f"bookings-{offering.pk}-{timezone.localdate():%Y%m%d}"
        rows = (export_row(b, positions.get(b.pk)) for b in bookings)
        if export == "csv":
            return csv_response(filename=filename, headers=export_headers(), rows=rows)
        return xlsx_response(
            filename=filename, title=offering.title, headers=export_headers(), rows=rows
        )
    params = request.GET.copy()
    params.pop("export", None)
    return TemplateResponse(
        request,
        "event_booking/admin/offering_bookings.html",
        {
            "page_title": offering.title,
            "page_subtitle": _("Bookings"),
            "header_icon": "calendar",
            "offering": offering,
            "seats_left": organiser.seats_left(offering, offering.confirmed_seats),
            "form": form,
            "rows": _booking_rows(bookings, positions),
            "query_string": params.urlencode(),
            "failed_emails": failed_emails_for(offering),
            "can_change": request.user.has_perm(PERM_CHANGE),
            "statuses": BookingStatus,
            "speed_dating": speed_dating_events.summary(offering),
        },
    )
