"""Booking jobs: one e-mail per outbox row whatever happens, reminders, closing, anonymisation."""

import datetime as dt
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django_q.models import Schedule

from event_booking import jobs
from event_booking.models import Booking, BookingStatus, EmailKind, EmailOutbox, OutboxStatus
from event_booking.services import notifications
from tests import factories
from tests.event_booking import job_helpers as h


@pytest.fixture
def clock(monkeypatch):
    return h.freeze_clock(monkeypatch)


@pytest.fixture(autouse=True)
def _inline_tasks(monkeypatch):
    h.run_tasks_inline(monkeypatch)


def queue(booking, kind, capture, sequence=0):
    """Queue an e-mail as a booking service does: in a transaction, delivered on commit."""
    with capture(execute=True), transaction.atomic():
        return notifications.queue_email(booking=booking, kind=kind, sequence=sequence)


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (EmailKind.CONFIRMATION, BookingStatus.CONFIRMED),
        (EmailKind.WAITLISTED, BookingStatus.WAITLISTED),
        (EmailKind.PROMOTED, BookingStatus.CONFIRMED),
        (EmailKind.CANCELLED, BookingStatus.CANCELLED),
        (EmailKind.MANAGE_LINK, BookingStatus.CONFIRMED),
        (EmailKind.REMINDER, BookingStatus.CONFIRMED),
    ],
)
def test_each_email_job_run_twice_sends_one_email(
    db, kind, status, django_capture_on_commit_callbacks
):
    booking = factories.booking(factories.offering(), status=status)

    outbox = queue(booking, kind, django_capture_on_commit_callbacks)
    # The task delivered twice (at-least-once broker), the service calling queue_email again,
    # and the sweep: still one message.
    jobs.deliver_email(outbox.pk)
    jobs.deliver_email(outbox.pk)
    queue(booking, kind, django_capture_on_commit_callbacks)
    jobs.sweep_outbox()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [booking.email]
    outbox.refresh_from_db()
    assert outbox.status == OutboxStatus.SENT
    assert outbox.attempts == 1
    assert outbox.sent_at is not None


def test_a_booking_rolled_back_sends_nothing(db, django_capture_on_commit_callbacks):
    offering = factories.offering()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            booking = factories.booking(offering, status=BookingStatus.CONFIRMED)
            notifications.queue_email(booking=booking, kind=EmailKind.CONFIRMATION)
            raise RuntimeError("seat check failed after the e-mail was queued")

    assert callbacks == []
    assert not Booking.objects.exists()
    assert not EmailOutbox.objects.exists()
    jobs.sweep_outbox()
    assert mail.outbox == []


def test_a_failing_mail_server_keeps_the_booking_and_retries_a_bounded_number_of_times(
    db, settings, clock, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = h.FAILING_BACKEND
    settings.BOOKING_EMAIL_MAX_ATTEMPTS = 3
    booking = factories.booking(factories.offering(), status=BookingStatus.CONFIRMED)

    outbox = queue(booking, EmailKind.CONFIRMATION, django_capture_on_commit_callbacks)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    outbox.refresh_from_db()
    assert outbox.status == OutboxStatus.PENDING
    assert outbox.attempts == 1
    assert "SMTPServerDisconnected" in outbox.last_error
    assert outbox.next_attempt_at == clock.now + dt.timedelta(minutes=1)
    assert list(notifications.failed_emails()) == []

    # Before the retry time the sweep leaves the row alone; a stray task too.
    clock.advance(seconds=30)
    assert jobs.sweep_outbox() == 0
    assert jobs.deliver_email(outbox.pk) == "nothing to do"

    clock.advance(seconds=31)
    assert jobs.sweep_outbox() == 1
    outbox.refresh_from_db()
    assert (outbox.attempts, outbox.status) == (2, OutboxStatus.PENDING)
    # The pause grows: 4 minutes after the second attempt.
    assert outbox.next_attempt_at == clock.now + dt.timedelta(minutes=4)

    clock.advance(minutes=4)
    jobs.sweep_outbox()
    outbox.refresh_from_db()
    assert (outbox.attempts, outbox.status) == (3, OutboxStatus.FAILED)
    assert list(notifications.failed_emails()) == [outbox]

    # Failed rows are not retried on their own any more...
    clock.advance(days=1)
    assert jobs.sweep_outbox() == 0
    assert h.FailingSMTPBackend.calls >= 3
    assert Booking.objects.filter(pk=booking.pk, status=BookingStatus.CONFIRMED).exists()

    # ...until an organiser retries once the mail server works again.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.retry_email(outbox_id=outbox.pk)
    assert not notifications.retry_email(outbox_id=outbox.pk)
    assert len(mail.outbox) == 1
    outbox.refresh_from_db()
    assert outbox.status == OutboxStatus.SENT
    assert outbox.last_error == ""


def test_an_invalid_address_fails_at_once_without_retries(db, django_capture_on_commit_callbacks):
    booking = factories.booking(
        factories.offering(),
        email="guest@example.org\nBcc: victim@example.org",
        status=BookingStatus.CONFIRMED,
    )

    outbox = queue(booking, EmailKind.CONFIRMATION, django_capture_on_commit_callbacks)

    outbox.refresh_from_db()
    assert outbox.status == OutboxStatus.FAILED
    assert outbox.attempts == 1
    assert mail.outbox == []


def test_the_sweep_delivers_a_row_whose_task_was_lost(db, clock):
    booking = factories.booking(factories.offering(), status=BookingStatus.CONFIRMED)
    # queue_email committed but its task never reached a worker (no on-commit callbacks ran).
    with transaction.atomic():
        outbox = notifications.queue_email(booking=booking, kind=EmailKind.CONFIRMATION)

    assert jobs.sweep_outbox() == 0  # its own task may still come: a minute's grace
    clock.advance(seconds=61)
    assert jobs.sweep_outbox() == 1
    assert jobs.sweep_outbox() == 0

    assert len(mail.outbox) == 1
    outbox.refresh_from_db()
    assert outbox.status == OutboxStatus.SENT


def test_the_sweep_resends_a_row_whose_worker_died_after_claiming_it(db, clock):
    booking = factories.booking(factories.offering(), status=BookingStatus.CONFIRMED)
    outbox = EmailOutbox.objects.create(booking=booking, kind=EmailKind.CONFIRMATION)
    # A worker claimed the row and died before sending (or before recording).
    assert notifications.claim_email(outbox_id=outbox.pk) is not None

    clock.advance(minutes=2)
    assert jobs.sweep_outbox() == 0  # the lease still runs: the worker might be sending
    assert mail.outbox == []

    clock.advance(seconds=notifications.lease_duration().total_seconds())
    assert jobs.sweep_outbox() == 1
    assert len(mail.outbox) == 1
    outbox.refresh_from_db()
    assert (outbox.status, outbox.attempts) == (OutboxStatus.SENT, 2)


def run_committed(job, capture):
    """Run a periodic job as the worker does: its on-commit deliveries happen afterwards."""
    with capture(execute=True):
        return job()


def test_reminders_go_to_confirmed_bookings_starting_within_24_hours_once(
    db, clock, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    now = clock.now
    soon = factories.offering(starts_at=now + dt.timedelta(hours=23))
    later = factories.offering(starts_at=now + dt.timedelta(hours=25))
    started = factories.offering(starts_at=now - dt.timedelta(hours=1))
    reminded = factories.booking(soon, language="en", status=BookingStatus.CONFIRMED)
    opted_out = factories.booking(soon, reminders_enabled=False, status=BookingStatus.CONFIRMED)
    waitlisted = factories.booking(soon, status=BookingStatus.WAITLISTED)
    cancelled = factories.booking(soon, status=BookingStatus.CANCELLED)
    not_yet = factories.booking(later, status=BookingStatus.CONFIRMED)
    too_late = factories.booking(started, status=BookingStatus.CONFIRMED)

    assert run_committed(jobs.queue_reminders, capture) == 1
    assert run_committed(jobs.queue_reminders, capture) == 0
    assert [m.to for m in mail.outbox] == [[reminded.email]]
    assert "Reminder" in mail.outbox[0].subject

    clock.advance(hours=2)  # `later` now starts within 23 hours
    assert run_committed(jobs.queue_reminders, capture) == 1
    assert [m.to[0] for m in mail.outbox] == [reminded.email, not_yet.email]
    reminded_ids = set(
        EmailOutbox.objects.filter(kind=EmailKind.REMINDER).values_list("booking_id", flat=True)
    )
    assert reminded_ids == {reminded.pk, not_yet.pk}
    assert not reminded_ids & {opted_out.pk, waitlisted.pk, cancelled.pk, too_late.pk}


def test_a_queued_reminder_is_not_sent_after_the_booking_was_cancelled(db):
    booking = factories.booking(factories.offering(starts_at=None), status=BookingStatus.CONFIRMED)
    with transaction.atomic():
        outbox = notifications.queue_email(booking=booking, kind=EmailKind.REMINDER)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED)

    assert jobs.deliver_email(outbox.pk) == "skipped"
    assert jobs.deliver_email(outbox.pk) == "nothing to do"
    assert mail.outbox == []
    outbox.refresh_from_db()
    assert outbox.status == OutboxStatus.SKIPPED


def test_registration_closes_automatically_at_the_deadline(db, clock):
    now = clock.now
    deadline = now - dt.timedelta(minutes=3)
    past_deadline = factories.offering(registration_closes=deadline)
    open_one = factories.offering(registration_closes=now + dt.timedelta(hours=1))
    started_without_deadline = factories.offering(
        starts_at=now - dt.timedelta(minutes=1), registration_closes=None
    )

    assert jobs.close_registrations() == 2
    assert jobs.close_registrations() == 0

    for offering in (past_deadline, open_one, started_without_deadline):
        offering.refresh_from_db()
    assert past_deadline.closed_at == deadline
    assert started_without_deadline.closed_at == started_without_deadline.starts_at
    assert open_one.closed_at is None

    clock.advance(hours=1)
    assert jobs.close_registrations() == 1
    open_one.refresh_from_db()
    assert open_one.closed_at == open_one.registration_closes
    past_deadline.refresh_from_db()
    assert past_deadline.closed_at == deadline  # untouched by the later run


def test_personal_data_is_anonymised_after_the_configured_days(db, settings, clock):
    settings.BOOKING_ANONYMISE_AFTER_DAYS = 30
    now = clock.now
    old = factories.offering(
        starts_at=now - dt.timedelta(days=31), ends_at=now - dt.timedelta(days=30, hours=1)
    )
    recent = factories.offering(
        starts_at=now - dt.timedelta(days=29), ends_at=now - dt.timedelta(days=29)
    )
    personal = {
        "name": "Kiss Anna",
        "organisation": "Agrár Klaszter",
        "phone": "+36 30 123 4567",
        "tax_number": "12345678-2-09",
        "billing_address": "4032 Debrecen, Egyetem tér 1.",
    }
    first = factories.booking(
        old, seats=3, email="anna@example.org", **personal, status=BookingStatus.CONFIRMED
    )
    second = factories.booking(
        old, email="bela@example.org", name="Nagy Béla", status=BookingStatus.CONFIRMED
    )
    cancelled = factories.booking(old, status=BookingStatus.CANCELLED, email="cili@example.org")
    kept = factories.booking(
        recent, email="dora@example.org", name="Tóth Dóra", status=BookingStatus.CONFIRMED
    )

    assert jobs.anonymise_ended_bookings() == 3
    assert jobs.anonymise_ended_bookings() == 0

    for booking in (first, second, cancelled, kept):
        booking.refresh_from_db()
    assert first.anonymised_at == now
    for field in personal:
        assert getattr(first, field) == ""
    assert "anna" not in first.email
    assert first.email != second.email  # two confirmed bookings of one offering stay valid
    assert (first.status, first.seats) == (BookingStatus.CONFIRMED, 3)
    assert cancelled.status == BookingStatus.CANCELLED and cancelled.anonymised_at == now
    assert (kept.name, kept.email, kept.anonymised_at) == ("Tóth Dóra", "dora@example.org", None)

    clock.advance(days=2)
    assert jobs.anonymise_ended_bookings() == 1
    kept.refresh_from_db()
    assert kept.name == ""


def test_setup_schedules_registers_each_booking_job_once(db):
    with open("/dev/null", "w") as devnull:
        call_command("setup_schedules", stdout=devnull)
        call_command("setup_schedules", stdout=devnull)

    for declared in jobs.SCHEDULES:
        schedules = Schedule.objects.filter(name=declared["name"])
        assert schedules.count() == 1
        module, _dot, func = schedules.get().func.rpartition(".")
        assert module == "event_booking.jobs" and callable(getattr(jobs, func))
    assert {s["name"] for s in jobs.SCHEDULES} >= {
        "event_booking.sweep_outbox",
        "event_booking.queue_reminders",
        "event_booking.close_registrations",
        "event_booking.anonymise_ended_bookings",
    }


# --- Two workers at once, on PostgreSQL with real connections --------------------------------


class SlowRecordingBackend:
    """A mail server that takes a moment per message and records every message it accepts."""

    sent: list[str] = []
    lock = threading.Lock()

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        time.sleep(0.3)  # the second worker arrives while the first one is still sending
        with self.lock:
            SlowRecordingBackend.sent.extend(m.to[0] for m in messages)
        return len(messages)


def deliver_from_two_workers(outbox_id):
    """Run deliver_email for one row in two threads (two connections) started together."""
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(jobs.deliver_email(outbox_id))
        except Exception as error:  # pragma: no cover - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    return sorted(results)


@pytest.fixture
def slow_mail_server(settings):
    settings.EMAIL_BACKEND = "tests.event_booking.test_jobs.SlowRecordingBackend"
    SlowRecordingBackend.sent = []
    return SlowRecordingBackend


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_delivering_one_row_at_once_send_one_email(slow_mail_server):
    booking = factories.booking(
        factories.offering(), email="race@example.org", status=BookingStatus.CONFIRMED
    )
    outbox = EmailOutbox.objects.create(booking=booking, kind=EmailKind.CONFIRMATION)

    assert deliver_from_two_workers(outbox.pk) == ["nothing to do", "sent"]

    assert slow_mail_server.sent == ["race@example.org"]
    outbox.refresh_from_db()
    assert (outbox.status, outbox.attempts) == (OutboxStatus.SENT, 1)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_control_without_the_claim_two_workers_send_twice(slow_mail_server, monkeypatch):
    """Proves the test above can see the race: lock-check-send without a lease sends twice."""

    def claim_without_lease(*, outbox_id, now=None):
        with transaction.atomic():
            row = EmailOutbox.objects.select_for_update().get(pk=outbox_id)
            if row.status != OutboxStatus.PENDING:
                return None
        return EmailOutbox.objects.select_related("booking__offering").get(pk=outbox_id)

    monkeypatch.setattr(notifications, "claim_email", claim_without_lease)
    booking = factories.booking(
        factories.offering(), email="race@example.org", status=BookingStatus.CONFIRMED
    )
    outbox = EmailOutbox.objects.create(booking=booking, kind=EmailKind.CONFIRMATION)

    assert deliver_from_two_workers(outbox.pk) == ["sent", "sent"]
    assert slow_mail_server.sent == ["race@example.org", "race@example.org"]
