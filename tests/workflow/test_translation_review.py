"""The translation editor's "Submit for review": a draft revision in review, the live page kept."""

from django.urls import reverse
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation

from tests.workflow.conftest import refused
from tests.workflow.test_locale_approval import accepted, act

SUBMIT = {"cms-workflow-submit-for-review": "1"}


def retranslate(en_page: Page, source_text: str, text: str) -> None:
    """A translator's edit of one string in the synced editor (stored, not applied to the page)."""
    StringTranslation.objects.filter(
        translation_of__data=source_text, locale=en_page.locale
    ).update(data=text)


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_translator_submits_and_the_reviewer_approves(en_page, as_user):
    translator = as_user("translator")
    assert b"cms-workflow-submit-for-review" in translator.get(edit_url(en_page)).content
    retranslate(en_page, "Hírek", "News, revised")

    response = translator.post(edit_url(en_page), SUBMIT)

    assert response.status_code == 302
    page = Page.objects.get(pk=en_page.pk)
    assert page.title == en_page.title  # the live row still holds the approved text
    assert page.get_latest_revision_as_object().title == "News, revised"
    assert page.workflow_in_progress
    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    assert b"cms-workflow-submit-for-review" not in translator.get(edit_url(en_page)).content
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.workflow.start", user__username="translator"
    ).exists()

    assert accepted(act(as_user("reviewer"), page, state, "approve"), page)
    assert Page.objects.get(pk=en_page.pk).title == "News, revised"


def test_a_cluster_manager_cannot_submit_an_english_translation(en_page, as_user):
    retranslate(en_page, "Hírek", "News, revised")

    assert refused(as_user("manager").post(edit_url(en_page), SUBMIT))
    assert not Page.objects.get(pk=en_page.pk).workflow_in_progress


def test_a_half_translated_page_is_not_submitted(en_page, as_user):
    StringTranslation.objects.filter(translation_of__data="Hírek", locale=en_page.locale).delete()

    as_user("translator").post(edit_url(en_page), SUBMIT)

    page = Page.objects.get(pk=en_page.pk)
    assert not page.workflow_in_progress
    assert page.get_latest_revision_as_object().title == en_page.title


def test_a_rejected_translation_is_resubmitted_to_the_same_review(en_page, as_user):
    translator, reviewer = as_user("translator"), as_user("reviewer")
    retranslate(en_page, "Hírek", "Nwes")
    translator.post(edit_url(en_page), SUBMIT)
    page = Page.objects.get(pk=en_page.pk)
    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    assert accepted(act(reviewer, page, state, "reject", comment="Typo"), page)
    retranslate(en_page, "Hírek", "News")

    response = translator.post(edit_url(en_page), SUBMIT)

    assert response.status_code == 302
    (workflow_state,) = WorkflowState.objects.filter(object_id=str(page.pk))
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    resumed = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    assert resumed.revision.as_object().title == "News"
    assert Page.objects.get(pk=page.pk).title == en_page.title
    assert accepted(act(reviewer, page, resumed, "approve"), page)
    assert Page.objects.get(pk=page.pk).title == "News"
