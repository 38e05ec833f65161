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

from event_booking.models import Booking, BookingStatus, EmailOutbox, Offering, OutboxStatus


class OrganiserActionError(Exception):
    """An organiser action that cannot be done; `message` says why, in the admin's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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


def waitlist_positions(offering: Offering) -> dict[int, int]:
    """Booking id -> 1-based waiting-list position, in the order promotion follows."""
    ids = (
        offering.bookings.filter(status=BookingStatus.WAITLISTED)
        .order_by("waitlisted_at", "id")
        .values_list("id", flat=True)
    )
    return {booking_id: position for position, booking_id in enumerate(ids, start=1)}


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
        booking = Booking.objects.select_for_update().get(pk=booking_id)
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
