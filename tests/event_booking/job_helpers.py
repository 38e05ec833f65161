"""Helpers of the booking-job, e-mail and calendar tests.

Offerings and bookings are written with the ORM: these tests are about what happens after a
booking committed (delivery, reminders, closing, anonymisation), not about how it was made.
An offering is keyed by its page's (or run's) translation key; when the booking engine's
publish hook already created it, it is updated instead.
"""

import datetime as dt
import itertools
import smtplib
from decimal import Decimal
from typing import Any

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_q.conf import Conf

from event_booking.models import Booking, BookingStatus, EventPage, Offering, OfferingKind
from training_catalog.models import TrainingRun

_counter = itertools.count(1)


class FailingSMTPBackend(BaseEmailBackend):
    """A mail server that is down: every send raises, as smtplib does."""

    calls = 0

    def send_messages(self, email_messages):
        FailingSMTPBackend.calls += 1
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


FAILING_BACKEND = "tests.event_booking.job_helpers.FailingSMTPBackend"


class Clock:
    """A controllable `timezone.now()`: `clock.advance(minutes=5)`."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now


def freeze_clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Freeze `django.utils.timezone.now` (used by the jobs, services and auto_now fields)."""
    fake = Clock(timezone.now().replace(microsecond=0))
    monkeypatch.setattr(timezone, "now", fake)
    return fake


def run_tasks_inline(monkeypatch: pytest.MonkeyPatch) -> None:
    """django-q2 runs enqueued tasks inline (Q_CLUSTER["sync"] is read once, at import)."""
    monkeypatch.setattr(Conf, "SYNC", True)


def offering(*, key: Any = None, **fields: Any) -> Offering:
    """An event offering starting in ten days, or the offering of the given translation key."""
    now = timezone.now().replace(microsecond=0)
    starts = fields.pop("starts_at", now + dt.timedelta(days=10))
    defaults = {
        "kind": OfferingKind.EVENT,
        "title": f"Üzletember-találkozó {next(_counter)}",
        "capacity": 10,
        "starts_at": starts,
        "ends_at": fields.pop("ends_at", starts and starts + dt.timedelta(hours=6)),
        **fields,
    }
    if key is None:
        return Offering.objects.create(**defaults)
    found, _created = Offering.objects.update_or_create(translation_key=key, defaults=defaults)
    return found


def event_offering(page: EventPage, **fields: Any) -> Offering:
    return offering(
        key=page.translation_key,
        title=page.title,
        starts_at=page.start,
        ends_at=page.end,
        fee=page.fee,
        **fields,
    )


def run_offering(run: TrainingRun, fee: Decimal = Decimal("500.00")) -> Offering:
    tz = timezone.get_default_timezone()
    starts = dt.datetime.combine(run.start_date, dt.time.min, tzinfo=tz)
    ends = dt.datetime.combine(run.end_date + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return offering(
        key=run.translation_key,
        kind=OfferingKind.TRAINING_RUN,
        title=run.page.title,
        starts_at=starts,
        ends_at=ends,
        fee=fee,
        capacity=run.seats,
    )


def booking(offering: Offering, **fields: Any) -> Booking:
    n = next(_counter)
    now = timezone.now()
    status = fields.get("status", BookingStatus.CONFIRMED)
    seats = fields.get("seats", 1)
    defaults = {
        "reference": f"J{n:07d}",
        "offering": offering,
        "status": status,
        "seats": seats,
        "language": "hu",
        "name": f"Vendég {n}",
        "email": f"guest{n}@example.org",
        "amount_due": offering.fee * seats,
        "currency": offering.currency,
        "confirmed_at": now if status == BookingStatus.CONFIRMED else None,
        "waitlisted_at": now if status == BookingStatus.WAITLISTED else None,
    }
    return Booking.objects.create(**{**defaults, **fields})
