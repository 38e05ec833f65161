"""Public booking views: the booking form's POST and the "manage my booking" page.

* `POST /<lang>/bookings/new/<page_id>/`: the form on an event or training page. Valid ->
  the booking service -> redirect to the manage page (post/redirect/get) with a message.
  Invalid input, or a domain error of the service, re-renders the page itself with the
  errors next to the fields (status 200; 429 over the rate limit). A person who already
  holds a booking of the offering is sent back to the page with a notice (the manage link is
  e-mailed again): the token is never shown to whoever merely knows an address.
* `GET /<lang>/bookings/<reference>/?token=...`: the manage page. A wrong or missing token is
  a 404, exactly like an unknown reference. POST forms on it (token in the body, CSRF)
  cancel, leave the waiting list and switch reminders; cancel and leave ask first.

The token travels in the URL, so these pages are `no-store`, `noindex` and send a referrer
only to this site (`same-origin`).
The per-IP limit of the booking API (`BOOKING_RATE_LIMIT`) counts form posts too.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from event_booking import calendars
from event_booking.api import BookingRateThrottle
from event_booking.forms import BookingForm, booking_setup
from event_booking.models import Booking, BookingStatus, OfferingKind, Participant
from event_booking.services import bookings as booking_services
from event_booking.services import waitlist
from event_booking.services.errors import BookingError, BookingNotFound, InvalidBooking
from event_booking.services.joining import join_link_for
from event_booking.services.pages import offering_page
from event_booking.services.payment import amount_payable, price_of
from event_booking.services.speed_dating_profiles import ProfileDetails
from event_booking.tokens import booking_token

# --- helpers ---------------------------------------------------------------------------------


def manage_path(booking: Booking, *, language: str | None = None) -> str:
    """The site-relative manage-page address of `booking` (with its token)."""
    with translation.override(language or booking.language):
        path = reverse("booking_manage", kwargs={"reference": booking.reference})
    return f"{path}?{urlencode({'token': booking_token(booking)})}"


def _private(response: HttpResponse) -> HttpResponse:
    """Headers of pages whose URL holds a token."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    # "same-origin", not "no-referrer": the token-bearing URL still never leaves the site, but
    # a browser posting a form from a "no-referrer" page sends `Origin: null`, which Django's
    # CSRF check refuses (403), so nobody could cancel from the e-mailed link.
    response["Referrer-Policy"] = "same-origin"
    return response


def _rate_limited(request: HttpRequest) -> bool:
    return not BookingRateThrottle().allow_request(request, None)


def _render_page(request: HttpRequest, page: Page, form: BookingForm, status: int = 200) -> Any:
    """Render the event or training page itself, with the bound form and its errors."""
    form.mark_invalid_fields()
    context = page.get_context(request)
    context["booking_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


# --- the booking form ------------------------------------------------------------------------


@require_POST
def book(request: HttpRequest, page_id: int) -> HttpResponse:
    """The booking form's POST (see the module docstring)."""
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None:
        raise Http404
    setup = booking_setup(page)
    if not setup.is_open:
        messages.error(request, _("Registration is not open for this page."))
        return redirect(page.url)
    form = BookingForm(request.POST, setup=setup)
    if _rate_limited(request):
        form.is_valid()
        form.add_error(
            None, _("Too many booking attempts from your network. Wait a minute and try again.")
        )
        return _render_page(request, page, form, status=429)
    if not form.is_valid():
        return _render_page(request, page, form)
    data = form.cleaned_data
    run_id = data.get("run") or (setup.runs[0].run_id if len(setup.runs) == 1 else None)
    try:
        outcome = booking_services.book(
            page_id=page.pk,
            run_id=run_id,
            booker=booking_services.BookerDetails.from_data(data),
            seats=data["seats"],
            language=setup.language,
            consent=setup.consent,
            profile=ProfileDetails.from_data(data),
        )
    except InvalidBooking as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, str(error.message))
        return _render_page(request, page, form)
    except BookingError as error:
        form.add_error(None, str(error.message))
        return _render_page(request, page, form)
    booking = outcome.booking
    if not outcome.created:
        messages.info(
            request,
            _(
                "There is already a booking for this e-mail address. We have e-mailed the "
                "link to manage it again (at most once an hour)."
            ),
        )
        return redirect(page.url)
    if booking.status == BookingStatus.CONFIRMED:
        messages.success(
            request,
            _("Thank you, your booking is confirmed. We have sent a confirmation e-mail."),
        )
    else:
        messages.warning(
            request,
            _(
                "The seats are taken: you are on the waiting list, in place %(position)s. "
                "We will e-mail you as soon as a seat is yours."
            )
            % {"position": outcome.waitlist_position},
        )
    return redirect(manage_path(booking, language=setup.language))


# --- the manage page -------------------------------------------------------------------------


def _booking_or_404(reference: str, token: str | None) -> Booking:
    try:
        return booking_services.find_booking(reference=reference, token=token)
    except BookingNotFound:
        raise Http404 from None


def offering_details(booking: Booking, language: str) -> dict[str, Any]:
    """Title, dates, venue, page and calendar links of the booked offering, through its live,
    public page in `language` when there is one (else the source-language page; see
    `services.pages.offering_page`), else the facts the offering mirrors."""
    offering = booking.offering
    page = offering_page(offering, language)
    entry = page.calendar_entry(offering.translation_key) if page is not None else None
    if entry is None:
        return {
            "title": offering.title,
            "starts_at": offering.starts_at,
            "ends_at": offering.ends_at,
            "all_day": offering.kind == OfferingKind.TRAINING_RUN,
            "venue": None,
            "online_link": "",
            "page_url": None,
            "calendar_url": None,
        }
    venue = {"name": entry.venue_name, "full_address": entry.venue_address}
    return {
        "title": entry.title,
        "starts_at": entry.start,
        "ends_at": entry.end,
        "all_day": entry.all_day,
        "venue": venue if entry.venue_name else None,
        "online_link": entry.online_link,
        "page_url": page.url,
        "calendar_url": calendars.calendar_url(page, offering.translation_key, language),
    }


@require_http_methods(["GET", "HEAD"])
def manage(request: HttpRequest, reference: str) -> HttpResponse:
    """The manage page (see the module docstring)."""
    token = request.GET.get("token")
    booking = _booking_or_404(reference, token)
    return _private(
        TemplateResponse(
            request,
            "event_booking/booking/manage.html",
            _manage_context(request, booking, token),
        )
    )


def _manage_context(request: HttpRequest, booking: Booking, token: str) -> dict[str, Any]:
    language = translation.get_language()
    details = offering_details(booking, language)
    payable = amount_payable(booking)
    return {
        "booking": booking,
        "token": token,
        "details": details,
        "position": waitlist.waitlist_position(booking),
        "amount_payable": payable,
        "price": price_of(payable) if payable else None,
        "join_link": join_link_for(booking, details["online_link"]),
        "statuses": BookingStatus,
        "is_active": booking.status in {BookingStatus.CONFIRMED, BookingStatus.WAITLISTED},
        "can_cancel": booking_services.booker_may_cancel(booking),
        "manage_url": manage_path(booking, language=language),
        "has_profile": Participant.objects.filter(booking=booking).exists(),
    }


def _confirm_or_act(
    request: HttpRequest, reference: str, *, action: str, run: Any, done: str
) -> HttpResponse:
    """GET: a confirmation page; POST: do `run(booking)` and go back to the manage page."""
    token = request.POST.get("token") if request.method == "POST" else request.GET.get("token")
    booking = _booking_or_404(reference, token)
    if request.method != "POST":
        context = _manage_context(request, booking, token)
        context["confirm"] = action
        return _private(TemplateResponse(request, "event_booking/booking/confirm.html", context))
    try:
        run(booking)
    except BookingError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return _private(HttpResponseRedirect(manage_path(booking, language=translation.get_language())))


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, reference: str) -> HttpResponse:
    """Cancel the booking (seats freed, the waiting list promoted), after a confirmation."""
    return _confirm_or_act(
        request,
        reference,
        action="cancel",
        run=lambda b: booking_services.cancel_booking(booking_id=b.pk, by_booker=True),
        done=_("Your booking has been cancelled."),
    )


@require_http_methods(["GET", "HEAD", "POST"])
def leave_waitlist(request: HttpRequest, reference: str) -> HttpResponse:
    """Leave the waiting list, after a confirmation."""
    return _confirm_or_act(
        request,
        reference,
        action="leave",
        run=lambda b: waitlist.leave_waitlist(booking_id=b.pk),
        done=_("You have left the waiting list."),
    )


@require_POST
def reminders(request: HttpRequest, reference: str) -> HttpResponse:
    """Turn the reminder e-mail on (`enabled=1`) or off (`enabled=0`)."""
    token = request.POST.get("token")
    booking = _booking_or_404(reference, token)
    enabled = request.POST.get("enabled") == "1"
    booking_services.set_reminders(booking_id=booking.pk, enabled=enabled)
    if enabled:
        messages.success(
            request, _("We will send you a reminder e-mail 24 hours before the start.")
        )
    else:
        messages.success(request, _("You will not get a reminder e-mail."))
    return _private(HttpResponseRedirect(manage_path(booking, language=translation.get_language())))
