"""The waiting list: its order, automatic promotion, and leaving it.

Waiting-list policy
-------------------
* **Order.** Bookings that do not fit when they are made are waitlisted, groups included, in
  the order they took the offering's lock: by `(waitlisted_at, id)`. A booking keeps its place
  whatever happens to others; leaving the list or being promoted removes it.
* **Promotion is automatic and first-that-fits.** Whenever seats are freed (a cancellation, a
  larger capacity) the list is walked in order inside the same transaction, and every entry
  whose seats fit into the free seats *at that point of the walk* is confirmed and told by
  e-mail. An earlier entry that fits is therefore never overtaken. An entry that does not fit
  (a group of 4 when 2 seats are free) keeps its place at the head, and later, smaller entries
  that do fit take the seats it cannot use: seats never stay empty while someone who could use
  them waits. The group is promoted as soon as enough seats are free at once. (Strict order,
  where nobody passes a waiting group, would leave seats empty until the event; organisers
  can still promote any entry by hand, see `promote_booking`.)
* **Invariant.** After every change no waitlisted entry fits into the free seats. So a new
  booking is confirmed exactly when its seats fit; that overtakes only entries that do not fit,
  as the rule above allows.
* **Until the start.** Promotion runs until the offering starts, also after the registration
  deadline (someone on the list still wants the seat); from the start on nobody is promoted.
  An inactive offering (page unpublished, run removed) promotes nobody.
* **Leaving.** A waitlisted person can leave the list (status "left the waiting list"); this
  frees no seats, so it promotes nobody.

Every function that changes seats takes the offering's row lock first (see
`locking.lock_offering`, and `locking.lock_booking` for one booking): promotion, cancellation
and new bookings of one offering happen one at a time.

The waiting-list position (`waitlist_position`, `waitlist_positions`) is answered here only:
the API, the manage page, the e-mails and the organiser screens all ask these two.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from event_booking.models import Booking, BookingStatus, EmailKind, Offering
from event_booking.services.errors import (
    InvalidStatusChange,
    NoRoom,
    OfferingOver,
)
from event_booking.services.locking import lock_booking, lock_offering
from event_booking.services.notifications import queue_email

#: The order of a waiting list: who took the offering's lock first.
WAITLIST_ORDER = ("waitlisted_at", "pk")


def confirmed_seats(offering_id: int) -> int:
    """Seats held by confirmed bookings of the offering (call under its lock to rely on it)."""
    total = Booking.objects.filter(
        offering_id=offering_id, status=BookingStatus.CONFIRMED
    ).aggregate(total=Sum("seats"))["total"]
    return total or 0


def waitlist_position(booking: Booking) -> int | None:
    """1-based place of a waitlisted booking in its offering's list; None if not waitlisted."""
    if booking.status != BookingStatus.WAITLISTED or booking.waitlisted_at is None:
        return None
    ahead = Booking.objects.filter(
        offering_id=booking.offering_id, status=BookingStatus.WAITLISTED
    ).filter(
        Q(waitlisted_at__lt=booking.waitlisted_at)
        | Q(waitlisted_at=booking.waitlisted_at, pk__lt=booking.pk)
    )
    return ahead.count() + 1


def waitlist_positions(offering_id: int) -> dict[int, int]:
    """Booking id -> 1-based waiting-list position of every waitlisted booking (one query)."""
    ids = (
        Booking.objects.filter(offering_id=offering_id, status=BookingStatus.WAITLISTED)
        .order_by(*WAITLIST_ORDER)
        .values_list("pk", flat=True)
    )
    return {booking_id: position for position, booking_id in enumerate(ids, start=1)}


def _confirm(booking: Booking, now: object) -> None:
    booking.status = BookingStatus.CONFIRMED
    booking.confirmed_at = now
    booking.save(update_fields=["status", "confirmed_at"])
    queue_email(booking=booking, kind=EmailKind.PROMOTED)


def promote_waitlist_locked(offering: Offering) -> list[Booking]:
    """Promote, first-that-fits, while the caller holds `offering`'s lock.

    For services that already locked the offering in their own transaction (cancellation,
    offering sync). Returns the promoted bookings, in list order; each gets a promotion
    e-mail queued in the caller's transaction.
    """
    now = timezone.now()
    if not offering.is_active or (offering.starts_at and now >= offering.starts_at):
        return []
    waiting = Booking.objects.filter(offering=offering, status=BookingStatus.WAITLISTED)
    if offering.capacity is None:
        free = None
    else:
        free = offering.capacity - confirmed_seats(offering.pk)
        if free <= 0:
            return []
        waiting = waiting.filter(seats__lte=free)
    promoted = []
    for booking in waiting.order_by(*WAITLIST_ORDER):
        if free is not None:
            if booking.seats > free:
                continue
            free -= booking.seats
        _confirm(booking, now)
        promoted.append(booking)
        if free == 0:
            break
    return promoted


def promote_waitlist(*, offering_id: int) -> list[Booking]:
    """Lock the offering and promote its waiting list (policy above). Safe to call any time,
    also twice: with no free seats, or nobody who fits, it does nothing."""
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        return promote_waitlist_locked(offering)


def promote_booking(*, booking_id: int) -> Booking:
    """An organiser confirms one waitlisted booking now, out of waiting-list order.

    It must fit into the free seats: an organiser never oversells either. The booker gets
    the promotion e-mail.

    Raises:
        BookingNotFound: no such booking.
        InvalidStatusChange: the booking is not on the waiting list.
        OfferingOver: the offering has started.
        NoRoom: its seats do not fit into the free seats.
    """
    with transaction.atomic():
        locked = lock_booking(booking_id=booking_id)
        booking, offering = locked.booking, locked.offering
        if booking.status != BookingStatus.WAITLISTED:
            raise InvalidStatusChange()
        if offering.starts_at and timezone.now() >= offering.starts_at:
            raise OfferingOver()
        if offering.capacity is not None:
            if confirmed_seats(offering.pk) + booking.seats > offering.capacity:
                raise NoRoom()
        _confirm(booking, timezone.now())
        return booking


def leave_waitlist(*, booking_id: int) -> Booking:
    """The booker leaves the waiting list (status `left-waitlist`). Frees no seats.

    Raises:
        BookingNotFound: no such booking.
        InvalidStatusChange: the booking is not (or no longer) on the waiting list, e.g. it
            was promoted meanwhile; then it has to be cancelled instead.
    """
    with transaction.atomic():
        booking = lock_booking(booking_id=booking_id).booking
        if booking.status != BookingStatus.WAITLISTED:
            if booking.status == BookingStatus.CONFIRMED:
                raise InvalidStatusChange(
                    _("This booking is no longer on the waiting list: it has been confirmed.")
                )
            raise InvalidStatusChange()
        booking.status = BookingStatus.LEFT_WAITLIST
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["status", "cancelled_at"])
        return booking
