"""The personal-data screen: export (JSON or CSV) or erase one person's data by e-mail."""

from __future__ import annotations

import json

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied, permission_required
from wagtail.log_actions import log

from event_booking.admin_views import PERM_ERASE, PERM_VIEW
from event_booking.exports import csv_response
from event_booking.models import Booking
from event_booking.services import privacy


class PersonForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The address the person booked with (all their bookings are included)."),
    )


class EraseForm(PersonForm):
    cancel_upcoming = forms.BooleanField(
        label=_("Also cancel their active bookings of upcoming offerings"),
        required=False,
        help_text=_("Their seats go to the waiting list; no e-mail is sent."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone"),
        required=True,
    )


@permission_required(PERM_VIEW)
def person_data(request: HttpRequest) -> HttpResponse:
    """Export (JSON or CSV) or erase one person's data, found by e-mail address.

    POST only for the downloads, so that addresses never land in URLs and server logs.
    """
    can_erase = request.user.has_perm(PERM_ERASE)
    action = request.POST.get("action", "")
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if action in {"export-json", "export-csv"}:
            return _export_person(request, email, fmt=action.removeprefix("export-"))
        if action == "review-erase":
            if not can_erase:
                return permission_denied(request)
            return _erase_review(request, EraseForm(initial={"email": email}), email)
    return TemplateResponse(
        request,
        "event_booking/admin/person_data.html",
        {
            "page_title": _("Personal data"),
            "header_icon": "user",
            "form": form,
            "can_erase": can_erase,
        },
    )


def _export_person(request: HttpRequest, email: str, *, fmt: str) -> HttpResponse:
    data = privacy.export_person(email=email)
    for booking in privacy.bookings_of(email=email):
        log(instance=booking, action="event_booking.export_personal_data", user=request.user)
    stamp = f"{timezone.localdate():%Y%m%d}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
        response["Cache-Control"] = "private, no-store"
        return response
    rows = ([row.get(field) for field in privacy.EXPORT_FIELDS] for row in data["bookings"])
    return csv_response(filename=f"personal-data-{stamp}", headers=privacy.EXPORT_FIELDS, rows=rows)


def _erase_review(request: HttpRequest, form: EraseForm, email: str) -> TemplateResponse:
    return TemplateResponse(
        request,
        "event_booking/admin/person_erase.html",
        {
            "page_title": _("Erase personal data"),
            "header_icon": "user",
            "form": form,
            "email": email,
            "bookings": list(privacy.bookings_of(email=email)),
            "upcoming": set(
                privacy.upcoming_active_bookings(email=email).values_list("pk", flat=True)
            ),
        },
    )


@permission_required(PERM_ERASE)
@require_POST
def person_erase(request: HttpRequest) -> HttpResponse:
    """Anonymise every booking of one e-mail address (after the review page's confirmation)."""
    form = EraseForm(request.POST)
    if not form.is_valid():
        email = request.POST.get("email", "")
        return _erase_review(request, form, email)
    email = form.cleaned_data["email"]
    booking_ids = list(privacy.bookings_of(email=email).values_list("pk", flat=True))
    try:
        result = privacy.erase_person(
            email=email, cancel_upcoming=form.cleaned_data["cancel_upcoming"]
        )
    except privacy.PrivacyError as error:
        form.add_error(None, error.message)
        return _erase_review(request, form, email)
    for booking in Booking.objects.filter(pk__in=booking_ids):
        log(instance=booking, action="event_booking.erase", user=request.user)
    messages.success(
        request,
        _gettext("%(count)s booking(s) anonymised; %(cancelled)s of them cancelled first.")
        % {"count": result.anonymised, "cancelled": result.cancelled},
    )
    return redirect("event_booking_admin:person_data")
