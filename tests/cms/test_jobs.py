"""Scheduled publication runs as a django-q2 job and is safe to run twice, even at once."""

import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_q.models import Schedule
from wagtail.models import PageLogEntry, Revision
from wagtail.signals import page_published

from cms import jobs
from cms.jobs import publish_scheduled_pages
from cms.management.commands.setup_schedules import declared_schedules
from tests import factories


def schedule_publication(page, go_live_at):
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()  # with a future go_live_at Wagtail stores it as approved, not live
    return revision


def due_cluster(home):
    """An unpublished cluster whose approved go-live time has just passed."""
    cluster = factories.cluster(factories.cluster_index(home))
    cluster.unpublish()
    revision = schedule_publication(cluster, timezone.now() + dt.timedelta(minutes=10))
    cluster.refresh_from_db()
    assert not cluster.live

    # Ten minutes later: move the schedule into the past instead of waiting.
    past = timezone.now() - dt.timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    return cluster


def test_a_page_scheduled_in_the_past_is_published_once(home, client):
    cluster = due_cluster(home)
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


# --- Two workers at once, on PostgreSQL with real connections --------------------------------

RACE_WINDOW = 3  # seconds a run waits, just before publishing, for the other run to get there


def publish_from_two_workers(monkeypatch) -> list[int]:
    """Run the job in two threads (two connections) started together; the pages published.

    Each run, about to publish a revision, waits up to RACE_WINDOW for the other run to be
    about to publish too: two runs that both found the revision due both publish it.
    """
    about_to_publish = threading.Barrier(2)
    original_publish = Revision.publish

    def publish_when_both_are_there(revision, *args, **kwargs):
        try:
            about_to_publish.wait(timeout=RACE_WINDOW)
        except threading.BrokenBarrierError:
            pass  # the other run is not there (it waits for the lock): publish alone
        return original_publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish_when_both_are_there)
    published, errors = [], []
    start = threading.Barrier(2)

    def record(sender, instance, **kwargs):
        published.append(instance.pk)

    def worker():
        try:
            start.wait(timeout=10)
            publish_scheduled_pages()
        except Exception as error:  # pragma: no cover - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    page_published.connect(record, weak=False)
    try:
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        page_published.disconnect(record)
    assert errors == []
    return published


def scheduled_publications(page) -> int:
    return PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_running_the_job_at_once_publish_the_page_once(home, monkeypatch):
    cluster = due_cluster(home)

    assert publish_from_two_workers(monkeypatch) == [cluster.pk]

    cluster.refresh_from_db()
    assert cluster.live
    assert scheduled_publications(cluster) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_control_without_the_lock_two_workers_publish_twice(home, monkeypatch):
    """Proves the test above can see the race: without the job's lock both runs publish."""
    monkeypatch.setattr(jobs, "lock_for_transaction", lambda name: None)
    cluster = due_cluster(home)

    assert publish_from_two_workers(monkeypatch) == [cluster.pk, cluster.pk]

    assert scheduled_publications(cluster) == 2
