"""The moderator's choice on approving a source revision: publish now, or with its translation.

`LocaleApprovalTask` offers the actions (`approve_actions`) and records the choice on the
workflow state (`choose`); the finish action asks `wants_hold` and, if so, holds the revision
(`together`). The page type's or section's default (`default_for`,
``CMS_WORKFLOW["PUBLISH_WITH_TRANSLATION"]``) puts "Approve, publish with its translation"
first, and decides an approval made without a choice; "Approve" (Wagtail's "Approve and
Publish") is always offered. Every route that approves through the task (the page editor, the
dashboard's review panel) gets the same actions. Imports no model of the plugin (the task's
module imports this one).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin

from cms.workflow import conf

#: The task's extra approval actions (`models.LocaleApprovalTask.get_actions`).
APPROVE_WITH_TRANSLATION = "approve_with_translation"
#: The attribute `LocaleApprovalTask.on_action` sets on the workflow state to carry the
#: moderator's choice to the finish action (Wagtail passes the same object along).
CHOICE_ATTRIBUTE = "_cms_publish_with_translation"


def can_hold(obj: Any) -> bool:
    """Whether `obj` can wait for its translations: a translatable object with drafts in the
    site's source language, on a site with another language."""
    return (
        isinstance(obj, TranslatableMixin)
        and isinstance(obj, DraftStateMixin)
        and obj.locale_id == Locale.get_default().pk
        and Locale.objects.exclude(pk=obj.locale_id).exists()
    )


def default_for(obj: Any) -> bool:
    """Whether plain "Approve" holds `obj`: its page type or snippet model is listed in
    ``CMS_WORKFLOW["PUBLISH_WITH_TRANSLATION"]["types"]``, or it is a page at or below a
    listed section (`conf.publish_with_translation`)."""
    types, sections = conf.publish_with_translation()
    model = type(obj.specific if isinstance(obj, Page) else obj)
    if model._meta.label_lower in types:
        return True
    if not isinstance(obj, Page) or not sections:
        return False
    path = obj.url_path.split("/", 2)[-1]  # below the locale's home page: "section/child/"
    return any(("/" + path).startswith(section) for section in sections)


def approve_actions(obj: Any) -> list[tuple[str, Any, bool]]:
    """The approval actions the task offers on `obj` (after "Request changes").

    "approve" publishes at once (Wagtail's page menu labels it "... and Publish");
    `APPROVE_WITH_TRANSLATION` holds the revision for its translation. Where the page type or
    section defaults to waiting (`default_for`), that choice comes first, with a comment
    variant; elsewhere it comes last.
    """
    approve_now = [
        ("approve", _("Approve"), False),
        ("approve", _("Approve with comment"), True),
    ]
    if not can_hold(obj):
        return approve_now
    if default_for(obj):
        return [
            (APPROVE_WITH_TRANSLATION, _("Approve, publish with its translation"), False),
            (
                APPROVE_WITH_TRANSLATION,
                _("Approve with comment, publish with its translation"),
                True,
            ),
            approve_now[1],
        ]
    return [
        *approve_now,
        (APPROVE_WITH_TRANSLATION, _("Approve, publish with its translation"), True),
    ]


def choose(workflow_state: Any, action_name: str) -> str:
    """Record the approver's choice on `workflow_state` ("approve": publish now,
    `APPROVE_WITH_TRANSLATION`: wait for the translation); return Wagtail's action name."""
    if action_name in ("approve", APPROVE_WITH_TRANSLATION):
        setattr(workflow_state, CHOICE_ATTRIBUTE, action_name == APPROVE_WITH_TRANSLATION)
        return "approve"
    return action_name


def wants_hold(workflow_state: Any, obj: Any) -> bool:
    """Whether the approval that finishes `workflow_state` holds `obj`: the approver's choice
    (`choose`); an approval made without one (code calling `TaskState.approve`) follows the
    default."""
    if not can_hold(obj):
        return False
    chosen = getattr(workflow_state, CHOICE_ATTRIBUTE, None)
    return default_for(obj) if chosen is None else chosen
