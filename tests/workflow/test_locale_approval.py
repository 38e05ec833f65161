"""The "Cluster site" workflow: the page's language chooses who approves it.

Submissions start the page's workflow as the admin's "Submit for moderation" does; approving
and rejecting go through the admin's own workflow action URL as the reviewing user.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, TaskState, Workflow, WorkflowPage

from cms.workflow import install, placement
from cms.workflow.models import LocaleApprovalTask
from tests.workflow.conftest import draft, refused


def submit(page: Page, user) -> TaskState:
    page.get_workflow().start(page, user)
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def act(client, page: Page, state: TaskState, action: str, comment: str = ""):
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": comment})


def accepted(response, page: Page) -> bool:
    """The action ran: Wagtail goes back to the page's editor."""
    return response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )


def live_title(page: Page) -> str:
    return Page.objects.get(pk=page.pk).title


def test_migrations_put_the_cluster_site_workflow_on_each_home_page_in_place_of_wagtails(
    home, en_home
):
    # The Hungarian home page by the migrations; the English one when translation created it.
    for page in [home, en_home]:
        assert WorkflowPage.objects.get(page=page).workflow.name == "Cluster site", page
    assert not WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists()
    workflow = en_home.get_workflow()
    assert workflow.active
    (task,) = [task.specific for task in workflow.tasks.all()]
    assert isinstance(task, LocaleApprovalTask)
    assert task.groups_by_locale == {"hu": "Moderators", "en": "Translation reviewers"}
    assert not Workflow.objects.get(name="Moderators approval").active
    reviewers = Group.objects.get(name="Translation reviewers")
    # The plugin gives admin access only; the project adds the snippets' change permission
    # (cms.snippet_review), so reviewers can open an English snippet to approve it.
    codenames = {p.codename for p in reviewers.permissions.all()}
    assert {c for c in codenames if not c.startswith("change_")} == {"access_admin"}


def test_the_workflow_migration_is_idempotent_and_reversible(db):
    from django.apps import apps

    install.install(apps)
    assert Workflow.objects.filter(name="Cluster site").count() == 1
    assert LocaleApprovalTask.objects.count() == 1

    # Backwards, the project's later migrations go first: they take back the snippet
    # permissions they gave the review group (else the group is kept, as it holds more).
    reviewers = Group.objects.get(name="Translation reviewers")
    reviewers.permissions.remove(*reviewers.permissions.exclude(codename="access_admin"))
    install.uninstall(apps)
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert (workflow.name, workflow.active) == ("Moderators approval", True)
    assert not Workflow.objects.filter(name="Cluster site").exists()
    assert not Group.objects.filter(name="Translation reviewers").exists()
    assert Group.objects.filter(name="Moderators").exists()

    install.install(apps)
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    assert workflow.name == "Cluster site"
    # Migration 0008 then moves it from the root to the home pages; backwards and again.
    placement.move_from_root(apps)
    placement.move_from_root(apps)
    home = Page.objects.get(depth=2, locale__language_code="hu")
    assert WorkflowPage.objects.get(page=home).workflow.name == "Cluster site"
    assert not WorkflowPage.objects.filter(page__depth=1).exists()
    placement.move_to_root(apps)
    assert not WorkflowPage.objects.filter(page=home).exists()
    assert WorkflowPage.objects.get(page__depth=1).workflow.name == "Cluster site"
    placement.move_from_root(apps)


@pytest.mark.parametrize(
    ("page_fixture", "submitter", "approver", "others"),
    [
        # Hungarian: Moderators approve, Translation reviewers and editors cannot.
        ("hu_page", "editor", "moderator", ["reviewer", "editor"]),
        # English: Translation reviewers approve, Moderators and translators cannot.
        ("en_page", "translator", "reviewer", ["moderator", "translator"]),
    ],
)
def test_the_pages_language_chooses_who_approves_it(
    request, users, as_user, page_fixture, submitter, approver, others
):
    live = request.getfixturevalue(page_fixture)
    page = draft(live, "Reviewed title")
    state = submit(page, users[submitter])

    for other in others:
        assert refused(act(as_user(other), page, state, "approve")), other
    assert live_title(page) == live.title

    assert accepted(act(as_user(approver), page, state, "approve"), page)
    assert live_title(page) == "Reviewed title"


def test_rejection_keeps_the_live_version_and_returns_the_comment(en_page, users, as_user):
    page = draft(en_page, "News, wrong")
    state = submit(page, users["translator"])

    response = act(as_user("reviewer"), page, state, "reject", comment="Typo in the title")

    assert accepted(response, page)
    assert live_title(page) == en_page.title
    state.refresh_from_db()
    assert (state.status, state.comment) == (TaskState.STATUS_REJECTED, "Typo in the title")


def test_each_reviewer_sees_only_their_languages_waiting(hu_page, en_page, users, as_user):
    hu_state = submit(draft(hu_page, "Hírek 2"), users["editor"])
    en_state = submit(draft(en_page, "News 2"), users["translator"])
    task = hu_state.task.specific

    assert list(task.get_task_states_user_can_moderate(users["moderator"])) == [hu_state]
    assert list(task.get_task_states_user_can_moderate(users["reviewer"])) == [en_state]
    assert not task.get_task_states_user_can_moderate(users["translator"]).exists()
    dashboard = as_user("reviewer").get(reverse("wagtailadmin_home"))
    assert b"News 2" in dashboard.content
    assert b"H\xc3\xadrek 2" not in dashboard.content


@pytest.mark.parametrize(
    ("mapping", "error"),
    [
        ({"de": "Moderators"}, "Unknown language"),
        ({"en": "Nobody"}, "No such group"),
        (["Moderators"], "Give an object"),
    ],
)
def test_the_task_editor_refuses_a_mapping_it_cannot_apply(db, mapping, error):
    from django.core.exceptions import ValidationError

    task = LocaleApprovalTask(name="Other", groups_by_locale=mapping)
    with translation.override("en"), pytest.raises(ValidationError, match=error):
        task.full_clean()


def test_an_administrator_edits_the_mapping_in_the_task_editor(admin_client, en_page, users):
    task = LocaleApprovalTask.objects.get()
    assert not task.user_approves(en_page, users["moderator"])
    url = reverse("wagtailadmin_workflows:edit_task", args=[task.pk])
    assert b"groups_by_locale" in admin_client.get(url).content

    response = admin_client.post(
        url, {"name": task.name, "groups_by_locale": '{"hu": "Moderators", "en": "Moderators"}'}
    )

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.user_approves(en_page, users["moderator"])
    assert not task.user_approves(en_page, users["reviewer"])
    # Approving publishes with the approver's own permission: the mapped group got it.
    assert en_page.permissions_for_user(users["moderator"]).can_publish()


def test_translation_reviewers_may_edit_and_publish_english_pages_only(hu_page, en_page, users):
    reviewer = users["reviewer"]
    assert en_page.permissions_for_user(reviewer).can_publish()
    assert en_page.permissions_for_user(reviewer).can_edit()
    assert not hu_page.permissions_for_user(reviewer).can_edit()
    assert not hu_page.permissions_for_user(reviewer).can_publish()
