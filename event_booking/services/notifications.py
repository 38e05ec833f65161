"""Queueing booking e-mails through the outbox.

Contract: a service that changes a booking calls `queue_email` inside its own transaction. The
outbox row is written with the booking, so it commits or rolls back with it (a booking that is
rolled back sends nothing), and the delivery job is enqueued only after the commit. The job
(`event_booking.jobs.deliver_email`) and the periodic sweep deliver each row at most once.
"""

from django.db import transaction

from event_booking.models import Booking, EmailOutbox


def queue_email(*, booking: Booking, kind: str, sequence: int = 0) -> EmailOutbox:
    """Record that `booking` must receive the e-mail `kind`, and deliver it after commit.

    Calling it twice for the same (booking, kind, sequence) is harmless: the row is unique.
    """
    outbox, _created = EmailOutbox.objects.get_or_create(
        booking=booking, kind=kind, sequence=sequence
    )
    transaction.on_commit(lambda: _enqueue_delivery(outbox.pk))
    return outbox


def _enqueue_delivery(outbox_id: int) -> None:
    from django_q.tasks import async_task

    async_task("event_booking.jobs.deliver_email", outbox_id)
