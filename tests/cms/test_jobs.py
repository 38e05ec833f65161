"""The periodic jobs are upserted by name; scheduled publication runs about every 30 s.

Scheduled publication itself is tested with the workflow plugin
(tests/workflow/test_scheduled_publication.py).
"""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from cms.management.commands.setup_schedules import declared_schedules


def setup_schedules() -> None:
    call_command("setup_schedules", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_setup_schedules_upserts_by_name(db):
    setup_schedules()
    setup_schedules()
    names = [s["name"] for s in declared_schedules()]
    assert "cms_workflow.publish_scheduled" in names
    for name in names:
        assert Schedule.objects.filter(name=name).count() == 1


def test_scheduled_publication_runs_twice_a_minute_half_a_minute_apart(db):
    before = timezone.now()
    setup_schedules()
    runs = Schedule.objects.filter(func="cms.workflow.jobs.publish_scheduled")
    assert {(s.schedule_type, s.minutes) for s in runs} == {(Schedule.MINUTES, 1)}
    first, second = sorted(s.next_run for s in runs)
    assert first < before + dt.timedelta(seconds=5)
    assert dt.timedelta(seconds=25) < second - first < dt.timedelta(seconds=35)


def test_the_retired_hourly_schedule_is_removed(db):
    Schedule.objects.create(
        name="cms.publish_scheduled_pages", func="cms.jobs.publish_scheduled_pages"
    )
    setup_schedules()
    assert not Schedule.objects.filter(name="cms.publish_scheduled_pages").exists()
