"""Upsert the django-q2 schedules every app declares in its `jobs.SCHEDULES`.

The apps are those of ``settings.SCHEDULE_APPS``: the project's own and the workflow plugin
(`cms.workflow.jobs`, its notice e-mail sweep), which cannot know this command.
"""

from importlib import import_module
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django_q.models import Schedule


def declared_schedules() -> list[dict[str, Any]]:
    """Collect `SCHEDULES` from the `jobs` module of every app in `SCHEDULE_APPS` that has one."""
    schedules: list[dict[str, Any]] = []
    for app_name in settings.SCHEDULE_APPS:
        try:
            module = import_module(f"{app_name}.jobs")
        except ModuleNotFoundError as error:
            if error.name != f"{app_name}.jobs":
                raise
            continue
        schedules.extend(getattr(module, "SCHEDULES", []))
    return schedules


class Command(BaseCommand):
    help = "Create or update the periodic jobs by name (safe to run after every deploy)."

    def handle(self, *args: Any, **options: Any) -> None:
        for declared in declared_schedules():
            fields = dict(declared)
            name = fields.pop("name")
            # Schedule names are unique: update in place instead of creating duplicates.
            _schedule, created = Schedule.objects.update_or_create(name=name, defaults=fields)
            self.stdout.write(f"{'created' if created else 'updated'} {name}")
