"""Decision e-mails to requesters, through an outbox (the pattern of the booking e-mails).

Contract: `decide` calls `queue_decision_email` inside its transaction; the row
(`ConsultationEmail`, unique per request and decision) commits or rolls back with the decision,
and the job `agency_services.jobs.send_decision_email` is enqueued after the commit.

Delivery protocol (`deliver`): 1. claim the row in one short transaction (lock it; give up
unless it is pending and not claimed under a running lease; count the attempt and take a
lease); 2. send outside any transaction; 3. mark it sent. A failed send releases the claim and
re-raises, so django-q2's ORM broker runs the job again; after `MAX_ATTEMPTS` the row is marked
failed. A duplicated or retried job finds the row sent or claimed and sends nothing; the sweep
(`jobs.sweep_decision_emails`) re-enqueues rows whose job was lost. As for booking e-mails, the
one window for a duplicate is a worker dying between the mail server's acceptance and step 3.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_q.tasks import async_task

from agency_services.emails import build_message
from agency_services.models import ConsultationEmail, ConsultationRequest, EmailStatus

MAX_ATTEMPTS = 5
#: A fresh row is left to its own on-commit job for this long before the sweep steps in.
SWEEP_GRACE = dt.timedelta(seconds=60)


def queue_decision_email(*, request: ConsultationRequest) -> ConsultationEmail:
    """Record that the requester must hear of the request's current decision; send after
    commit. Twice for the same decision is harmless (one row, sent once)."""
    row, _created = ConsultationEmail.objects.get_or_create(
        request=request, decision=request.status
    )
    if row.status == EmailStatus.PENDING:
        transaction.on_commit(lambda: enqueue(row.pk))
    return row


def enqueue(email_id: int) -> None:
    async_task("agency_services.jobs.send_decision_email", email_id)


def lease_duration() -> dt.timedelta:
    """Longer than any job may run, so a lease expires only when its worker is gone."""
    timeout = int(settings.Q_CLUSTER.get("timeout") or 60)
    return dt.timedelta(seconds=2 * timeout + 60)


def claim(*, email_id: int, now: dt.datetime | None = None) -> ConsultationEmail | None:
    """Step 1: the claimed row (with its request), or None when there is nothing to send."""
    now = now or timezone.now()
    with transaction.atomic():
        row = (
            ConsultationEmail.objects.select_for_update()
            .filter(pk=email_id, status=EmailStatus.PENDING)
            .first()
        )
        if row is None or (row.claimed_until and row.claimed_until > now):
            return None
        row.attempts += 1
        row.claimed_until = now + lease_duration()
        row.save(update_fields=["attempts", "claimed_until"])
    return ConsultationEmail.objects.select_related("request", "request__cluster").get(pk=email_id)


def deliver(*, email_id: int) -> bool:
    """Send one decision e-mail unless it was sent or is being sent; True if sent now."""
    row = claim(email_id=email_id)
    if row is None:
        return False
    try:
        build_message(row).send()
    except Exception as error:
        failed = row.attempts >= MAX_ATTEMPTS
        ConsultationEmail.objects.filter(pk=email_id, status=EmailStatus.PENDING).update(
            claimed_until=None,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            status=EmailStatus.FAILED if failed else EmailStatus.PENDING,
        )
        raise
    ConsultationEmail.objects.filter(pk=email_id).update(
        status=EmailStatus.SENT, sent_at=timezone.now(), claimed_until=None, last_error=""
    )
    return True


def due_email_ids(*, now: dt.datetime | None = None, limit: int = 200) -> list[int]:
    """Pending rows no job delivered: unclaimed and older than the grace, or lease expired."""
    now = now or timezone.now()
    due = Q(claimed_until__lte=now) | Q(
        claimed_until__isnull=True, created_at__lte=now - SWEEP_GRACE
    )
    return list(
        ConsultationEmail.objects.filter(status=EmailStatus.PENDING)
        .filter(due)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
