"""Upsert the django-q2 schedules every app declares in its `jobs.SCHEDULES`.

An entry may carry ``start_offset_seconds``: a new schedule's first run is that much after now
(two one-minute schedules half a minute apart run a job about every 30 s); an existing
schedule keeps its phase. `RETIRED_SCHEDULES` of a `jobs` module lists names to delete.

The apps are those of ``settings.SCHEDULE_APPS``: the project's own and the workflow plugin
(`cms.workflow.jobs`, its notice e-mail sweep), which cannot know this command.
"""

import datetime as dt
from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django_q.models import Schedule


def _jobs_modules() -> list[Any]:
    modules = []
    for app_name in settings.SCHEDULE_APPS:
        try:
            modules.append(import_module(f"{app_name}.jobs"))
        except ModuleNotFoundError as error:
            if error.name != f"{app_name}.jobs":
                raise
    return modules


def retired_schedules() -> list[str]:
    """Names of schedules an app no longer runs (its `jobs.RETIRED_SCHEDULES`)."""
    return [name for module in _jobs_modules() for name in getattr(module, "RETIRED_SCHEDULES", [])]


def declared_schedules() -> list[dict[str, Any]]:
    """Collect `SCHEDULES` from the `jobs` module of every app in `SCHEDULE_APPS` that has one."""
    return [schedule for module in _jobs_modules() for schedule in getattr(module, "SCHEDULES", [])]


class Command(BaseCommand):
    help = "Create or update the periodic jobs by name (safe to run after every deploy)."

    def handle(self, *args: Any, **options: Any) -> None:
        for declared in declared_schedules():
            fields = dict(declared)
            name = fields.pop("name")
            offset = fields.pop("start_offset_seconds", 0)
            # Schedule names are unique: update in place instead of creating duplicates.
            schedule, created = Schedule.objects.update_or_create(name=name, defaults=fields)
            if created and offset:
                schedule.next_run = timezone.now() + dt.timedelta(seconds=offset)
                schedule.save(update_fields=["next_run"])
            self.stdout.write(f"{'created' if created else 'updated'} {name}")
        deleted, _rows = Schedule.objects.filter(name__in=retired_schedules()).delete()
        if deleted:
            self.stdout.write(f"deleted {deleted} retired schedule(s)")
