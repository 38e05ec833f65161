"""A booking moved while another change of it waits: the right waiting list is served.

A service that changes a booking (cancel, promote) first reads which offering the booking
belongs to, then locks that offering and the booking. An organiser's move can commit in
between (on a busy server the service simply waits for the offering's lock while the move
runs). `locking.lock_booking` re-reads the booking's offering once it holds the booking's
lock and follows it to the new offering. These tests, on PostgreSQL with real connections,
pause the service right after its first read (in its own thread and connection), commit a
move from this thread meanwhile, then let the service go on:

* a cancellation must free the seats of the offering the booking was moved to, and promote
  *that* offering's waiting list;
* an organiser's promotion must count the seats of the offering the booking is on now, so it
  never oversells it.

Each has a control run with the re-check switched off (`locking.RECHECK_ENABLED`, a test-only
flag), everything else the same, which must serve the wrong waiting list: that proves the test
sees the race.
"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from event_booking.models import Booking, BookingStatus
from event_booking.services import bookings, locking, organiser, waitlist
from event_booking.services.errors import NoRoom
from tests import factories

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RACER = "racer"


@pytest.fixture
def paused_service(monkeypatch: pytest.MonkeyPatch) -> Callable[..., dict[str, Any]]:
    """Run a service in another thread, paused right after it read the booking's offering.

    `paused_service(service, meanwhile)` starts `service()` in a thread (with its own database
    connection), waits until it has read the booking's offering, runs `meanwhile()` here
    (committed at once: this test is transactional), then lets the service go on. Returns
    {"value": ...} or {"error": ...}.
    """
    read, resume = threading.Event(), threading.Event()
    original = locking.current_offering_id

    def current_offering_id(booking_id: int) -> int | None:
        value = original(booking_id)
        if threading.current_thread().name == RACER and not read.is_set():
            read.set()
            assert resume.wait(timeout=30)
        return value

    monkeypatch.setattr(locking, "current_offering_id", current_offering_id)

    def run(service: Callable[[], Any], meanwhile: Callable[[], Any]) -> dict[str, Any]:
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["value"] = service()
            except Exception as error:  # the caller asserts on it
                outcome["error"] = error
            finally:
                connection.close()

        thread = threading.Thread(target=target, name=RACER)
        thread.start()
        assert read.wait(timeout=30), "the service never read the booking's offering"
        try:
            meanwhile()
        finally:
            resume.set()
            thread.join(timeout=60)
        assert not thread.is_alive()
        return outcome

    return run


def status(booking: Booking) -> str:
    booking.refresh_from_db()
    return booking.status


def confirmed_seats(offering: Any) -> int:
    return waitlist.confirmed_seats(offering.pk)


@pytest.fixture
def cancel_race(paused_service):
    """X (confirmed in A) is cancelled while an organiser moves it to B, and W joins B's
    waiting list right after the move (B is then full). Returns the run, and B and W."""
    a = factories.offering(capacity=2)
    b = factories.offering(capacity=2)
    x = factories.booking(a)
    factories.booking(b)

    def meanwhile():
        organiser.move_booking(booking_id=x.pk, target_offering_id=b.pk)
        return factories.booking(b, email="w@example.org")

    def run():
        waiting: dict[str, Booking] = {}
        outcome = paused_service(
            lambda: bookings.cancel_booking(booking_id=x.pk),
            lambda: waiting.setdefault("w", meanwhile()),
        )
        assert "error" not in outcome, outcome
        assert status(x) == BookingStatus.CANCELLED
        return b, waiting["w"]

    return run


def test_a_cancellation_racing_a_move_promotes_the_new_offerings_waiting_list(cancel_race):
    b, w = cancel_race()

    assert status(w) == BookingStatus.CONFIRMED
    assert confirmed_seats(b) == 2


def test_control_without_the_recheck_the_cancellation_serves_the_old_waiting_list(
    cancel_race, monkeypatch
):
    monkeypatch.setattr(locking, "RECHECK_ENABLED", False)

    b, w = cancel_race()

    # B has a free seat and W, who fits, still waits: the old offering's list was served.
    assert status(w) == BookingStatus.WAITLISTED
    assert confirmed_seats(b) == 1


@pytest.fixture
def promote_race(paused_service):
    """An organiser promotes X (waitlisted in the full A) while another organiser moves it to
    the waiting list of the full B and A's seat-holder cancels. Returns the outcome, X and B."""
    a = factories.offering(capacity=1)
    b = factories.offering(capacity=1)
    a_holder = factories.booking(a)
    factories.booking(b)
    x = factories.booking(a)  # A is full: waitlisted
    assert x.status == BookingStatus.WAITLISTED

    def meanwhile():
        organiser.move_booking(booking_id=x.pk, target_offering_id=b.pk, waitlist_if_full=True)
        bookings.cancel_booking(booking_id=a_holder.pk, notify=False)

    def run():
        outcome = paused_service(lambda: waitlist.promote_booking(booking_id=x.pk), meanwhile)
        return outcome, x, b

    return run


def test_a_promotion_racing_a_move_counts_the_seats_of_the_new_offering(promote_race):
    outcome, x, b = promote_race()

    assert isinstance(outcome.get("error"), NoRoom)
    assert status(x) == BookingStatus.WAITLISTED
    assert confirmed_seats(b) == 1


def test_control_without_the_recheck_the_promotion_oversells_the_new_offering(
    promote_race, monkeypatch
):
    monkeypatch.setattr(locking, "RECHECK_ENABLED", False)

    outcome, x, b = promote_race()

    assert "error" not in outcome
    assert status(x) == BookingStatus.CONFIRMED
    assert confirmed_seats(b) == 2  # capacity 1
