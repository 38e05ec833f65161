"""Organiser tools in the Wagtail admin: offerings, their bookings, exports, actions, privacy.

Permissions (give them to the Organisers group; superusers have them all):
- `event_booking.view_booking`: see offerings and bookings, download CSV/Excel, export one
  person's data;
- `event_booking.change_booking`: cancel, promote, move and check in bookings;
- `event_booking.delete_booking`: erase (anonymise) one person's data.
Without the permission a view answers with Wagtail's "permission denied" redirect to the admin
dashboard. The views only parse input and call the services; every rule lives there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.log_actions import log

from event_booking.exports import csv_response, xlsx_response
from event_booking.models import Booking, BookingStatus, EmailOutbox, Offering
from event_booking.services import notifications, organiser, privacy
from event_booking.services.errors import BookingError

PERM_VIEW = "event_booking.view_booking"
PERM_CHANGE = "event_booking.change_booking"
PERM_ERASE = "event_booking.delete_booking"


def require(permission: str) -> Callable:
    """Wagtail's "permission denied" answer unless the user has `permission`."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.has_perm(permission):
                return permission_denied(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


#: Errors whose message is shown to the organiser (as a message or next to a field).
DOMAIN_ERRORS = (BookingError,)


def _domain_message(error: Exception) -> str:
    return str(getattr(error, "message", None) or error)


# --- Offerings -------------------------------------------------------------------------------


class OfferingFilterForm(forms.Form):
    WHEN_CHOICES = [
        ("upcoming", _("Upcoming")),
        ("past", _("Past")),
        ("all", _("All")),
    ]
    q = forms.CharField(label=_("Search by title"), required=False)
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)


@require(PERM_VIEW)
def offering_index(request: HttpRequest) -> HttpResponse:
    """All offerings with their seat counts and amounts due; upcoming ones by default."""
    form = OfferingFilterForm(request.GET or None)
    query, when = "", "upcoming"
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        when = form.cleaned_data["when"] or "upcoming"
    offerings = Offering.objects.all()
    now = timezone.now()
    not_over = Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now)
    undated = Q(starts_at__isnull=True, ends_at__isnull=True)
    if when == "upcoming":
        offerings = offerings.filter(not_over | undated)
    elif when == "past":
        offerings = offerings.exclude(not_over | undated)
    if query:
        offerings = offerings.filter(title__icontains=query)
    offerings = organiser.offerings_with_counts(offerings).order_by("starts_at", "id")
    rows = [
        {
            "offering": offering,
            "seats_left": organiser.seats_left(offering, offering.confirmed_seats),
        }
        for offering in offerings
    ]
    return TemplateResponse(
        request,
        "event_booking/admin/offering_index.html",
        {
            "page_title": _("Bookings"),
            "header_icon": "calendar",
            "form": form,
            "rows": rows,
            "when": when,
            "can_erase": request.user.has_perm(PERM_ERASE),
        },
    )


# --- Bookings of one offering ----------------------------------------------------------------


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
    return [{"booking": b, "position": positions.get(b.pk)} for b in bookings]


def _export_headers() -> list[str]:
    return [
        _gettext("Reference"),
        _gettext("Status"),
        _gettext("Waiting-list position"),
        _gettext("Seats"),
        _gettext("Name"),
        _gettext("E-mail"),
        _gettext("Organisation"),
        _gettext("Phone"),
        _gettext("Tax number"),
        _gettext("Billing address"),
        _gettext("Amount due"),
        _gettext("Currency"),
        _gettext("Language"),
        _gettext("Booked at"),
        _gettext("Checked in at"),
        _gettext("Reminders"),
    ]


def _export_row(booking: Booking, position: int | None) -> list[Any]:
    return [
        booking.reference,
        booking.get_status_display(),
        position,
        booking.seats,
        booking.name,
        booking.email,
        booking.organisation,
        booking.phone,
        booking.tax_number,
        booking.billing_address,
        booking.amount_due,
        booking.currency,
        booking.language,
        booking.created_at,
        booking.checked_in_at,
        booking.reminders_enabled,
    ]


def failed_emails_for(offering: Offering) -> list[EmailOutbox]:
    """E-mails of this offering that the delivery job gave up on, newest first."""
    return list(notifications.failed_emails().filter(booking__offering=offering))


@require(PERM_VIEW)
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
    positions = organiser.waitlist_positions(offering)
    export = request.GET.get("export")
    if export in {"csv", "xlsx"}:
        filename = f"bookings-{offering.pk}-{timezone.localdate():%Y%m%d}"
        rows = (_export_row(b, positions.get(b.pk)) for b in bookings)
        if export == "csv":
            return csv_response(filename=filename, headers=_export_headers(), rows=rows)
        return xlsx_response(
            filename=filename, title=offering.title, headers=_export_headers(), rows=rows
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
        },
    )


# --- Actions on one booking ------------------------------------------------------------------


def _back_to_list(booking: Booking) -> HttpResponseRedirect:
    return redirect("event_booking_admin:offering_bookings", offering_id=booking.offering_id)


def _confirm(
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


def _confirm_then_run(
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
        return _confirm(request, booking, title=title, question=question, button=button)
    try:
        action()
    except DOMAIN_ERRORS as error:
        messages.error(request, _domain_message(error))
        return _back_to_list(booking)
    log(instance=booking, action=log_action, user=request.user)
    messages.success(request, success)
    return _back_to_list(booking)


def _question_values(booking: Booking) -> dict[str, object]:
    return {"ref": booking.reference, "name": booking.name, "seats": booking.seats}


@require(PERM_CHANGE)
def booking_cancel(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Cancel through the booking service: the seats go to the waiting list, and the booker
    is told by e-mail."""
    from event_booking.services import bookings as booking_services

    booking = get_object_or_404(Booking.objects.select_related("offering"), pk=booking_id)
    return _confirm_then_run(
        request,
        booking,
        title=_gettext("Cancel booking"),
        question=_gettext(
            "Cancel booking %(ref)s of %(name)s (%(seats)s seat(s))? The seats go to the "
            "waiting list and the person is told by e-mail."
        )
        % _question_values(booking),
        button=_gettext("Yes, cancel the booking"),
        action=lambda: booking_services.cancel_booking(booking_id=booking.pk),
        log_action="event_booking.cancel",
        success=_gettext("Booking %(ref)s cancelled.") % {"ref": booking.reference},
    )


@require(PERM_CHANGE)
def booking_promote(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Confirm a waitlisted booking now, out of waiting-list order, through the waiting-list
    service (only into free seats)."""
    from event_booking.services import waitlist

    booking = get_object_or_404(Booking.objects.select_related("offering"), pk=booking_id)
    return _confirm_then_run(
        request,
        booking,
        title=_gettext("Promote from the waiting list"),
        question=_gettext(
            "Confirm booking %(ref)s of %(name)s (%(seats)s seat(s)) now, ahead of the "
            "waiting list? The person is told by e-mail."
        )
        % _question_values(booking),
        button=_gettext("Yes, promote"),
        action=lambda: waitlist.promote_booking(booking_id=booking.pk),
        log_action="event_booking.promote",
        success=_gettext("Booking %(ref)s confirmed.") % {"ref": booking.reference},
    )


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Move to"),
        queryset=Offering.objects.none(),
        empty_label=_("Choose an offering"),
    )

    def __init__(self, *args: Any, booking: Booking, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        now = timezone.now()
        self.fields["target"].queryset = (
            Offering.objects.filter(is_active=True)
            .filter(Q(starts_at__gte=now) | Q(starts_at__isnull=True))
            .exclude(pk=booking.offering_id)
            .order_by("starts_at", "id")
        )
        self.fields["target"].label_from_instance = _offering_label

    waitlist_if_full = forms.BooleanField(
        label=_("Put it on the waiting list there if the seats are not free"),
        required=False,
    )


def _offering_label(offering: Offering) -> str:
    if offering.starts_at:
        return f"{offering.title} ({timezone.localtime(offering.starts_at):%Y-%m-%d %H:%M})"
    return offering.title


@require(PERM_CHANGE)
def booking_move(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Move a booking (same reference, same manage link) to another upcoming offering."""
    booking = get_object_or_404(Booking.objects.select_related("offering"), pk=booking_id)
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
            form.add_error("target", _domain_message(error))
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
            return _back_to_list(booking)
    return _confirm(
        request,
        booking,
        title=_gettext("Move booking"),
        question=_gettext(
            "Move booking %(ref)s of %(name)s (%(seats)s seat(s)) to another offering. It is "
            "confirmed there if the seats are free; the person gets a new confirmation."
        )
        % {"ref": booking.reference, "name": booking.name, "seats": booking.seats},
        button=_gettext("Move"),
        form=form,
    )


@require(PERM_CHANGE)
@require_POST
def booking_check_in(request: HttpRequest, booking_id: int) -> HttpResponse:
    """Mark a confirmed booking as arrived; `undo=1` takes the check-in back."""
    booking = get_object_or_404(Booking, pk=booking_id)
    undo = request.POST.get("undo") == "1"
    try:
        result = organiser.check_in(booking_id=booking.pk, undo=undo)
    except organiser.OrganiserActionError as error:
        messages.error(request, error.message)
        return _back_to_list(booking)
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
    return _back_to_list(booking)


@require(PERM_CHANGE)
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
    return _back_to_list(outbox.booking)


# --- Privacy ---------------------------------------------------------------------------------


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


@require(PERM_VIEW)
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


@require(PERM_ERASE)
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


def admin_urls() -> list:
    """The admin URL patterns, mounted by wagtail_hooks under /admin/bookings/."""
    from django.urls import path

    return [
        path("", offering_index, name="offering_index"),
        path("offerings/<int:offering_id>/", offering_bookings, name="offering_bookings"),
        path("<int:booking_id>/cancel/", booking_cancel, name="booking_cancel"),
        path("<int:booking_id>/promote/", booking_promote, name="booking_promote"),
        path("<int:booking_id>/move/", booking_move, name="booking_move"),
        path("<int:booking_id>/check-in/", booking_check_in, name="booking_check_in"),
        path("emails/<int:outbox_id>/retry/", email_retry, name="email_retry"),
        path("personal-data/", person_data, name="person_data"),
        path("personal-data/erase/", person_erase, name="person_erase"),
    ]
