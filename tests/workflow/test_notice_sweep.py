"""The sweep of notice e-mails: an e-mail whose job was lost is still sent, once.

With the Redis broker a task is delivered at most once, and a crash between commit and enqueue
loses the on-commit job too: here the job is "lost" by submitting without running the commit
callbacks. `setup_schedules` installs the sweep with the project's own schedules.
"""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from cms.workflow import jobs
from cms.workflow.notices import EmailStatus, Notice
from tests.workflow.conftest import draft
from tests.workflow.test_locale_approval import submit


@pytest.fixture
def lost_notice(hu_page, mailable, jobs_inline) -> Notice:
    """The moderator's notice of a submission whose e-mail job never ran, minutes ago."""
    submit(draft(hu_page, "Hírek 2"), mailable["editor"])  # no commit: the job is lost
    notice = Notice.objects.get(recipient=mailable["moderator"])
    Notice.objects.filter(pk=notice.pk).update(created_at=timezone.now() - dt.timedelta(minutes=10))
    assert mail.outbox == []
    return notice


def test_the_sweep_sends_a_lost_email_once(lost_notice):
    assert jobs.sweep_notice_emails() == 1
    assert jobs.sweep_notice_emails() == 0

    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
    lost_notice.refresh_from_db()
    assert lost_notice.email_status == EmailStatus.SENT


def test_the_sweep_leaves_a_fresh_email_to_its_own_job(lost_notice):
    Notice.objects.filter(pk=lost_notice.pk).update(created_at=timezone.now())

    assert jobs.sweep_notice_emails() == 0
    assert mail.outbox == []


def test_the_sweep_waits_for_a_running_job_and_takes_over_when_its_lease_expired(lost_notice):
    running = timezone.now() + dt.timedelta(minutes=1)
    Notice.objects.filter(pk=lost_notice.pk).update(email_claimed_until=running)
    assert jobs.sweep_notice_emails() == 0

    expired = timezone.now() - dt.timedelta(seconds=1)
    Notice.objects.filter(pk=lost_notice.pk).update(email_claimed_until=expired)
    assert jobs.sweep_notice_emails() == 1
    assert len(mail.outbox) == 1


def test_the_sweep_gives_up_an_email_after_two_days(lost_notice):
    Notice.objects.filter(pk=lost_notice.pk).update(
        created_at=timezone.now() - dt.timedelta(days=3)
    )

    assert jobs.sweep_notice_emails() == 0
    assert mail.outbox == []
    assert Notice.objects.filter(pk=lost_notice.pk).exists()  # the in-admin notice stays


def test_setup_schedules_installs_the_sweep(db):
    call_command("setup_schedules", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("setup_schedules", stdout=open("/dev/null", "w"))  # noqa: SIM115

    sweep = Schedule.objects.get(name="cms_workflow.sweep_notice_emails")
    assert sweep.func == "cms.workflow.jobs.sweep_notice_emails"
    assert Schedule.objects.filter(name__startswith="event_booking.").exists()
