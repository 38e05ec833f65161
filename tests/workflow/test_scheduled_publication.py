"""Scheduled publication through the plugin's job: on time, once, each revision on its own."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from cms.workflow import audit, jobs, scheduled
from cms.workflow.notices import Event, Notice
from tests.workflow.conftest import draft
from tests.workflow_testapp.models import ReviewedPage


def new_page(home, slug: str) -> ReviewedPage:
    page = ReviewedPage(title=slug.capitalize(), slug=slug, body="<p>x</p>", live=False)
    home.add_child(instance=page)
    return page


def approve_for(page: Page, *, minutes: int, user=None, title: str = "") -> Revision:
    """Approve `page` (with `title` if given) to go live in `minutes`: Wagtail stores the
    revision as approved, with its go-live time."""
    page = Page.objects.get(pk=page.pk).specific
    page.title = title or page.title
    page.go_live_at = timezone.now() + dt.timedelta(minutes=minutes)
    revision = page.save_revision(user=user)
    revision.publish(user=user, skip_permission_checks=True)  # as the approval does
    return revision


def make_due(revision: Revision) -> None:
    """Move an approved go-live time into the past instead of waiting for it."""
    past = timezone.now() - dt.timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def scheduled_publications(page: Page) -> int:
    return PageLogEntry.objects.filter(page=page, action=scheduled.PUBLISHED).count()


def live(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def on_site(page: Page) -> bool:
    return Page.objects.live().public().filter(pk=page.pk).exists()


def test_a_due_page_goes_live_once_and_a_future_one_waits(home):
    due, later = new_page(home, "due"), new_page(home, "later")
    make_due(approve_for(due, minutes=10))
    approve_for(later, minutes=60 * 24)

    nothing_else = {"expired": 0, "pairs_published": 0, "pairs_failed": 0}
    assert jobs.publish_scheduled() == {"published": 1, "failed": 0, **nothing_else}
    assert jobs.publish_scheduled() == {"published": 0, "failed": 0, **nothing_else}

    assert live(due).live and scheduled_publications(due) == 1
    assert on_site(due)
    assert not on_site(later)


def test_a_scheduled_translation_goes_live(en_draft):
    make_due(approve_for(en_draft, minutes=5))
    jobs.publish_scheduled()
    assert live(en_draft).live
    assert scheduled_publications(en_draft) == 1


def test_a_draft_saved_after_approval_stays_a_draft(home):
    page = new_page(home, "approved")
    revision = approve_for(page, minutes=10, title="Approved text")
    draft(page, "Unreviewed text")
    make_due(revision)

    jobs.publish_scheduled()

    page = live(page)
    assert page.live
    assert page.title == "Approved text"
    assert page.live_revision_id == revision.pk
    assert page.has_unpublished_changes
    assert page.get_latest_revision().content["title"] == "Unreviewed text"


def test_expiry_unpublishes(hu_page):
    Page.objects.filter(pk=hu_page.pk).update(expire_at=timezone.now() - dt.timedelta(seconds=1))

    assert jobs.publish_scheduled()["expired"] == 1

    page = live(hu_page)
    assert not page.live and page.expired
    assert not on_site(page)
    assert PageLogEntry.objects.filter(page=page, action=scheduled.EXPIRED).count() == 1


def test_scheduling_and_unscheduling_are_in_the_audit_log(hu_page, users, client):
    admin = users["moderator"]
    admin.is_superuser = True
    admin.save()
    revision = approve_for(hu_page, minutes=60, user=admin)
    assert PageLogEntry.objects.filter(
        page=hu_page, action="wagtail.publish.schedule", user=admin
    ).exists()

    client.force_login(admin)
    url = reverse("wagtailadmin_pages:revisions_unschedule", args=[hu_page.pk, revision.pk])
    client.post(url)

    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert PageLogEntry.objects.filter(
        page=hu_page, action="wagtail.schedule.cancel", user=admin
    ).exists()


def test_a_failing_revision_does_not_stop_the_next_and_is_reported(
    home, mailable, monkeypatch, jobs_inline, mailoutbox, django_capture_on_commit_callbacks
):
    broken, fine = new_page(home, "broken"), new_page(home, "fine")
    broken_revision = approve_for(broken, minutes=10, user=mailable["editor"])
    make_due(broken_revision)
    make_due(approve_for(fine, minutes=10))
    original_publish = Revision.publish

    def publish_failing_once_broken(revision, *args, **kwargs):
        if revision.pk == broken_revision.pk:
            raise RuntimeError("storage unavailable")
        return original_publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish_failing_once_broken)
    with django_capture_on_commit_callbacks(execute=True):
        first = jobs.publish_scheduled()
    with django_capture_on_commit_callbacks(execute=True):
        jobs.publish_scheduled()  # the retry fails again: logged again, not reported again

    assert first == {
        "published": 1,
        "failed": 1,
        "expired": 0,
        "pairs_published": 0,
        "pairs_failed": 0,
    }
    assert live(fine).live
    assert not live(broken).live
    broken_revision.refresh_from_db()
    assert broken_revision.approved_go_live_at is not None  # still scheduled
    failures = PageLogEntry.objects.filter(page=broken, action=audit.SCHEDULED_PUBLICATION_FAILED)
    assert failures.count() == 2
    assert "storage unavailable" in failures.first().data["reason"]
    told = Notice.objects.filter(event=Event.PUBLISH_FAILED, object_id=str(broken.pk))
    assert {n.recipient.username for n in told} == {"editor", "moderator"}
    about_broken = sorted(m.to[0] for m in mailoutbox if "Broken" in m.subject)
    assert about_broken == ["editor@example.org", "moderator@example.org"]

    monkeypatch.setattr(Revision, "publish", original_publish)
    jobs.publish_scheduled()
    assert live(broken).live
    assert scheduled_publications(broken) == 1


# --- Two workers at once, on PostgreSQL with real connections --------------------------------

RACE_WINDOW = 3  # seconds a run waits, just before publishing, for the other run to get there


def publish_from_two_workers(monkeypatch) -> list[int]:
    """Run the job in two threads (two connections) started together; the pages published.

    Each run, about to publish a revision, waits up to RACE_WINDOW for the other run to be
    about to publish too: two runs that both took the revision both publish it.
    """
    about_to_publish = threading.Barrier(2)
    original_publish = Revision.publish

    def publish_when_both_are_there(revision, *args, **kwargs):
        try:
            about_to_publish.wait(timeout=RACE_WINDOW)
        except threading.BrokenBarrierError:
            pass  # the other run skipped the locked revision: publish alone
        return original_publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", publish_when_both_are_there)
    published, errors = [], []
    start = threading.Barrier(2)

    def record(sender, instance, **kwargs):
        published.append(instance.pk)

    def worker():
        try:
            start.wait(timeout=10)
            jobs.publish_scheduled()
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


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_running_the_job_at_once_publish_the_page_once(home, monkeypatch):
    page = new_page(home, "race")
    make_due(approve_for(page, minutes=10))

    assert publish_from_two_workers(monkeypatch) == [page.pk]

    assert live(page).live
    assert scheduled_publications(page) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_control_without_the_row_lock_two_workers_publish_twice(home, monkeypatch):
    """Proves the test above can see the race: without the row lock both runs publish."""

    def take_without_lock(*, revision_id, now):
        return Revision.objects.filter(pk=revision_id, approved_go_live_at__lte=now).first()

    monkeypatch.setattr(scheduled, "lock_due_revision", take_without_lock)
    page = new_page(home, "race")
    make_due(approve_for(page, minutes=10))

    assert publish_from_two_workers(monkeypatch) == [page.pk, page.pk]

    assert scheduled_publications(page) == 2
