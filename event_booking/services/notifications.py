"""Queueing and delivering booking e-mails through the outbox.

Contract: a service that changes a booking calls `queue_email` inside its own transaction. The
outbox row is written with the booking, so it commits or rolls back with it (a booking that is
rolled back sends nothing), and the delivery job is enqueued only after the commit. The job
(`event_booking.jobs.deliver_email`) and the periodic sweep deliver each row once.

Delivery protocol (send/commit ordering). Each attempt has three steps:

1. **Claim** (`claim_email`, one short transaction): lock the row with SELECT ... FOR UPDATE;
   give up unless it is pending and due (`next_attempt_at` empty or past); otherwise add one to
   `attempts` and set `next_attempt_at` to now + a lease; commit.
2. **Send**, outside any transaction: render the message and hand it to the mail server.
3. **Record** (`mark_sent` / `record_failure`, one short transaction): sent, or the error with
   the time of the next attempt, or failed for good after `BOOKING_EMAIL_MAX_ATTEMPTS`.

Why this order: a second job for the same row, a duplicated task or a second worker finds the
row claimed (lease not expired) or sent, and returns, so one e-mail goes out. No transaction
(and on SQLite no database write lock) is held during the SMTP conversation, and a mail server
that fails only writes the error to the outbox row: the booking was committed before delivery
started and is never rolled back. If a worker dies between steps 1 and 3, the lease expires
and the sweep sends the row again: an e-mail is never lost. The one window for a duplicate is
a worker that dies after the mail server accepted the message and before step 3 committed
(milliseconds); sending inside the claim transaction would not close it (the commit can fail
after the send too), and it would hold a lock for the whole SMTP round trip. We prefer a rare
duplicate to a lost confirmation. The lease outlasts django-q2's task timeout, so it expires
only when its worker is gone.

Retry policy: after a failed attempt the row waits `BOOKING_EMAIL_RETRY_SECONDS` x 4^(n-1)
(1, 4, 16, 64 minutes by default) before the sweep enqueues it again; after
`BOOKING_EMAIL_MAX_ATTEMPTS` attempts (default 5) it is marked failed and listed by
`failed_emails()` for the organisers, who can `retry_email` it once the cause is fixed. An
address that cannot be valid fails at once: retrying would not help.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_q.tasks import async_task

from event_booking.models import (
    Booking,
    BookingStatus,
    EmailKind,
    EmailOutbox,
    MeetingRequest,
    OutboxStatus,
)

#: A fresh row is left to its own on-commit job for this long before the sweep steps in.
SWEEP_GRACE = dt.timedelta(seconds=60)
#: At most this many rows are re-enqueued by one sweep (the next sweep takes the rest).
SWEEP_BATCH = 500
#: Speed-dating agenda and feedback e-mails: only to a booking still confirmed.
SPEED = (
    EmailKind.SPEED_SCHEDULE,
    EmailKind.SPEED_SCHEDULE_CHANGED,
    EmailKind.SPEED_FEEDBACK,
    EmailKind.SPEED_FOLLOW_UP,
)
#: The error text kept on the row is cut to this length.
MAX_ERROR_LENGTH = 2000


def queue_email(*, booking: Booking, kind: str, sequence: int = 0) -> EmailOutbox:
    """Record that `booking` must receive the e-mail `kind`, and deliver it after commit.

    Call it inside the transaction that changes the booking. Calling it twice for the same
    (booking, kind, sequence) is harmless: the row is unique, and a row already sent is not
    sent again.
    """
    outbox, _created = EmailOutbox.objects.get_or_create(
        booking=booking, kind=kind, sequence=sequence
    )
    if outbox.status == OutboxStatus.PENDING:
        transaction.on_commit(lambda: enqueue_delivery(outbox.pk))
    return outbox


def enqueue_delivery(outbox_id: int) -> None:
    """Hand the delivery of one outbox row to django-q2 (inline when Q_CLUSTER sync is on)."""
    async_task("event_booking.jobs.deliver_email", outbox_id)


def lease_duration() -> dt.timedelta:
    """How long a claimed row is left to its worker: longer than any task may run."""
    timeout = int(settings.Q_CLUSTER.get("timeout") or 60)
    return dt.timedelta(seconds=2 * timeout + 60)


def retry_delay(attempts: int) -> dt.timedelta:
    """The pause after the `attempts`-th failed attempt: base x 4^(attempts-1)."""
    base = settings.BOOKING_EMAIL_RETRY_SECONDS
    return dt.timedelta(seconds=base * 4 ** max(attempts - 1, 0))


def claim_email(*, outbox_id: int, now: dt.datetime | None = None) -> EmailOutbox | None:
    """Claim one pending, due outbox row for sending (step 1 of the protocol above).

    Returns the claimed row (its booking and offering loaded), with `attempts` already
    counting this attempt, or None when there is nothing to do: the row is gone, sent,
    failed, skipped, or claimed by another worker whose lease has not expired.
    """
    now = now or timezone.now()
    with transaction.atomic():
        outbox = (
            EmailOutbox.objects.select_for_update()
            .filter(pk=outbox_id, status=OutboxStatus.PENDING)
            .first()
        )
        if outbox is None or (outbox.next_attempt_at and outbox.next_attempt_at > now):
            return None
        outbox.attempts += 1
        outbox.next_attempt_at = now + lease_duration()
        outbox.save(update_fields=["attempts", "next_attempt_at"])
    return EmailOutbox.objects.select_related("booking", "booking__offering").get(pk=outbox_id)


def mark_sent(*, outbox_id: int) -> None:
    """Record that the mail server accepted the row's message (step 3, success)."""
    EmailOutbox.objects.filter(pk=outbox_id).update(
        status=OutboxStatus.SENT, sent_at=timezone.now(), next_attempt_at=None, last_error=""
    )


def record_failure(*, outbox_id: int, attempt: int, error: str, permanent: bool = False) -> str:
    """Record a failed attempt (step 3, failure) and return the row's new status.

    The row stays pending with the time of its next attempt, or becomes failed when this was
    the last allowed attempt (or `permanent`). Only the attempt that holds the row may write:
    `attempt` must still be the row's attempt count, so a late report from a worker whose
    lease expired cannot overwrite a newer attempt's result.
    """
    now = timezone.now()
    failed = permanent or attempt >= settings.BOOKING_EMAIL_MAX_ATTEMPTS
    status = OutboxStatus.FAILED if failed else OutboxStatus.PENDING
    EmailOutbox.objects.filter(pk=outbox_id, status=OutboxStatus.PENDING, attempts=attempt).update(
        status=status,
        last_error=error[:MAX_ERROR_LENGTH],
        next_attempt_at=None if failed else now + retry_delay(attempt),
    )
    return status


def mark_skipped(*, outbox_id: int, reason: str) -> None:
    """Record that the row's message is no longer relevant and will not be sent."""
    EmailOutbox.objects.filter(pk=outbox_id, status=OutboxStatus.PENDING).update(
        status=OutboxStatus.SKIPPED, next_attempt_at=None, last_error=reason[:MAX_ERROR_LENGTH]
    )


def skip_reason(outbox: EmailOutbox, *, now: dt.datetime | None = None) -> str:
    """Why the message of `outbox` should no longer be sent ("" when it should).

    Checked at every attempt, because a message can wait for hours while the mail server is
    down: a reminder is not sent to a booking that was cancelled or that turned reminders off,
    or once the offering has started; a confirmation or promotion notice is not sent once the
    booking was cancelled (its cancellation notice is); a waiting-list notice is not sent once
    the booking left the list; a speed-dating request reminder is not sent once the booking is
    no longer confirmed or has sent a request; a speed-dating agenda, change notice or
    feedback request only to a confirmed booking; nothing is sent to an anonymised booking.
    """
    now = now or timezone.now()
    booking = outbox.booking
    if booking.anonymised_at is not None or not booking.email:
        return "The booking was anonymised."
    if outbox.kind in (EmailKind.CONFIRMATION, EmailKind.PROMOTED, EmailKind.REMINDER, *SPEED):
        if booking.status != BookingStatus.CONFIRMED:
            return f"The booking is {booking.status}, no longer confirmed."
    if outbox.kind == EmailKind.SPEED_REQUEST_REMINDER:
        if booking.status != BookingStatus.CONFIRMED:
            return f"The booking is {booking.status}, no longer confirmed."
        if MeetingRequest.objects.filter(sender__booking=booking).exists():
            return "Meeting requests were sent meanwhile."
    if outbox.kind == EmailKind.WAITLISTED and booking.status != BookingStatus.WAITLISTED:
        return f"The booking is {booking.status}, no longer on the waiting list."
    if outbox.kind == EmailKind.REMINDER:
        if not booking.reminders_enabled:
            return "Reminders were turned off."
        starts_at = booking.offering.starts_at
        if starts_at is not None and starts_at <= now:
            return "The offering has already started."
    return ""


def due_email_ids(*, now: dt.datetime | None = None, limit: int = SWEEP_BATCH) -> list[int]:
    """Pending rows that no job delivered: never attempted and older than `SWEEP_GRACE`, or
    whose retry time came, or whose worker's lease expired. Oldest first."""
    now = now or timezone.now()
    due = Q(next_attempt_at__lte=now) | Q(
        next_attempt_at__isnull=True, created_at__lte=now - SWEEP_GRACE
    )
    return list(
        EmailOutbox.objects.filter(status=OutboxStatus.PENDING)
        .filter(due)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def failed_emails() -> QuerySet[EmailOutbox]:
    """E-mails that could not be delivered after every retry, newest first, for organisers.

    Each row carries its booking (reference, name, address, language) and offering, the
    number of attempts and the last error from the mail server.
    """
    return (
        EmailOutbox.objects.filter(status=OutboxStatus.FAILED)
        .select_related("booking", "booking__offering")
        .order_by("-created_at", "-pk")
    )


def retry_email(*, outbox_id: int) -> bool:
    """Put a failed e-mail back in the queue with a fresh set of attempts (organiser action).

    Returns False when the row is not failed (already sent, pending or gone): retrying twice
    is harmless. Delivery starts after the surrounding transaction commits.
    """
    with transaction.atomic():
        updated = EmailOutbox.objects.filter(pk=outbox_id, status=OutboxStatus.FAILED).update(
            status=OutboxStatus.PENDING, attempts=0, next_attempt_at=None
        )
        if updated:
            transaction.on_commit(lambda: enqueue_delivery(outbox_id))
    return bool(updated)
