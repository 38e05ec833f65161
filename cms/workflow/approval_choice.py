"""The moderator's choice on approving a source revision: publish now, or with its translation.

`LocaleApprovalTask` offers the actions (`approve_actions`) and records the choice on the
workflow state (`choose`); the finish action asks `wants_hold` and, if so, holds the revision
(`together`). Plain "Approve" follows the page type's or section's default (`default_for`,
``CMS_WORKFLOW["PUBLISH_WITH_TRANSLATION"]``); the other choice is offered beside it. Every
route that approves through the task (the page editor, the dashboard's review panel) gets the
same actions. Imports no model of the plugin (the task's module imports this one).
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin

from cms.workflow import conf

#: The task's extra approval actions (`models.LocaleApprovalTask.get_actions`).
APPROVE_WITH_TRANSLATION = "approve_with_translation"
APPROVE_ALONE = "approve_alone"
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
    """The approval actions the task offers on `obj` (after "Request changes")."""
    if not can_hold(obj):
        return [
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]
    if default_for(obj):
        return [
            ("approve", _("Approve, publish with its translation"), False),
            ("approve", _("Approve with comment, publish with its translation"), True),
            (APPROVE_ALONE, _("Approve and publish now, without the translation"), True),
        ]
    return [
        ("approve", _("Approve"), False),
        ("approve", _("Approve with comment"), True),
        (APPROVE_WITH_TRANSLATION, _("Approve, publish with its translation"), True),
    ]


def choose(workflow_state: Any, action_name: str) -> str:
    """Record the moderator's choice of action on `workflow_state`; return Wagtail's action."""
    if action_name in (APPROVE_WITH_TRANSLATION, APPROVE_ALONE):
        setattr(workflow_state, CHOICE_ATTRIBUTE, action_name == APPROVE_WITH_TRANSLATION)
        return "approve"
    return action_name


def wants_hold(workflow_state: Any, obj: Any) -> bool:
    """Whether the approval that finishes `workflow_state` holds `obj` (`choose`, else the
    default)."""
    if not can_hold(obj):
        return False
    chosen = getattr(workflow_state, CHOICE_ATTRIBUTE, None)
    return default_for(obj) if chosen is None else chosen
