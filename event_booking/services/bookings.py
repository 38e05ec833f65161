"""Bookings: make one, find it by its token, cancel it, switch its reminders.

A booking holds `seats` seats of one offering (an event, or a training run), in Hungarian or
English. It is confirmed when its seats fit, else waitlisted (see `waitlist` for the policy).

Guarantees:

* **One entry point.** `book()` is what the booking form and the API call: it finds the
  offering of the page (and run) and books it with `book_offering`.
* **No oversell.** `book_offering` and `cancel_booking` take the offering's row lock
  (`locking.lock_offering`; a cancellation through `locking.lock_booking`, which follows a
  booking moved meanwhile) before they count seats, and count and write in the same
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
from collections.abc import Mapping
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
    BookingError,
    BookingNotFound,
    InvalidBooking,
    InvalidStatusChange,
    OfferingOver,
)
from event_booking.services.locking import lock_booking, lock_offering
from event_booking.services.notifications import queue_email
from event_booking.services.offerings import resolve_offering
from event_booking.services.speed_dating_profiles import (
    CleanProfile,
    ProfileDetails,
    clean_profile,
    create_profile,
    is_speed_dating,
)
from event_booking.services.text_input import (
    FORBIDDEN_CATEGORIES,
    clean_multiline,
    clean_single_line,
)
from event_booking.services.waitlist import promote_waitlist_locked, waitlist_position
from event_booking.tokens import token_matches

#: The manage link is re-sent to an address that books again at most this often.
MANAGE_LINK_RESEND_INTERVAL = dt.timedelta(hours=1)

#: References: 10 characters of an alphabet without look-alikes (0/O, 1/I/L): 50 random bits,
#: so a collision (which the unique index would refuse) is not a practical concern.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 10


@dataclass(frozen=True)
class BookerDetails:
    """What a booker types in: the same fields for the booking form and the API.

    `book()` cleans them (trims; refuses line breaks, control, text-direction and zero-width
    characters; checks lengths and the address) before anything is stored.
    """

    name: str
    email: str
    organisation: str = ""
    phone: str = ""
    tax_number: str = ""
    billing_address: str = ""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> BookerDetails:
        """The details from a form's or serializer's cleaned data (absent fields: empty)."""
        return cls(
            name=data["name"],
            email=data["email"],
            **{
                field: data.get(field, "")
                for field in ("organisation", "phone", "tax_number", "billing_address")
            },
        )

    def cleaned(self) -> BookerDetails:
        """The details trimmed and checked.

        Raises:
            InvalidBooking: on the first bad field (`field` names it).
        """
        return BookerDetails(
            name=clean_single_line(self.name, field="name", max_length=200, required=True),
            email=clean_email(self.email),
            organisation=clean_single_line(
                self.organisation, field="organisation", max_length=200, required=False
            ),
            phone=clean_single_line(self.phone, field="phone", max_length=40, required=False),
            tax_number=clean_single_line(
                self.tax_number, field="tax_number", max_length=40, required=False
            ),
            billing_address=clean_multiline(
                self.billing_address, field="billing_address", max_length=500
            ),
        )


@dataclass(frozen=True)
class BookingOutcome:
    """The result of `book` and `book_offering`.

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


def clean_email(email: str) -> str:
    """A valid, normalised e-mail address. Raises InvalidBooking on field "email"."""
    address = normalise_email(email)
    if not address:
        raise InvalidBooking(_("This field is required."), field="email")
    if any(unicodedata.category(char) in FORBIDDEN_CATEGORIES for char in address):
        raise InvalidBooking(_("Enter a valid e-mail address."), field="email")
    try:
        validate_email(address)
    except ValidationError as error:
        raise InvalidBooking(_("Enter a valid e-mail address."), field="email") from error
    if len(address) > 254:
        raise InvalidBooking(_("Enter a valid e-mail address."), field="email")
    return address


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


def book(
    *,
    page_id: int,
    booker: BookerDetails,
    consent: ConsentText | None,
    run_id: int | None = None,
    seats: int = 1,
    language: str | None = None,
    profile: ProfileDetails | None = None,
) -> BookingOutcome:
    """Book seats through a page: the one entry point of the booking form and the API.

    Args:
        page_id: a live, public event or training page, in either language.
        run_id: which of a training's runs (either language's row); may be left out when
            the training has exactly one open run.
        booker: the booker's details, as typed (they are cleaned here).
        consent: the consent text version the booker agreed to; None: they did not agree.
        seats: how many seats.
        language: of the e-mails and the manage page; default: the page's language.
        profile: the speed-dating profile; required (and checked, see
            `speed_dating_profiles`) when the page is a speed-dating event, ignored otherwise.

    Returns and raises: as `book_offering`; also the errors of `offerings.resolve_offering`
    (NotBookable, InvalidBooking on "run", RegistrationClosed) and of `clean_profile`.
    """
    target = resolve_offering(page_id=page_id, run_id=run_id)
    clean = None
    if is_speed_dating(target.page.specific):
        booker = booker.cleaned()
        clean = clean_profile(
            profile or ProfileDetails(),
            page=target.page.specific,
            organisation=booker.organisation,
        )
        if seats != 1:
            raise InvalidBooking(
                _("A speed-dating booking is for one person: book one seat."), field="seats"
            )
    return book_offering(
        offering_id=target.offering.pk,
        page_id=target.page.pk,
        booker=booker,
        seats=seats,
        language=language or target.page.locale.language_code,
        consent=consent,
        profile=clean,
    )


def book_offering(
    *,
    offering_id: int,
    booker: BookerDetails,
    language: str,
    consent: ConsentText | None,
    seats: int = 1,
    page_id: int | None = None,
    profile: CleanProfile | None = None,
) -> BookingOutcome:
    """Book `seats` seats of an offering for one person: confirmed if they fit, else waitlisted.

    Args:
        offering_id: the offering (`book()` finds it from a page).
        booker: the booker's details; one-line fields refuse line breaks, control,
            text-direction and zero-width characters (header injection, spoofed names).
        language: "hu" or "en": the language of the booker's e-mails and manage page.
        consent: the consent text version the booker agreed to (`consent.current_consent()`);
            None means they did not agree.
        seats: 1 to the offering's maximum per booking (and not more than its capacity).
        page_id: the page the booking came through (for the organisers; optional).
        profile: a checked speed-dating profile, stored with a new booking.

    Returns:
        BookingOutcome. `created` is False when this address already holds an active booking
        of the offering: nothing is booked, and the manage link is re-sent (at most hourly).

    Raises:
        InvalidBooking: a bad input; `field` names it ("name", "email", "seats", ...).
        RegistrationNotOpen, RegistrationClosed, OfferingOver: registration is not open
            (checked under the lock; an existing booking is returned even then).
    """
    booker = booker.cleaned()
    address = booker.email
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
            name=booker.name,
            email=address,
            organisation=booker.organisation,
            phone=booker.phone,
            tax_number=booker.tax_number,
            billing_address=booker.billing_address,
            amount_due=offering.fee * seats,
            currency=offering.currency,
            consent=consent,
            confirmed_at=now if fits else None,
            waitlisted_at=None if fits else now,
            manage_link_sent_at=now,
        )
        if profile is not None:
            create_profile(booking=booking, profile=profile, now=now)
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


def booker_cancel_refusal(
    booking: Booking, *, offering: Offering | None = None, now: dt.datetime | None = None
) -> BookingError | None:
    """Why the booker may not cancel `booking` themselves now, or None when they may.

    A booker cancels a confirmed or waitlisted booking until the offering starts; after
    that only organisers can (e.g. a no-show). The manage page asks this to offer the
    button, and `cancel_booking(by_booker=True)` asks it again under the lock.
    """
    if booking.status not in ACTIVE_STATUSES:
        return InvalidStatusChange(_("This booking has already been cancelled."))
    offering = offering or booking.offering
    now = now or timezone.now()
    if offering.starts_at and now >= offering.starts_at:
        return OfferingOver(_("The event has started: the booking can no longer be cancelled."))
    return None


def booker_may_cancel(booking: Booking) -> bool:
    """Whether the booker may cancel `booking` themselves now (see `booker_cancel_refusal`)."""
    return booker_cancel_refusal(booking) is None


def cancel_booking(*, booking_id: int, notify: bool = True, by_booker: bool = False) -> Booking:
    """Cancel a confirmed or waitlisted booking, free its seats and promote the waiting list.

    All in one transaction under the lock of the booking and of the offering it belongs to
    (`locking.lock_booking`, which follows a booking moved meanwhile, so the right waiting
    list is promoted); the promoted bookings' e-mails and (if `notify`) the cancellation
    e-mail are queued in it. `by_booker=True` (the manage page and the API) refuses once the
    offering has started (`booker_cancel_refusal`); organisers (the default) may cancel any
    time, e.g. a no-show.

    Raises:
        BookingNotFound: no such booking.
        InvalidStatusChange: it is already cancelled or has left the waiting list.
        OfferingOver: `by_booker` and the offering has started.
    """
    with transaction.atomic():
        locked = lock_booking(booking_id=booking_id)
        booking, offering = locked.booking, locked.offering
        if booking.status not in ACTIVE_STATUSES:
            raise InvalidStatusChange(_("This booking has already been cancelled."))
        now = timezone.now()
        if by_booker:
            refusal = booker_cancel_refusal(booking, offering=offering, now=now)
            if refusal is not None:
                raise refusal
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
        booking = lock_booking(booking_id=booking_id).booking
        if booking.reminders_enabled != enabled:
            booking.reminders_enabled = enabled
            booking.save(update_fields=["reminders_enabled"])
        return booking
