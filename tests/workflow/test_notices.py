"""Notices of the review: who hears of a submission, an approval and a request for changes.

Reviews go through the admin's own workflow action URL as the reviewing user; the e-mails are
sent by the django-q2 job after commit (run inline here).
"""

import pytest
from django.core import mail
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from cms.workflow import jobs, notify
from cms.workflow.notices import EmailStatus, Event, Notice
from tests.workflow.conftest import draft
from tests.workflow.test_locale_approval import accepted, act, submit


@pytest.fixture
def committed(django_capture_on_commit_callbacks, jobs_inline):
    """Run a block's on-commit callbacks (the e-mail jobs, inline) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def notices_of(user) -> list[tuple[str, str, str]]:
    """The review notices of `user` (the translation loop's are in test_translation_loop)."""
    reviews = Notice.objects.filter(recipient=user).exclude(event=Event.TO_TRANSLATE)
    return [(n.event, n.title, n.comment) for n in reviews]


def test_a_submission_notifies_the_approvers_of_the_pages_language(
    hu_page, en_page, mailable, committed
):
    with committed():
        submit(draft(hu_page, "Hírek 2"), mailable["editor"])
        submit(draft(en_page, "News 2"), mailable["translator"])

    assert notices_of(mailable["moderator"]) == [("submitted", "Hírek 2", "")]
    assert notices_of(mailable["reviewer"]) == [("submitted", "News 2", "")]
    for nobody in ("editor", "translator", "manager"):
        assert notices_of(mailable[nobody]) == []
    assert sorted(message.to[0] for message in mail.outbox) == [
        "moderator@example.org",
        "reviewer@example.org",
    ]


def test_the_submitter_hears_of_approval_and_of_requested_changes_with_the_comment(
    hu_page, en_page, mailable, as_user, committed
):
    hu_draft = draft(hu_page, "Hírek 2")
    en_draft = draft(en_page, "News, wrong")
    hu_state = submit(hu_draft, mailable["editor"])
    en_state = submit(en_draft, mailable["translator"])
    mail.outbox.clear()

    with committed():
        act(as_user("moderator"), hu_draft, hu_state, "approve", comment="Szép munka")
        assert accepted(
            act(as_user("reviewer"), en_draft, en_state, "reject", comment="Typo in the title"),
            en_draft,
        )

    assert notices_of(mailable["editor"]) == [("approved", "Hírek 2", "Szép munka")]
    assert notices_of(mailable["translator"]) == [("rejected", "News, wrong", "Typo in the title")]
    assert notices_of(mailable["moderator"]) == [("submitted", "Hírek 2", "")]  # not of its own
    # The translator also hears of the approved Hungarian change (the translation loop).
    (to_translator,) = [m for m in mail.outbox if m.subject.startswith("Changes requested")]
    assert to_translator.to == ["translator@example.org"]
    assert "Typo in the title" in to_translator.body
    assert [m.to for m in mail.outbox if m.to != ["translator@example.org"]] == [
        ["editor@example.org"]
    ]


def test_wagtails_own_workflow_emails_are_not_sent_beside_the_notices(
    hu_page, mailable, as_user, django_user_model, committed
):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "x")
    page = draft(hu_page, "Hírek 2")

    with committed():
        state = submit(page, mailable["editor"])
    assert sorted(m.to[0] for m in mail.outbox) == ["boss@example.org", "moderator@example.org"]

    mail.outbox.clear()
    with committed():
        act(as_user("moderator"), page, state, "approve")
    reviews = [m for m in mail.outbox if not m.subject.startswith("To translate")]  # the loop's
    assert [m.to for m in reviews] == [["editor@example.org"]]


def test_a_duplicated_or_retried_job_sends_the_email_once(hu_page, mailable, committed):
    with committed():
        state = submit(draft(hu_page, "Hírek 2"), mailable["editor"])
    notice = Notice.objects.get(recipient=mailable["moderator"])
    assert len(mail.outbox) == 1

    assert jobs.send_notice_email(notice.pk) is False
    assert jobs.send_notice_email(notice.pk) is False
    with committed():
        assert notify.record_event(task_state=state, event=Event.SUBMITTED) == []

    assert len(mail.outbox) == 1
    assert Notice.objects.filter(recipient=mailable["moderator"]).count() == 1
    notice.refresh_from_db()
    assert notice.email_status == EmailStatus.SENT


def test_a_failed_send_is_retried_and_then_sent_once(hu_page, mailable, committed, settings):
    settings.EMAIL_BACKEND = "tests.event_booking.job_helpers.FailingSMTPBackend"
    with pytest.raises(OSError), committed():  # sync mode re-raises; the broker retries
        submit(draft(hu_page, "Hírek 2"), mailable["editor"])
    notice = Notice.objects.get(recipient=mailable["moderator"])
    assert notice.email_status == EmailStatus.PENDING

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert jobs.send_notice_email(notice.pk) is True
    assert jobs.send_notice_email(notice.pk) is False
    assert len(mail.outbox) == 1


def test_the_email_is_in_the_recipients_admin_language(hu_page, en_page, mailable, committed):
    with committed():
        submit(draft(hu_page, "Hírek 2"), mailable["editor"])
        submit(draft(en_page, "News 2"), mailable["translator"])

    to = {message.to[0]: message for message in mail.outbox}
    assert to["moderator@example.org"].subject == "Jóváhagyásra vár: Hírek 2"
    assert "(Magyar)" in to["moderator@example.org"].body
    assert to["reviewer@example.org"].subject == "Waiting for your review: News 2"
    assert "(English)" in to["reviewer@example.org"].body


def test_no_email_without_an_address_or_when_turned_off_but_the_notice_is_kept(
    hu_page, mailable, committed
):
    profile = UserProfile.get_for_user(mailable["moderator"])
    profile.submitted_notifications = False
    profile.save()

    with committed():
        submit(draft(hu_page, "Hírek 2"), mailable["editor"])

    notice = Notice.objects.get(recipient=mailable["moderator"])
    assert notice.email_status == EmailStatus.NONE
    assert mail.outbox == []


def test_a_submission_reviewed_before_its_job_ran_is_not_mailed(
    hu_page, mailable, as_user, committed
):
    page = draft(hu_page, "Hírek 2")
    state = submit(page, mailable["editor"])  # its job is not run: no commit
    act(as_user("moderator"), page, state, "approve")
    notice = Notice.objects.get(recipient=mailable["moderator"])
    mail.outbox.clear()

    assert jobs.send_notice_email(notice.pk) is False
    assert mail.outbox == []
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED
