"""The locks of the booking engine: an offering's row, and a booking with its offering.

Lock order is always **offering(s), then booking(s)**, offerings by ascending id: every
service that changes seats or a booking takes its locks through this module, so two
transactions never wait for each other in opposite orders.

Why a booking lock needs care: a booking's offering can change (an organiser moves it). A
service that read `booking.offering_id` and then waited for that offering's lock may find,
once it holds the lock, that the booking now belongs to another offering: it would count the
wrong seats and promote the wrong waiting list. `lock_booking` therefore re-reads the
booking's offering after locking the booking row, and when it moved, locks the new offering
too and checks again (a few rounds, then `BookingChanged`).

Both functions refuse to run outside `transaction.atomic()` (the lock would end at once).
PostgreSQL takes `SELECT ... FOR UPDATE` row locks; SQLite has none, but the settings open
every transaction with `BEGIN IMMEDIATE`, which serialises writers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cms.locking import require_transaction
from event_booking.models import Booking, Offering
from event_booking.services.errors import BookingNotFound, InvalidStatusChange

#: Test-only switch. The concurrency control test turns the row lock off to prove that the
#: test can see an oversell; production code never changes it.
ROW_LOCK_ENABLED = True

#: Test-only switch. The race test's control turns the re-check of a locked booking's offering
#: off to prove that the test sees a booking moved meanwhile; production never changes it.
RECHECK_ENABLED = True

#: How often `lock_booking` follows a booking that keeps moving before it gives up.
MAX_ROUNDS = 3


class BookingChanged(InvalidStatusChange):
    """The booking kept moving to other offerings while we tried to lock it."""

    default_message = _("The booking was changed meanwhile; please try again.")


@dataclass(frozen=True)
class LockedBooking:
    """A booking locked together with the offering it belongs to (and any extra offerings)."""

    booking: Booking
    offering: Offering
    offerings: dict[int, Offering]


def _lock_rows(model: type, ids: Iterable[int]) -> dict[int, object]:
    queryset = model.objects.filter(pk__in=sorted(set(ids))).order_by("pk")
    if ROW_LOCK_ENABLED:
        queryset = queryset.select_for_update()
    return {row.pk: row for row in queryset}


def lock_offering(*, offering_id: int) -> Offering:
    """Take the row lock of an offering and return the fresh row.

    Every change of seats (booking, cancelling, promoting, moving) holds this lock, so the
    checks and writes of one offering happen one transaction at a time.

    Raises:
        RuntimeError: when called outside a transaction.
        Offering.DoesNotExist: no such offering.
    """
    require_transaction("lock_offering")
    offering = _lock_rows(Offering, [offering_id]).get(offering_id)
    if offering is None:
        raise Offering.DoesNotExist(f"No offering {offering_id}.")
    return offering


def current_offering_id(booking_id: int) -> int | None:
    """The booking's offering as last committed (read without a lock; None if no booking)."""
    return Booking.objects.filter(pk=booking_id).values_list("offering_id", flat=True).first()


def lock_booking(*, booking_id: int, with_offerings: Iterable[int] = ()) -> LockedBooking:
    """Lock a booking, the offering it belongs to and `with_offerings` (e.g. a move's target).

    The offerings are locked first (ascending id), then the booking row; then the booking's
    offering is read again. If the booking was moved while we waited, its new offering is
    locked as well and the check repeats, so the caller always holds the lock of the offering
    the booking belongs to *now*.

    Raises:
        RuntimeError: when called outside a transaction.
        BookingNotFound: no such booking.
        BookingChanged: the booking moved again in every one of `MAX_ROUNDS` rounds.
    """
    require_transaction("lock_booking")
    offering_id = current_offering_id(booking_id)
    if offering_id is None:
        raise BookingNotFound()
    extra = set(with_offerings)
    locked: dict[int, Offering] = {}
    for _round in range(MAX_ROUNDS):
        wanted = (extra | {offering_id}) - set(locked)
        locked.update(_lock_rows(Offering, wanted))
        booking = Booking.objects.select_for_update().filter(pk=booking_id).first()
        if booking is None:
            raise BookingNotFound()
        if not RECHECK_ENABLED or booking.offering_id == offering_id:
            booking.offering = locked[offering_id]
            return LockedBooking(booking=booking, offering=locked[offering_id], offerings=locked)
        offering_id = booking.offering_id  # moved meanwhile: follow it
    raise BookingChanged()


def lock_bookings(*, booking_ids: Iterable[int]) -> list[Booking]:
    """Lock several bookings with their offerings (offerings first), ordered by id.

    For bulk changes (anonymisation). Bookings that moved meanwhile are followed as in
    `lock_booking`; ids that do not exist are left out.

    Raises:
        RuntimeError: when called outside a transaction.
        BookingChanged: bookings kept moving in every one of `MAX_ROUNDS` rounds.
    """
    require_transaction("lock_bookings")
    ids = sorted(set(booking_ids))
    if not ids:
        return []
    locked: dict[int, Offering] = {}
    wanted = set(Booking.objects.filter(pk__in=ids).values_list("offering_id", flat=True))
    for _round in range(MAX_ROUNDS):
        locked.update(_lock_rows(Offering, wanted - set(locked)))
        bookings = list(Booking.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
        wanted = {booking.offering_id for booking in bookings}
        if not RECHECK_ENABLED or wanted <= set(locked):
            return bookings
    raise BookingChanged()
