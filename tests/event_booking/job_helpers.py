"""Helpers of the booking-job, e-mail and calendar tests.

Offerings and bookings come from `tests.factories`, bookings written in a given status: these
tests are about what happens after a booking committed (delivery, reminders, closing,
anonymisation), not about how it was made.
"""

import datetime as dt
import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_q.conf import Conf


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
