"""Scheduled publication runs as a django-q2 job and is safe to run twice."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from cms.jobs import publish_scheduled_pages
from cms.management.commands.setup_schedules import declared_schedules
from tests import factories


def schedule_publication(page, go_live_at):
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()  # with a future go_live_at Wagtail stores it as approved, not live
    return revision


def test_a_page_scheduled_in_the_past_is_published_once(home, client):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index)
    cluster.unpublish()
    revision = schedule_publication(cluster, timezone.now() + dt.timedelta(minutes=10))
    cluster.refresh_from_db()
    assert not cluster.live

    # Ten minutes later: move the schedule into the past instead of waiting.
    past = timezone.now() - dt.timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    publish_scheduled_pages()
    publish_scheduled_pages()  # a duplicated job finds nothing left to do

    cluster.refresh_from_db()
    assert cluster.live
    assert cluster.revisions.filter(approved_go_live_at__isnull=False).count() == 0
    assert client.get(cluster.url).status_code == 200


def test_a_page_scheduled_in_the_future_stays_off_the_site(home, client):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index)
    cluster.unpublish()
    schedule_publication(cluster, timezone.now() + dt.timedelta(days=1))
    publish_scheduled_pages()
    cluster.refresh_from_db()
    assert not cluster.live
    assert client.get(f"/hu/klaszterek/{cluster.slug}/").status_code == 404


def test_setup_schedules_upserts_by_name(db):
    call_command("setup_schedules", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("setup_schedules", stdout=open("/dev/null", "w"))  # noqa: SIM115
    names = [s["name"] for s in declared_schedules()]
    assert "cms.publish_scheduled_pages" in names
    for name in names:
        assert Schedule.objects.filter(name=name).count() == 1
