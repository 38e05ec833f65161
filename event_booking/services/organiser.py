"""What organisers do to bookings from the admin, beyond what a booker can do themselves.

Cancel and promote are the booking and waiting-list services' own functions; this module adds
check-in on the day and moving a booking to another offering, plus the read-only queries the
organiser screens need (counts per offering, waiting-list positions, search).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from event_booking.models import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    EmailKind,
    EmailOutbox,
    Offering,
    OutboxStatus,
)
from event_booking.services.errors import (
    BookingError,
    InvalidStatusChange,
    NoRoom,
    OfferingOver,
    RegistrationClosed,
)
from event_booking.services.locking import lock_booking
from event_booking.services.notifications import queue_email
from event_booking.services.pages import offering_page
from event_booking.services.waitlist import confirmed_seats, promote_waitlist_locked


class OrganiserActionError(BookingError):
    """An organiser action that cannot be done; `message` says why."""


def _seats(status: str) -> Coalesce:
    return Coalesce(
        Sum("bookings__seats", filter=Q(bookings__status=status)),
        Value(0),
        output_field=IntegerField(),
    )


def offerings_with_counts(queryset: QuerySet[Offering] | None = None) -> QuerySet[Offering]:
    """Offerings annotated for the organiser overview, in one query.

    Annotations: `confirmed_seats`, `waitlisted_seats`, `waitlisted_bookings`,
    `cancelled_seats` (cancelled bookings; people who left the waiting list are not
    cancellations), `checked_in_seats`, `amount_due_total` (sum over confirmed bookings)
    and `failed_emails`. `seats_left` is a property-like helper: see `seats_left()`.
    """
    queryset = Offering.objects.all() if queryset is None else queryset
    failed = (
        EmailOutbox.objects.filter(booking__offering=OuterRef("pk"), status=OutboxStatus.FAILED)
        .order_by()
        .values("booking__offering")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.annotate(
        # A subquery, not a join: joining e-mails would multiply the seat sums.
        failed_emails=Coalesce(Subquery(failed, output_field=IntegerField()), Value(0)),
        confirmed_seats=_seats(BookingStatus.CONFIRMED),
        waitlisted_seats=_seats(BookingStatus.WAITLISTED),
        cancelled_seats=_seats(BookingStatus.CANCELLED),
        waitlisted_bookings=Count(
            "bookings", filter=Q(bookings__status=BookingStatus.WAITLISTED), distinct=True
        ),
        checked_in_seats=Coalesce(
            Sum(
                "bookings__seats",
                filter=Q(
                    bookings__status=BookingStatus.CONFIRMED,
                    bookings__checked_in_at__isnull=False,
                ),
            ),
            Value(0),
            output_field=IntegerField(),
        ),
        amount_due_total=Coalesce(
            Sum("bookings__amount_due", filter=Q(bookings__status=BookingStatus.CONFIRMED)),
            Value(Decimal("0")),
            output_field=DecimalField(max_digits=12, decimal_places=2),
        ),
    )


def seats_left(offering: Offering, confirmed_seats: int) -> int | None:
    """Free seats given the confirmed ones; None for an offering without a capacity limit."""
    if offering.capacity is None:
        return None
    return max(offering.capacity - confirmed_seats, 0)


def search_bookings(*, offering: Offering, query: str = "", status: str = "") -> QuerySet[Booking]:
    """The offering's bookings matching `query` (name, e-mail, reference or organisation,
    case-insensitive substring) and `status` (empty: all), oldest first."""
    bookings = offering.bookings.select_related("consent").order_by("created_at", "id")
    query = (query or "").strip()
    if query:
        bookings = bookings.filter(
            Q(name__icontains=query)
            | Q(email__icontains=query)
            | Q(reference__icontains=query)
            | Q(organisation__icontains=query)
        )
    if status:
        bookings = bookings.filter(status=status)
    return bookings


@dataclass(frozen=True)
class CheckInResult:
    booking: Booking
    checked_in: bool


def check_in(*, booking_id: int, undo: bool = False) -> CheckInResult:
    """Mark a confirmed booking as arrived (or, with `undo`, as not arrived).

    Idempotent: checking in twice keeps the first arrival time. Only confirmed bookings can
    be checked in: a waitlisted or cancelled person holds no seat at the door.

    Raises:
        OrganiserActionError: the booking is not confirmed, or it is anonymised.
    """
    with transaction.atomic():
        booking = lock_booking(booking_id=booking_id).booking
        if undo:
            if booking.checked_in_at is not None:
                booking.checked_in_at = None
                booking.save(update_fields=["checked_in_at"])
            return CheckInResult(booking=booking, checked_in=False)
        if booking.status != BookingStatus.CONFIRMED:
            raise OrganiserActionError(
                _("Only confirmed bookings can be checked in; %(ref)s is %(status)s.")
                % {"ref": booking.reference, "status": booking.get_status_display()}
            )
        if booking.checked_in_at is None:
            booking.checked_in_at = timezone.now()
            booking.save(update_fields=["checked_in_at"])
        return CheckInResult(booking=booking, checked_in=True)


def _next_sequence(booking: Booking, kind: str) -> int:
    last = booking.emails.filter(kind=kind).aggregate(last=Max("sequence"))["last"]
    return 0 if last is None else last + 1


def move_targets(*, booking: Booking) -> QuerySet[Offering]:
    """The offerings `booking` may be moved to: still on the site and not started (or
    undated), other than its own. The one rule `move_booking` checks and the admin offers."""
    return (
        Offering.objects.filter(is_active=True)
        .filter(Q(starts_at__gt=timezone.now()) | Q(starts_at__isnull=True))
        .exclude(pk=booking.offering_id)
        .order_by("starts_at", "id")
    )


def move_booking(
    *, booking_id: int, target_offering_id: int, waitlist_if_full: bool = False
) -> Booking:
    """Move an active booking to another offering (another date, another run).

    The booking keeps its reference, token and manage link, its seats, language and consent.
    Both offerings are locked, lower id first (so two moves in opposite directions cannot
    deadlock), before anything is counted (`locking.lock_booking`). In the target it is
    confirmed when its seats fit into the free seats; otherwise it is refused (`NoRoom`),
    or with `waitlist_if_full` put at the end of the target's waiting list. The amount due
    follows the target's fee. The seats it frees in the source go to the source's waiting
    list at once. The booker gets a new confirmation (or waiting-list notice) describing
    the target. The organiser may move into an offering whose registration has closed, but
    not into one that has started or is no longer on the site.

    Raises:
        BookingNotFound: no such booking.
        InvalidStatusChange: the booking is cancelled, or already belongs to the target.
        RegistrationClosed: the target is no longer active.
        OfferingOver: the target has started.
        NoRoom: the seats do not fit and `waitlist_if_full` is false, or they exceed the
            target's whole capacity.
        OrganiserActionError: the same address already holds a booking of the target.
    """
    with transaction.atomic():
        locked = lock_booking(booking_id=booking_id, with_offerings=[target_offering_id])
        booking, source = locked.booking, locked.offering
        if source.pk == target_offering_id:
            raise InvalidStatusChange(_("The booking already belongs to this offering."))
        target = locked.offerings.get(target_offering_id)
        if target is None:
            raise RegistrationClosed(_("The target offering is no longer on the site."))
        if booking.status not in ACTIVE_STATUSES:
            raise InvalidStatusChange(_("Only confirmed or waitlisted bookings can be moved."))
        now = timezone.now()
        if not target.is_active:
            raise RegistrationClosed(_("The target offering is no longer on the site."))
        if target.starts_at and now >= target.starts_at:
            raise OfferingOver(_("The target offering has already started."))
        if Booking.objects.filter(
            offering=target, email=booking.email, status__in=ACTIVE_STATUSES
        ).exists():
            raise OrganiserActionError(
                _("This person already has a booking of the target offering.")
            )
        if target.capacity is not None and booking.seats > target.capacity:
            raise NoRoom(
                _("The target offering has only %(capacity)d seats in all.")
                % {"capacity": target.capacity}
            )
        taken = confirmed_seats(target.pk) if target.capacity is not None else 0
        fits = target.capacity is None or taken + booking.seats <= target.capacity
        if not fits and not waitlist_if_full:
            free = max(target.capacity - taken, 0)
            raise NoRoom(
                ngettext_lazy(
                    "Only %(free)d seat is free in the target offering; the booking needs "
                    "%(seats)d.",
                    "Only %(free)d seats are free in the target offering; the booking needs "
                    "%(seats)d.",
                    "free",
                )
                % {"free": free, "seats": booking.seats}
            )
        was_confirmed = booking.status == BookingStatus.CONFIRMED
        booking.offering = target
        booking.page = offering_page(target, booking.language)
        booking.amount_due = target.fee * booking.seats
        booking.currency = target.currency
        booking.checked_in_at = None
        if fits:
            booking.status = BookingStatus.CONFIRMED
            booking.confirmed_at = now
            booking.waitlisted_at = None
            kind = EmailKind.CONFIRMATION
        else:
            booking.status = BookingStatus.WAITLISTED
            booking.confirmed_at = None
            booking.waitlisted_at = now
            kind = EmailKind.WAITLISTED
        booking.save()
        queue_email(booking=booking, kind=kind, sequence=_next_sequence(booking, kind))
        if was_confirmed:
            promote_waitlist_locked(source)
        return booking
