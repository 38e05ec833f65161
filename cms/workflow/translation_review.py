"""Submit a synced translation for review from wagtail-localize's translation editor.

wagtail-localize's editor offers only "Publish" (for those who may publish) and starts no
workflow. `submit_for_review` is what its "Submit for review" action does, for a page or a
snippet with workflows (`snippets.ReviewedSnippetMixin`): it builds the translated object in
memory from the translation's strings (`get_ephemeral_translated_instance`), saves it as a new
draft revision and starts the object's workflow on that revision. It never calls
`Translation.save_target(publish=False)`, which writes the translated fields into the live row:
until a reviewer approves, the site and the API keep showing the last approved text.

A translation whose reviewer requested changes comes back to its translator: the editor shows
the request and the comment (`review_state`), and "Submit for review" resubmits it (the same
review resumes on a new draft revision, as Wagtail's "Resubmit" does in the page editor).
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, TranslatableMixin, WorkflowMixin, WorkflowState
from wagtail_localize.models import MissingRelatedObjectError, MissingTranslationError, Translation

from cms.workflow import audit


class ReviewError(Exception):
    """A translation cannot be submitted for review; `message` says why, for the translator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def translation_of(obj: TranslatableMixin) -> Translation | None:
    """The enabled synced translation whose target is `obj` (a page or snippet), if any."""
    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def submit_for_review(*, translation: Translation, obj: WorkflowMixin, user: Any) -> WorkflowState:
    """Save `translation` as a draft revision of `obj` and start `obj`'s workflow on it.

    `obj` is the translation's target: a page or a snippet with workflows.

    A translation whose reviewer requested changes is resubmitted: its review resumes (the
    same workflow state, a new task state on the new revision), as Wagtail's "Resubmit" does.

    Raises:
        ReviewError: the object has no workflow, is already in review, or a string is not
            translated yet (nothing is saved then).
    """
    with transaction.atomic():
        model = Page if isinstance(obj, Page) else type(obj)
        obj = model._default_manager.select_for_update().get(pk=obj.pk)
        obj = obj.specific if isinstance(obj, Page) else obj
        workflow = obj.get_workflow()
        if workflow is None:
            raise ReviewError(_("This page has no review workflow."))
        if obj.workflow_in_progress:
            raise ReviewError(_("This translation is already waiting for review."))
        returned = obj.current_workflow_state  # changes were requested: resubmit it
        try:
            draft = translation.source.get_ephemeral_translated_instance(translation.target_locale)
        except (MissingTranslationError, MissingRelatedObjectError) as error:
            raise ReviewError(_("Translate every string before submitting.")) from error
        revision = draft.save_revision(user=user, log_action=True)
        log(
            instance=obj,
            action=audit.SUBMIT_TRANSLATION,
            user=user,
            revision=revision,
            data={"translation": translation.pk, "locale": obj.locale.language_code},
        )
        if returned is not None:
            returned.resume(user)
            return returned
        return workflow.start(obj, user)


@dataclass(frozen=True)
class ReviewState:
    """The outcome of a translation's latest review, as the translation editor shows it."""

    status: str  # IN_REVIEW, APPROVED or CHANGES_REQUESTED
    label: str
    comment: str = ""
    reviewer: Any = None
    at: datetime.datetime | None = None

    @property
    def changes_requested(self) -> bool:
        return self.status == CHANGES_REQUESTED


IN_REVIEW, APPROVED, CHANGES_REQUESTED = "in_review", "approved", "changes_requested"


def review_state(obj: Any) -> ReviewState | None:
    """The state of the latest review of `obj`, a page or snippet (None: never submitted, or
    the review was cancelled).

    In review while its workflow runs; changes requested after a rejection (until it is
    resubmitted), with the reviewer's comment; approved once the workflow finished.
    """
    workflow_state = (
        WorkflowState.objects.for_instance(obj)
        .exclude(status=WorkflowState.STATUS_CANCELLED)
        .order_by("-created_at", "-pk")
        .first()
    )
    if workflow_state is None:
        return None
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return ReviewState(IN_REVIEW, _("Waiting for review"), at=workflow_state.created_at)
    finished = (
        TaskState.objects.filter(workflow_state=workflow_state, finished_at__isnull=False)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    details = {
        "comment": finished.comment if finished else "",
        "reviewer": finished.finished_by if finished else None,
        "at": finished.finished_at if finished else None,
    }
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ReviewState(CHANGES_REQUESTED, _("Changes requested"), **details)
    return ReviewState(APPROVED, _("Approved"), **details)
