"""wagtail-localize's background jobs on django-q2 (``WAGTAILLOCALIZE_JOBS``).

wagtail-localize ships only an immediate back end and one for django-rq. Set::

    WAGTAILLOCALIZE_JOBS = {"BACKEND": "cms.workflow.localize_jobs.DjangoQ2Backend"}

Contract: `enqueue` hands the job to django-q2 *after the current transaction commits*
(wagtail-localize enqueues a subtree translation inside its request's transaction: a worker
must not start on rows it cannot see yet, and a rolled-back request enqueues nothing). Outside
a transaction it is enqueued at once. The job runs `jobs.run_localize_job`, which imports the
function by dotted path. With ``Q_CLUSTER["sync"]`` (tests) it runs inline at commit.

wagtail-localize builds its back end once, when `wagtail_localize.tasks` is imported, so the
setting must be in place at start-up (``override_settings`` cannot swap it in a test).
"""

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django_q.tasks import async_task
from wagtail_localize.tasks import BaseJobBackend

#: The job that runs a wagtail-localize function (django-q2 addresses jobs by dotted path).
RUN_JOB = "cms.workflow.jobs.run_localize_job"


def dotted_path(func: Callable) -> str:
    """`module.qualname` of a module-level function (what `import_string` takes back)."""
    return f"{func.__module__}.{func.__qualname__}"


class DjangoQ2Backend(BaseJobBackend):
    """Enqueue wagtail-localize's jobs on django-q2, on commit (module docstring)."""

    def __init__(self, options: dict) -> None:
        super().__init__(options)
        self.options = dict(options)

    def enqueue(self, func: Callable, args: Any, kwargs: Any) -> None:
        path, args, kwargs = dotted_path(func), list(args or []), dict(kwargs or {})
        transaction.on_commit(
            lambda: async_task(RUN_JOB, path, args, kwargs, q_options=dict(self.options))
        )
