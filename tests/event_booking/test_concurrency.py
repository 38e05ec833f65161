"""No oversell under concurrency (issue 3, item 4), on PostgreSQL through the HTTP API.

50 clients book one seat each of a 10-seat event at the same moment, through a threaded live
server: each request runs in its own server thread with its own database connection. The counting
step is slowed down (a sleep while the check has been made and the write not yet), which
widens the race window. With the offering's row lock exactly 10 seats are confirmed and the
other 40 are waitlisted in the order their requests took the lock. The control run switches
the lock off (`locking.ROW_LOCK_ENABLED`, a test-only flag) with everything else the same,
and must oversell: that proves this test would see a missing lock.
"""

import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

from event_booking.models import Booking, BookingStatus
from event_booking.services import bookings, locking
from tests import factories
from tests.event_booking.booking_helpers import event_page

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLIENTS = 50
CAPACITY = 10
RACE_WINDOW = 0.05  # seconds between counting the seats and writing the booking


class LockOrder:
    """Records, per request, the moment it held the lock (the seat check runs under it)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.order: list[str] = []
        self._guard = threading.Lock()
        self._local = threading.local()
        original_create = bookings.book_offering
        original_fits = bookings._fits

        def book_offering(**kwargs):
            self._local.email = kwargs["booker"].email
            return original_create(**kwargs)

        def fits(offering, seats, counts):
            # Runs after the seats were counted and before the booking is written.
            with self._guard:
                self.order.append(self._local.email)
            result = original_fits(offering, seats, counts)
            time.sleep(RACE_WINDOW)
            return result

        monkeypatch.setattr(bookings, "book_offering", book_offering)
        monkeypatch.setattr(bookings, "_fits", fits)


class _Server(ThreadedWSGIServer):
    # Django's default listen backlog (10) resets part of 50 simultaneous connections.
    request_queue_size = 256


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server_url():
    """A threaded live server (a thread and a database connection per request)."""
    server = _Server(("127.0.0.1", 0), _QuietHandler)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def book_concurrently(base_url: str, page_id: int) -> list[tuple[int, dict]]:
    barrier = threading.Barrier(CLIENTS)

    def one(n: int) -> tuple[int, dict]:
        body = json.dumps(
            {
                "page": page_id,
                "name": f"Versenyző {n}",
                "email": f"racer{n}@example.org",
                "consent": True,
            }
        ).encode()
        request = urllib.request.Request(
            f"{base_url}/api/bookings/",
            data=body,
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        barrier.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        return list(pool.map(one, range(CLIENTS)))


@pytest.fixture
def race(home, server_url, settings, monkeypatch):
    settings.BOOKING_RATE_LIMIT = ""
    page = event_page(home, capacity=CAPACITY, max_seats_per_booking=1)
    lock_order = LockOrder(monkeypatch)

    def run():
        responses = book_concurrently(server_url, page.pk)
        return responses, factories.offering(page), lock_order.order

    return run


def confirmed_seats(offering) -> int:
    return sum(
        Booking.objects.filter(offering=offering, status=BookingStatus.CONFIRMED).values_list(
            "seats", flat=True
        )
    )


def test_fifty_concurrent_bookings_of_ten_seats_confirm_exactly_ten(race):
    responses, offering, lock_order = race()

    assert [status for status, _body in responses] == [201] * CLIENTS
    assert confirmed_seats(offering) == CAPACITY
    waitlisted = Booking.objects.filter(offering=offering, status=BookingStatus.WAITLISTED)
    assert waitlisted.count() == CLIENTS - CAPACITY
    # The first ten to take the lock got the seats; the rest wait in the order they took it.
    assert len(lock_order) == CLIENTS
    confirmed_emails = set(
        Booking.objects.filter(offering=offering, status=BookingStatus.CONFIRMED).values_list(
            "email", flat=True
        )
    )
    assert confirmed_emails == set(lock_order[:CAPACITY])
    queue = list(waitlisted.order_by("waitlisted_at", "pk").values_list("email", flat=True))
    assert queue == lock_order[CAPACITY:]
    positions = {body["reference"]: body["waitlist_position"] for _s, body in responses}
    by_reference = dict(waitlisted.values_list("reference", "email"))
    assert sorted(positions[ref] for ref in by_reference) == list(range(1, CLIENTS - CAPACITY + 1))
    for reference, email in by_reference.items():
        assert positions[reference] == queue.index(email) + 1


def test_control_without_the_row_lock_the_same_race_oversells(race, monkeypatch):
    monkeypatch.setattr(locking, "ROW_LOCK_ENABLED", False)

    responses, offering, _lock_order = race()

    assert [status for status, _body in responses] == [201] * CLIENTS
    assert confirmed_seats(offering) > CAPACITY
