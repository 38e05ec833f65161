"""Scheduled publication, run by django-q2 (see `setup_schedules`).

Each app's `jobs.py` may declare `SCHEDULES`: the periodic jobs it needs, upserted by name.
"""

from django.core.management import call_command
from django.db import transaction
from django_q.models import Schedule

from cms.locking import lock_for_transaction

SCHEDULES = [
    {
        "name": "cms.publish_scheduled_pages",
        "func": "cms.jobs.publish_scheduled_pages",
        "schedule_type": Schedule.MINUTES,
        "minutes": 1,
    },
]


def publish_scheduled_pages() -> None:
    """Publish revisions whose approved go-live time has come and unpublish expired pages.

    Wagtail's `publish_scheduled` command does the work; it has no locking of its own, so two
    workers could both publish the same revision. Here it runs under a named lock: a second or
    concurrent run waits, then finds nothing left to do. Only revisions that were approved
    (Wagtail stores the go-live time on approval or on a direct publish) are ever published.
    """
    with transaction.atomic():
        lock_for_transaction("cms.publish_scheduled_pages")
        call_command("publish_scheduled", verbosity=0)
