"""Jobs of the agency's services (django-q2). Each takes ids and is safe to run twice."""

from django_q.models import Schedule

from agency_services.services import notifications

SCHEDULES = [
    {
        "name": "agency_services.sweep_decision_emails",
        "func": "agency_services.jobs.sweep_decision_emails",
        "schedule_type": Schedule.MINUTES,
        "minutes": 5,
    },
]


def send_decision_email(email_id: int) -> bool:
    """Send one decision e-mail once (`notifications.deliver`).

    Idempotent: a duplicated or retried job finds the row sent or claimed and sends nothing.
    """
    return notifications.deliver(email_id=email_id)


def sweep_decision_emails() -> int:
    """Enqueue every pending decision e-mail whose job was lost; return how many.

    Harmless twice: it only enqueues `send_decision_email`, which claims before sending.
    """
    ids = notifications.due_email_ids()
    for email_id in ids:
        notifications.enqueue(email_id)
    return len(ids)
