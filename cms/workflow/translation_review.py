"""Submit a synced translation for review from wagtail-localize's translation editor.

wagtail-localize's editor offers only "Publish" (for those who may publish) and starts no
workflow. `submit_for_review` is what its "Submit for review" action does: it builds the
translated page in memory from the translation's strings (`get_ephemeral_translated_instance`),
saves it as a new draft revision and starts the page's workflow on that revision. It never calls
`Translation.save_target(publish=False)`, which writes the translated fields into the live page
row: until a reviewer approves, the site and the API keep showing the last approved text.
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import MissingRelatedObjectError, MissingTranslationError, Translation


class ReviewError(Exception):
    """A translation cannot be submitted for review; `message` says why, for the translator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def translation_of(page: Page) -> Translation | None:
    """The enabled synced translation whose target is `page`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def submit_for_review(*, translation: Translation, page: Page, user: Any) -> WorkflowState:
    """Save `translation` as a draft revision of `page` and start `page`'s workflow on it.

    A translation sent back with changes requested (its workflow "needs changes") resumes that
    workflow at the task that rejected it, as the page editor's "Resubmit" does: a page may have
    only one active workflow, and the reviewer sees the same review continue.

    Raises:
        ReviewError: the page has no workflow, is already in review, or a string is not
            translated yet (nothing is saved then).
    """
    with transaction.atomic():
        page = Page.objects.select_for_update().get(pk=page.pk).specific
        workflow = page.get_workflow()
        if workflow is None:
            raise ReviewError(_("This page has no review workflow."))
        if page.workflow_in_progress:
            raise ReviewError(_("This translation is already waiting for review."))
        try:
            draft = translation.source.get_ephemeral_translated_instance(translation.target_locale)
        except (MissingTranslationError, MissingRelatedObjectError) as error:
            raise ReviewError(_("Translate every string before submitting.")) from error
        draft.save_revision(user=user, log_action=True)
        sent_back = page.current_workflow_state
        if sent_back is not None and sent_back.status == WorkflowState.STATUS_NEEDS_CHANGES:
            sent_back.resume(user)
            return sent_back
        return workflow.start(page, user)
