"""The plugin's django-q2 jobs. Each takes ids (or nothing) and is safe to run twice.

`SCHEDULES` declares the plugin's periodic jobs; a site upserts them by name (this project's
`manage.py setup_schedules` reads `jobs.SCHEDULES` of every app in ``settings.SCHEDULE_APPS``,
which lists "cms.workflow"). Without the sweep a notice's e-mail whose job was lost (the Redis
broker delivers at most once) or failed would never be sent.
"""

from django.utils.module_loading import import_string
from django_q.models import Schedule
from django_q.tasks import async_task

from cms.workflow import loop, mail, scheduled
from cms.workflow.notify import EMAIL_JOB

SCHEDULES = [
    # Scheduled publication (`scheduled`): django-q2's finest schedule is one minute and its
    # scheduler looks every 30 s, so two schedules half a minute apart make it run about every
    # 30 s (``start_offset_seconds`` sets the first run of a new schedule; see setup_schedules).
    {
        "name": "cms_workflow.publish_scheduled",
        "func": "cms.workflow.jobs.publish_scheduled",
        "schedule_type": Schedule.MINUTES,
        "minutes": 1,
    },
    {
        "name": "cms_workflow.publish_scheduled.half",
        "func": "cms.workflow.jobs.publish_scheduled",
        "schedule_type": Schedule.MINUTES,
        "minutes": 1,
        "start_offset_seconds": 30,
    },
    {
        "name": "cms_workflow.sweep_notice_emails",
        "func": "cms.workflow.jobs.sweep_notice_emails",
        "schedule_type": Schedule.MINUTES,
        "minutes": 5,
    },
]


def send_notice_email(notice_id: int) -> bool:
    """Send a notice's e-mail once (`mail.deliver_notice_email`).

    Idempotent: a duplicated or retried job finds the e-mail sent or claimed and sends nothing.
    """
    return mail.deliver_notice_email(notice_id=notice_id)


def publish_scheduled() -> dict[str, int]:
    """Publish the due approved revisions and held pairs, and unpublish expired objects
    (`scheduled.run`).

    Idempotent and safe in several workers at once: each revision is locked (skipping those
    another run holds) and re-checked, and once published it is no longer due. Returns counts.
    """
    result = scheduled.run()
    return {
        "published": len(result.published),
        "failed": len(result.failed),
        "expired": len(result.expired),
        "pairs_published": len(result.pairs_published),
        "pairs_failed": len(result.pairs_failed),
    }


def sweep_notice_emails() -> int:
    """Enqueue the e-mail job of every notice whose e-mail is due (`mail.due_notice_ids`).

    Returns how many were enqueued. Running it twice, or while a job sends, is harmless: it only
    enqueues `send_notice_email`, which claims the notice before sending, so an e-mail enqueued
    twice is still sent once.
    """
    ids = mail.due_notice_ids()
    for notice_id in ids:
        async_task(EMAIL_JOB, notice_id)
    return len(ids)


def sync_translations(content_type_id: int, object_id: int, revision_id: int | None = None) -> int:
    """The translation loop for one published source object (`loop.sync_source`), or for its
    held revision `revision_id` (`together`).

    Idempotent: a second run (or a run for an older publication) finds every language synced
    with the object's live (or held) revision and does nothing. Returns how many languages it
    synced.
    """
    return len(
        loop.sync_source(
            content_type_id=content_type_id, object_id=object_id, revision_id=revision_id
        )
    )


def run_localize_job(path: str, args: list, kwargs: dict) -> None:
    """Run one of wagtail-localize's background jobs (`localize_jobs.DjangoQ2Backend`).

    The function is addressed by dotted path; its arguments travel as one list and one dict,
    so none of them is mistaken for one of django-q2's own options (``group``, ``timeout``...).
    wagtail-localize's jobs (translating a subtree) are its own; their idempotence is theirs.
    """
    import_string(path)(*args, **kwargs)
