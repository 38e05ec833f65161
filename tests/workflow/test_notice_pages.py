"""The notices in the admin: the dashboard's "Waiting for you", the notices page, the menu item's
unread count, and opening a notice (marks it read; another user's notice is a 404).

`mailable` gives the reviewer, the translator and the manager English as admin language.
"""

from django.urls import reverse

from cms.workflow.notices import Notice
from tests.workflow.conftest import draft
from tests.workflow.test_locale_approval import act, submit


def open_url(notice: Notice) -> str:
    return reverse("cms_workflow_notices:open", args=[notice.pk])


def test_the_dashboard_shows_what_waits_for_the_reviewer_and_their_unread_notices(
    en_page, mailable, as_user
):
    submit(draft(en_page, "News 2"), mailable["translator"])

    dashboard = as_user("reviewer").get(reverse("wagtailadmin_home")).content.decode()

    assert "Waiting for you" in dashboard
    assert "data-waiting-for-review" in dashboard
    notice = Notice.objects.get(recipient=mailable["reviewer"])
    assert open_url(notice) in dashboard
    assert "1 unread notice" in dashboard


def test_the_submitter_finds_the_rejection_with_its_comment_on_the_dashboard(
    en_page, mailable, as_user
):
    page = draft(en_page, "News, wrong")
    state = submit(page, mailable["translator"])
    act(as_user("reviewer"), page, state, "reject", comment="Typo in the title")

    dashboard = as_user("translator").get(reverse("wagtailadmin_home")).content.decode()

    assert "Changes requested: News, wrong" in dashboard
    assert "Typo in the title" in dashboard


def test_a_user_with_nothing_waiting_sees_no_panel(en_page, mailable, as_user):
    dashboard = as_user("manager").get(reverse("wagtailadmin_home")).content.decode()

    assert "Waiting for you" not in dashboard


def test_the_notices_page_lists_the_users_notices_and_the_menu_counts_the_unread(
    hu_page, en_page, mailable, as_user
):
    submit(draft(en_page, "News 2"), mailable["translator"])
    submit(draft(hu_page, "Hírek 2"), mailable["editor"])
    reviewer = as_user("reviewer")

    listing = reviewer.get(reverse("cms_workflow_notices:index")).content.decode()

    assert "Submitted for review: News 2" in listing
    assert "Hírek 2" not in listing  # the moderators' notice, not the reviewer's
    assert "Notices (1)" in listing  # the menu item


def test_opening_a_notice_marks_it_read_and_goes_to_the_editor(en_page, mailable, as_user):
    submit(draft(en_page, "News 2"), mailable["translator"])
    notice = Notice.objects.get(recipient=mailable["reviewer"])
    reviewer = as_user("reviewer")

    response = reviewer.get(open_url(notice))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[en_page.pk])
    notice.refresh_from_db()
    assert notice.is_read
    listing = reviewer.get(reverse("cms_workflow_notices:index")).content.decode()
    assert "Notices (1)" not in listing
    assert "0 unread notices" in listing


def test_a_user_cannot_open_another_users_notice(en_page, mailable, as_user):
    submit(draft(en_page, "News 2"), mailable["translator"])
    notice = Notice.objects.get(recipient=mailable["reviewer"])

    assert as_user("moderator").get(open_url(notice)).status_code == 404
    notice.refresh_from_db()
    assert not notice.is_read


def test_mark_all_as_read_marks_only_the_users_own_notices(hu_page, en_page, mailable, as_user):
    submit(draft(en_page, "News 2"), mailable["translator"])
    submit(draft(hu_page, "Hírek 2"), mailable["editor"])
    reviewer = as_user("reviewer")
    listing = reviewer.get(reverse("cms_workflow_notices:index")).content.decode()
    assert "Mark all as read" in listing

    response = reviewer.post(reverse("cms_workflow_notices:mark_all_read"))

    assert response["Location"] == reverse("cms_workflow_notices:index")
    assert not Notice.objects.filter(recipient=mailable["reviewer"], read_at=None).exists()
    assert Notice.objects.get(recipient=mailable["moderator"]).read_at is None
    assert reviewer.get(reverse("cms_workflow_notices:mark_all_read")).status_code == 405
