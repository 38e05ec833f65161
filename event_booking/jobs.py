"""Booking jobs, run by django-q2: e-mail delivery, the outbox sweep, reminders, closing
registration at the deadline, and anonymisation.

Every job takes primary keys (or nothing), never model instances: a task may run minutes
later, twice (the ORM broker delivers at least once), or never (the Redis broker can lose a
task, which is what the sweep is for). So each job locks or claims what it changes, re-checks,
and returns when there is nothing left to do; its docstring says why a second run is harmless.
`SCHEDULES` is upserted by name by `manage.py setup_schedules`.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_q.models import Schedule

from cms.locking import lock_for_transaction
from event_booking.emails import UndeliverableAddress, build_message
from event_booking.models import Booking, BookingStatus, EmailKind, EmailOutbox, Offering
from event_booking.services import (
    matchmaking,
    meeting_changes,
    meeting_outcomes,
    notifications,
    privacy,
    public_pages,
    speed_dating_events,
    speed_dating_schedule,
)

logger = logging.getLogger(__name__)

#: How far ahead of an offering's start the reminder goes out.
REMINDER_BEFORE = dt.timedelta(hours=24)

SCHEDULES = [
    {
        "name": "event_booking.sweep_outbox",
        "func": "event_booking.jobs.sweep_outbox",
        "schedule_type": Schedule.MINUTES,
        "minutes": 1,
    },
    {
        "name": "event_booking.queue_reminders",
        "func": "event_booking.jobs.queue_reminders",
        "schedule_type": Schedule.MINUTES,
        "minutes": 10,
    },
    {
        "name": "event_booking.close_registrations",
        "func": "event_booking.jobs.close_registrations",
        "schedule_type": Schedule.MINUTES,
        "minutes": 1,
    },
    {
        "name": "event_booking.speed_dating_sweep",
        "func": "event_booking.jobs.speed_dating_sweep",
        "schedule_type": Schedule.MINUTES,
        "minutes": 15,
    },
    {
        "name": "event_booking.anonymise_ended_bookings",
        "func": "event_booking.jobs.anonymise_ended_bookings",
        "schedule_type": Schedule.HOURLY,
    },
    {
        "name": "event_booking.speed_dating_refill_sweep",
        "func": "event_booking.jobs.speed_dating_refill_sweep",
        "schedule_type": Schedule.MINUTES,
        "minutes": 10,
    },
    {
        "name": "event_booking.speed_dating_feedback",
        "func": "event_booking.jobs.speed_dating_feedback",
        "schedule_type": Schedule.HOURLY,
    },
]


def deliver_email(outbox_id: int) -> str:
    """Send the e-mail of one outbox row, at most once; return what happened.

    Protocol (see `event_booking.services.notifications`): claim the row in one short
    transaction (lock, check it is pending and due, count the attempt, take a lease), send
    outside any transaction, then record sent or the error. Running it twice, or on two
    workers at once, is harmless: the second run finds the row sent, or claimed under a
    lease, and returns "nothing to do". A mail server that fails leaves the row pending with
    the error and a retry time for the sweep, and never touches the booking; after
    `BOOKING_EMAIL_MAX_ATTEMPTS` attempts the row is marked failed for the organisers.

    Returns:
        "sent", "retry", "failed", "skipped" or "nothing to do" (for the task's result).
    """
    outbox = notifications.claim_email(outbox_id=outbox_id)
    if outbox is None:
        return "nothing to do"
    reason = notifications.skip_reason(outbox)
    if reason:
        notifications.mark_skipped(outbox_id=outbox.pk, reason=reason)
        return "skipped"
    try:
        build_message(outbox).send()
    except UndeliverableAddress as error:
        return notifications.record_failure(
            outbox_id=outbox.pk, attempt=outbox.attempts, error=str(error), permanent=True
        )
    except (smtplib.SMTPException, OSError) as error:
        # The mail server refused or could not be reached: expected, retried later.
        logger.warning("E-mail %s attempt %s failed: %s", outbox.pk, outbox.attempts, error)
        return _retry_or_fail(outbox, f"{type(error).__name__}: {error}")
    except Exception as error:
        # A bug (template, data): still recorded on the row, so it is retried and shown.
        logger.exception("E-mail %s could not be built or sent", outbox.pk)
        return _retry_or_fail(outbox, f"{type(error).__name__}: {error}")
    notifications.mark_sent(outbox_id=outbox.pk)
    return "sent"


def _retry_or_fail(outbox: EmailOutbox, error: str) -> str:
    status = notifications.record_failure(outbox_id=outbox.pk, attempt=outbox.attempts, error=error)
    return "retry" if status == "pending" else status


def sweep_outbox() -> int:
    """Enqueue delivery of every pending outbox row that no job has delivered; return how many.

    A row is due when it was never attempted and is older than a minute (its on-commit job
    was lost, e.g. by the Redis broker or a crash between commit and enqueue), when its retry
    time after a failure came, or when the lease of a worker that died expired. Running the
    sweep twice, or while a delivery runs, is harmless: it only enqueues `deliver_email`,
    which claims each row before sending, so a row enqueued twice is still sent once.
    """
    ids = notifications.due_email_ids()
    for outbox_id in ids:
        notifications.enqueue_delivery(outbox_id)
    return len(ids)


def queue_reminders() -> int:
    """Queue the reminder of every confirmed booking whose offering starts within 24 hours.

    Only bookings with reminders on, not anonymised, of an active offering that has not yet
    started. Return how many reminders were queued. Running it twice (or on two workers) is
    harmless: the outbox is unique on (booking, kind), bookings that already have a reminder
    row are skipped, and the run holds a named lock so two runs do not race to create rows.
    """
    now = timezone.now()
    with transaction.atomic():
        lock_for_transaction("event_booking.queue_reminders")
        bookings = list(
            Booking.objects.filter(
                status=BookingStatus.CONFIRMED,
                reminders_enabled=True,
                anonymised_at__isnull=True,
                offering__is_active=True,
                offering__starts_at__gt=now,
                offering__starts_at__lte=now + REMINDER_BEFORE,
            )
            .exclude(emails__kind=EmailKind.REMINDER)
            .order_by("pk")
        )
        for booking in bookings:
            notifications.queue_email(booking=booking, kind=EmailKind.REMINDER)
    return len(bookings)


def close_registrations() -> int:
    """Close registration of every offering whose deadline has passed; return how many.

    The deadline is `registration_closes`, or the start when no deadline is set. `closed_at`
    is set to that deadline (not to the moment the job ran, which may be late), and the pages
    selling them are made stale in the page cache. Running it twice is harmless: only
    offerings with no `closed_at` yet are updated, in one UPDATE.
    """
    now = timezone.now()
    deadline = Coalesce("registration_closes", "starts_at")
    due = Offering.objects.filter(closed_at__isnull=True).alias(deadline=deadline)
    with transaction.atomic():
        ids = list(due.filter(deadline__lte=now).values_list("pk", flat=True))
        closed = Offering.objects.filter(pk__in=ids, closed_at__isnull=True).update(
            closed_at=deadline
        )
        public_pages.offerings_changed(offering_ids=ids)
    return closed


def anonymise_ended_bookings() -> int:
    """Blank the personal data of bookings whose offering ended `BOOKING_ANONYMISE_AFTER_DAYS`
    days ago (or started then, when it has no end); return how many were anonymised.

    Uses `privacy.anonymise_bookings`: name, phone, organisation, tax number and billing
    address become empty and the address a unique placeholder; seats, status and amounts stay
    for the statistics; `anonymised_at` is set and pending e-mails are dropped. A speed-dating
    participant's booking waits until their six-month follow-up e-mail has been queued. Undated
    offerings are never anonymised automatically. Running it twice is harmless: anonymised
    bookings are excluded here and skipped under a row lock there.
    """
    cutoff = timezone.now() - dt.timedelta(days=settings.BOOKING_ANONYMISE_AFTER_DAYS)
    ended = Q(offering__ends_at__lte=cutoff) | Q(
        offering__ends_at__isnull=True, offering__starts_at__lte=cutoff
    )
    # A speed-dating participant keeps their address until the six-month follow-up is sent.
    awaiting_follow_up = Q(
        speed_dating_profile__isnull=False, speed_dating_profile__follow_up_sent_at__isnull=True
    ) & (
        Q(offering__ends_at__gt=cutoff - meeting_outcomes.FOLLOW_UP_AFTER)
        | Q(
            offering__ends_at__isnull=True,
            offering__starts_at__gt=cutoff - meeting_outcomes.FOLLOW_UP_AFTER,
        )
    )
    total = 0
    while True:
        ids = list(
            Booking.objects.filter(anonymised_at__isnull=True)
            .filter(ended)
            .exclude(awaiting_follow_up)
            .order_by("pk")
            .values_list("pk", flat=True)[:500]
        )
        if not ids:
            return total
        done = privacy.anonymise_bookings(booking_ids=ids)
        total += done
        if done == 0:
            return total


def speed_dating_request_reminders(offering_id: int) -> int:
    """The one-off job two days before a speed-dating request deadline: remind participants
    who sent no request (`matchmaking.queue_request_reminders`). Running it twice, late or
    early is harmless: it re-checks the window and each booking gets one reminder ever."""
    return matchmaking.queue_request_reminders(offering_id=int(offering_id))


def speed_dating_deadline(offering_id: int) -> str:
    """The one-off job at a speed-dating request deadline: expire pending requests and store
    the schedule (`speed_dating_schedule.run_at_deadline`). Running it twice stores one
    schedule: the deadline it handled is recorded under the offering's lock."""
    return speed_dating_schedule.run_at_deadline(offering_id=int(offering_id))


#: How far back the sweep looks for speed-dating deadlines it may have to handle.
SPEED_DATING_SWEEP_WINDOW = dt.timedelta(days=7)


def speed_dating_sweep() -> int:
    """Back up the one-off speed-dating jobs (a lost task, a stopped cluster): for every
    speed-dating event whose request deadline passed within the last week, run the deadline
    work; for those whose deadline is less than two days ahead, the reminders. Both are
    idempotent (one schedule per deadline, one reminder per booking), so the sweep repeating
    what a one-off job did changes nothing. Returns how many events it looked at."""
    now = timezone.now()
    past = speed_dating_events.offerings_with_deadline(
        after=now - SPEED_DATING_SWEEP_WINDOW, until=now
    )
    soon = speed_dating_events.offerings_with_deadline(
        after=now, until=now + speed_dating_events.REQUEST_REMINDER_BEFORE
    )
    for offering_id in past:
        speed_dating_schedule.run_at_deadline(offering_id=offering_id, now=now)
    for offering_id in soon:
        matchmaking.queue_request_reminders(offering_id=offering_id, now=now)
    return len(past) + len(soon)


def speed_dating_refill(offering_id: int) -> str:
    """After a participant left a published speed-dating schedule: cancel their meetings,
    refill the freed places without moving any other meeting, and notify those touched
    (`meeting_changes.refill_freed_slots`). Running it twice is harmless: the second run
    finds nobody left holding a meeting and changes (and sends) nothing."""
    result = meeting_changes.refill_freed_slots(offering_id=int(offering_id))
    return f"cancelled {result.cancelled}, added {result.added}"


def speed_dating_refill_sweep() -> int:
    """Every 10 minutes: refill published speed-dating schedules that still hold meetings of
    someone who left (`meeting_changes.refill_sweep`), in case the refill job enqueued after
    the cancellation was lost. Harmless to repeat: a refilled event holds no such meeting."""
    return meeting_changes.refill_sweep()


def speed_dating_feedback() -> int:
    """Hourly: queue the after-event feedback request and the six-month follow-up of
    speed-dating participants (`meeting_outcomes.queue_feedback_requests`). Running it twice
    queues nothing new: the outbox holds one row per booking and kind, and follow-ups are
    marked sent under a named lock."""
    return meeting_outcomes.queue_feedback_requests()
