"""Submit a synced translation for review from wagtail-localize's translation editor.

wagtail-localize's editor offers only "Publish" (for those who may publish) and starts no
workflow. `submit_for_review` is what its "Submit for review" action does, for a page or a
snippet with workflows (`snippets.ReviewedSnippetMixin`): it builds the translated object in
memory from the translation's strings (`get_ephemeral_translated_instance`), saves it as a new
draft revision and starts the object's workflow on that revision. It never calls
`Translation.save_target(publish=False)`, which writes the translated fields into the live row:
until a reviewer approves, the site and the API keep showing the last approved text.
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TranslatableMixin, WorkflowMixin, WorkflowState
from wagtail_localize.models import MissingRelatedObjectError, MissingTranslationError, Translation


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
        try:
            draft = translation.source.get_ephemeral_translated_instance(translation.target_locale)
        except (MissingTranslationError, MissingRelatedObjectError) as error:
            raise ReviewError(_("Translate every string before submitting.")) from error
        draft.save_revision(user=user, log_action=True)
        return workflow.start(obj, user)
