"""Bookings: make one, find it by its token, cancel it, switch its reminders.

A booking holds `seats` seats of one offering (an event, or a training run), in Hungarian or
English. It is confirmed when its seats fit, else waitlisted (see `waitlist` for the policy).

Guarantees:

* **No oversell.** `create_booking` and `cancel_booking` take the offering's row lock
  (`offerings.lock_offering`) before they count seats, and count and write in the same
  transaction.
* **One active booking per address and offering.** The same e-mail (compared lower-cased)
  booking the same offering again while its booking is confirmed or waitlisted gets that
  booking back (`created=False`) and no second seat; the database enforces it too
  (`one_active_booking_per_email`). The manage link is then e-mailed to the address again
  (a `manage-link` outbox row with the next `sequence`), at most once an hour
  (`MANAGE_LINK_RESEND_INTERVAL`, counted from the last e-mail that carried the link, the
  confirmation included, so a double click sends nothing twice): whoever knows the address
  learns nothing and cannot flood the inbox.
* **E-mails commit with the booking.** Each e-mail is an outbox row written in the same
  transaction (`notifications.queue_email`) and delivered after the commit: a booking rolled
  back sends nothing.
* `amount_due` = seats x the offering's fee per seat, in its currency (EUR); payment is by
  invoice, outside the system.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from event_booking.models import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    ConsentText,
    EmailKind,
    Offering,
)
from event_booking.services.availability import registration_error
from event_booking.services.errors import (
    BookingNotFound,
    InvalidBooking,
    InvalidStatusChange,
    OfferingOver,
)
from event_booking.services.notifications import queue_email
from event_booking.services.offerings import lock_offering
from event_booking.services.waitlist import promote_waitlist_locked, waitlist_position
from event_booking.tokens import token_matches

#: The manage link is re-sent to an address that books again at most this often.
MANAGE_LINK_RESEND_INTERVAL = dt.timedelta(hours=1)

#: References: 10 characters of an alphabet without look-alikes (0/O, 1/I/L): 50 random bits,
#: so a collision (which the unique index would refuse) is not a practical concern.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 10

# Characters that could break an e-mail header or fake a line break: control characters and
# the Unicode line/paragraph separators.
_FORBIDDEN_CATEGORIES = {"Cc", "Zl", "Zp"}


@dataclass(frozen=True)
class BookingOutcome:
    """The result of `create_booking`.

    `created` is False when the address already had an active booking of the offering: that
    booking is returned, and its token must not be shown to the caller.
    """

    booking: Booking
    created: bool
    waitlist_position: int | None
    manage_link_resent: bool = False


def new_reference() -> str:
    """A fresh random booking reference (see REFERENCE_ALPHABET)."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def normalise_email(email: str) -> str:
    """Addresses are compared and stored trimmed and lower-cased."""
    return (email or "").strip().lower()


def clean_single_line(value: str, *, field: str, max_length: int, required: bool) -> str:
    """Trim a one-line text input (name, organisation, phone) and refuse what could inject
    e-mail headers: line breaks and other control characters.

    Raises:
        InvalidBooking: on the given `field`.
    """
    value = (value or "").strip()
    if any(unicodedata.category(char) in _FORBIDDEN_CATEGORIES for char in value):
        raise InvalidBooking(
            _("Line breaks and control characters are not allowed here."), field=field
        )
    if required and not value:
        raise InvalidBooking(_("This field is required."), field=field)
    if len(value) > max_length:
        raise InvalidBooking(
            _("Enter at most %(max)d characters.") % {"max": max_length}, field=field
        )
    return value


def clean_email(email: str) -> str:
    """A valid, normalised e-mail address. Raises InvalidBooking on field "email"."""
    address = normalise_email(email)
    if not address:
        raise InvalidBooking(_("This field is required."), field="email")
    if any(unicodedata.category(char) in _FORBIDDEN_CATEGORIES for char in address):
        raise InvalidBooking(_("Enter a valid e-mail address."), field="email")
    try:
        validate_email(address)
    except ValidationError as error:
        raise InvalidBooking(_("Enter a valid e-mail address."), field="email") from error
    if len(address) > 254:
        raise InvalidBooking(_("Enter a valid e-mail address."), field="email")
    return address


def _clean_multiline(value: str, *, field: str, max_length: int) -> str:
    value = (value or "").strip().replace("\r\n", "\n")
    if any(
        unicodedata.category(char) in _FORBIDDEN_CATEGORIES and char not in "\n\t" for char in value
    ):
        raise InvalidBooking(_("Control characters are not allowed here."), field=field)
    if len(value) > max_length:
        raise InvalidBooking(
            _("Enter at most %(max)d characters.") % {"max": max_length}, field=field
        )
    return value


def _resend_manage_link(booking: Booking, now: dt.datetime) -> bool:
    if booking.manage_link_sent_at and now - booking.manage_link_sent_at < (
        MANAGE_LINK_RESEND_INTERVAL
    ):
        return False
    last = booking.emails.filter(kind=EmailKind.MANAGE_LINK).aggregate(last=Max("sequence"))
    booking.manage_link_sent_at = now
    booking.save(update_fields=["manage_link_sent_at"])
    queue_email(booking=booking, kind=EmailKind.MANAGE_LINK, sequence=(last["last"] or 0) + 1)
    return True


def create_booking(
    *,
    offering_id: int,
    name: str,
    email: str,
    language: str,
    consent: ConsentText | None,
    seats: int = 1,
    page_id: int | None = None,
    organisation: str = "",
    phone: str = "",
    tax_number: str = "",
    billing_address: str = "",
) -> BookingOutcome:
    """Book `seats` seats of an offering for one person: confirmed if they fit, else waitlisted.

    Args:
        offering_id: the offering (see `offerings.resolve_offering` to get it from a page).
        name, email, organisation, phone, tax_number, billing_address: the booker's details;
            one-line fields refuse line breaks and control characters (header injection).
        language: "hu" or "en": the language of the booker's e-mails and manage page.
        consent: the consent text version the booker agreed to (`consent.current_consent()`);
            None means they did not agree.
        seats: 1 to the offering's maximum per booking (and not more than its capacity).
        page_id: the page the booking came through (for the organisers; optional).

    Returns:
        BookingOutcome. `created` is False when this address already holds an active booking
        of the offering: nothing is booked, and the manage link is re-sent (at most hourly).

    Raises:
        InvalidBooking: a bad input; `field` names it ("name", "email", "seats", ...).
        RegistrationNotOpen, RegistrationClosed, OfferingOver: registration is not open
            (checked under the lock; an existing booking is returned even then).
    """
    name = clean_single_line(name, field="name", max_length=200, required=True)
    address = clean_email(email)
    organisation = clean_single_line(
        organisation, field="organisation", max_length=200, required=False
    )
    phone = clean_single_line(phone, field="phone", max_length=40, required=False)
    tax_number = clean_single_line(tax_number, field="tax_number", max_length=40, required=False)
    billing_address = _clean_multiline(billing_address, field="billing_address", max_length=500)
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise InvalidBooking(_("Choose Hungarian (hu) or English (en)."), field="language")
    if consent is None:
        raise InvalidBooking(
            _("You must agree to the processing of your data to book."), field="consent"
        )
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise InvalidBooking(_("Book at least one seat."), field="seats")

    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        now = timezone.now()
        counts = Booking.objects.filter(offering=offering, status__in=ACTIVE_STATUSES).aggregate(
            existing=Min("pk", filter=Q(email=address)),
            confirmed=Sum("seats", filter=Q(status=BookingStatus.CONFIRMED)),
            smallest_waiting=Min("seats", filter=Q(status=BookingStatus.WAITLISTED)),
            waiting=Count("pk", filter=Q(status=BookingStatus.WAITLISTED)),
        )
        if counts["existing"] is not None:
            existing = Booking.objects.get(pk=counts["existing"])
            resent = _resend_manage_link(existing, now)
            return BookingOutcome(
                booking=existing,
                created=False,
                waitlist_position=waitlist_position(existing),
                manage_link_resent=resent,
            )
        error = registration_error(offering, now=now)
        if error is not None:
            raise error
        if seats > offering.max_seats_per_booking:
            raise InvalidBooking(
                _("You can book at most %(max)d seats at once.")
                % {"max": offering.max_seats_per_booking},
                field="seats",
            )
        if offering.capacity is not None and seats > offering.capacity:
            raise InvalidBooking(
                _("There are only %(capacity)d seats in all.") % {"capacity": offering.capacity},
                field="seats",
            )
        fits, waiting_ahead = _fits(offering, seats, counts)
        booking = Booking.objects.create(
            reference=new_reference(),
            offering=offering,
            page_id=page_id,
            status=BookingStatus.CONFIRMED if fits else BookingStatus.WAITLISTED,
            seats=seats,
            language=language,
            name=name,
            email=address,
            organisation=organisation,
            phone=phone,
            tax_number=tax_number,
            billing_address=billing_address,
            amount_due=offering.fee * seats,
            currency=offering.currency,
            consent=consent,
            confirmed_at=now if fits else None,
            waitlisted_at=None if fits else now,
            manage_link_sent_at=now,
        )
        queue_email(booking=booking, kind=EmailKind.CONFIRMATION if fits else EmailKind.WAITLISTED)
        position = None if fits else waiting_ahead + 1
        return BookingOutcome(booking=booking, created=True, waitlist_position=position)


def _fits(offering: Offering, seats: int, counts: dict[str, Any]) -> tuple[bool, int]:
    """Whether `seats` more seats fit, and how many bookings wait ahead of a new entry.

    `counts` is the aggregate taken under the offering's lock (confirmed seats, the smallest
    waiting entry, the number waiting). If an entry that fits is waiting (the invariant was
    broken, e.g. by a capacity edited outside the page), the list is promoted first, so a
    newcomer never overtakes an earlier entry that fits.
    """
    waiting = counts["waiting"] or 0
    if offering.capacity is None:
        return True, waiting
    free = offering.capacity - (counts["confirmed"] or 0)
    smallest = counts["smallest_waiting"]
    if smallest is not None and smallest <= free:
        promoted = promote_waitlist_locked(offering)
        free -= sum(booking.seats for booking in promoted)
        waiting -= len(promoted)
    return seats <= free, waiting


def find_booking(*, reference: str, token: str | None) -> Booking:
    """The booking with this reference, if `token` opens it.

    Raises:
        BookingNotFound: unknown reference, or a wrong or missing token (the same error, so
            that a reference alone reveals nothing).
    """
    reference = (reference or "").strip().upper()
    booking = (
        Booking.objects.select_related("offering", "consent").filter(reference=reference).first()
    )
    if booking is None or not token_matches(booking, token):
        raise BookingNotFound()
    return booking


def cancel_booking(*, booking_id: int, notify: bool = True, by_booker: bool = False) -> Booking:
    """Cancel a confirmed or waitlisted booking, free its seats and promote the waiting list.

    All in one transaction under the offering's lock; the promoted bookings' e-mails and (if
    `notify`) the cancellation e-mail are queued in it. `by_booker=True` (the manage page and
    the API) refuses once the offering has started; organisers (the default) may cancel any
    time, e.g. a no-show.

    Raises:
        BookingNotFound: no such booking.
        InvalidStatusChange: it is already cancelled or has left the waiting list.
        OfferingOver: `by_booker` and the offering has started.
    """
    offering_id = (
        Booking.objects.filter(pk=booking_id).values_list("offering_id", flat=True).first()
    )
    if offering_id is None:
        raise BookingNotFound()
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        booking = Booking.objects.select_for_update().get(pk=booking_id)
        if booking.status not in ACTIVE_STATUSES:
            raise InvalidStatusChange(_("This booking has already been cancelled."))
        now = timezone.now()
        if by_booker and offering.starts_at and now >= offering.starts_at:
            raise OfferingOver(_("The event has started: the booking can no longer be cancelled."))
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        if notify:
            queue_email(booking=booking, kind=EmailKind.CANCELLED)
        if was_confirmed:
            promote_waitlist_locked(offering)
        return booking


def set_reminders(*, booking_id: int, enabled: bool) -> Booking:
    """Turn the 24-hour reminder e-mail of a booking on or off (idempotent).

    Raises:
        BookingNotFound: no such booking.
    """
    with transaction.atomic():
        booking = Booking.objects.select_for_update().filter(pk=booking_id).first()
        if booking is None:
            raise BookingNotFound()
        if booking.reminders_enabled != enabled:
            booking.reminders_enabled = enabled
            booking.save(update_fields=["reminders_enabled"])
        return booking
