"""`LocaleApprovalTask`: a workflow task whose approvers depend on the object's language.

Wagtail's own `GroupApprovalTask` lets the same groups approve every page; a multilingual site
needs the people who read the language: moderators for the source language, translation
reviewers for the translations. The mapping language code -> group name lives on the task
(a JSON object), so it is edited in the admin's workflow task editor; it is checked there
against the site's content languages and existing groups.
"""

from collections import defaultdict
from typing import Any

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from cms.workflow import approval_choice, reviewers

# `Notice` lives in its own module (one concept per module); imported so Django registers it.
from cms.workflow.holds import PublicationHold  # noqa: F401
from cms.workflow.notices import Notice  # noqa: F401
from cms.workflow.translation_status import TranslationStatus  # noqa: F401


def language_of(obj: Any) -> str | None:
    """The language code of a translatable object, or None for an object without a locale."""
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None)


class LocaleApprovalTask(Task):
    """Approve or reject by language: the group mapped to the object's language decides.

    Contract: only superusers and members of ``groups_by_locale[obj's language]`` get the
    approve and reject actions, see the object in their review queue and may edit it while it
    waits on this task; everyone else finds it locked. A language missing from the mapping (or
    mapped to a group that does not exist) is approved by superusers only.
    """

    groups_by_locale = models.JSONField(
        _("approving group by language"),
        default=dict,
        blank=True,
        help_text=_(
            "A language code and the name of the group that approves content in that language, "
            'for example {"hu": "Moderators", "en": "Translation reviewers"}.'
        ),
    )

    admin_form_fields = [*Task.admin_form_fields, "groups_by_locale"]

    class Meta:
        verbose_name = _("Approval by language")
        verbose_name_plural = _("Approvals by language")

    def clean(self) -> None:
        super().clean()
        mapping = self.groups_by_locale
        if not isinstance(mapping, dict) or not all(
            isinstance(code, str) and isinstance(name, str) for code, name in mapping.items()
        ):
            raise ValidationError(
                {"groups_by_locale": _("Give an object of language codes and group names.")}
            )
        languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
        unknown = sorted(set(mapping) - languages)
        if unknown:
            raise ValidationError(
                {"groups_by_locale": _("Unknown language: %(codes)s.") % {"codes": unknown}}
            )
        missing = sorted(set(mapping.values()) - set(Group.objects.values_list("name", flat=True)))
        if missing:
            raise ValidationError(
                {"groups_by_locale": _("No such group: %(names)s.") % {"names": missing}}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, then give each mapped group edit and publish on its language's home pages.

        Wagtail publishes an approval with the approver's own permission (`reviewers`): a group
        mapped here in the admin must be able to publish that language, or its approvals fail.
        A group mapped away keeps its grants (grants only add; remove them in Settings > Groups).
        """
        super().save(*args, **kwargs)
        reviewers.grant(global_apps, reviewers.top_pages(global_apps))

    def approving_group_name(self, obj: Any) -> str | None:
        """The name of the group that approves `obj`, from its language (None: nobody's)."""
        return self.groups_by_locale.get(language_of(obj) or "")

    def user_approves(self, obj: Any, user: Any) -> bool:
        """Whether `user` may approve or reject `obj` on this task."""
        if user.is_superuser:
            return True
        name = self.approving_group_name(obj)
        return bool(name) and user.groups.filter(name=name).exists()

    def start(self, workflow_state: Any, user: Any = None) -> TaskState:
        """Start the task; a lock held by someone who cannot approve the object is released.

        The same rule as Wagtail's group approval: otherwise the submitter's own lock would
        keep the reviewers out.
        """
        obj = workflow_state.content_object
        locker = getattr(obj, "locked_by", None)
        if locker is not None and not self.user_approves(obj, locker):
            obj.locked, obj.locked_by, obj.locked_at = False, None, None
            obj.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return self.user_approves(obj, user)

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return not self.user_approves(obj, user)

    def user_can_lock(self, obj: Any, user: Any) -> bool:
        return self.user_approves(obj, user)

    def user_can_unlock(self, obj: Any, user: Any) -> bool:
        return False

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        if not self.user_approves(obj, user):
            return []
        return [("reject", _("Request changes"), True), *approval_choice.approve_actions(obj)]

    def on_action(self, task_state: TaskState, user: Any, action_name: str, **kwargs: Any) -> Any:
        """Wagtail's actions, plus approving with or without waiting for the translation
        (`approval_choice.choose` carries the choice to the finish action)."""
        action_name = approval_choice.choose(task_state.workflow_state, action_name)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> QuerySet:
        """The in-progress states of this task on objects in a language the user approves.

        One query per content type waiting on the task, to read the objects' languages.
        """
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        names = set(user.groups.values_list("name", flat=True))
        languages = [code for code, name in self.groups_by_locale.items() if name in names]
        if not languages:
            return TaskState.objects.none()
        waiting: dict[int, dict[str, int]] = defaultdict(dict)
        for state_id, content_type_id, object_id in in_progress.values_list(
            "pk", "workflow_state__base_content_type_id", "workflow_state__object_id"
        ):
            waiting[content_type_id][object_id] = state_id
        allowed: list[int] = []
        for content_type_id, states in waiting.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None or not hasattr(model, "locale"):
                continue
            in_language = model._default_manager.filter(
                pk__in=list(states), locale__language_code__in=languages
            ).values_list("pk", flat=True)
            allowed += [states[str(pk)] for pk in in_language]
        return in_progress.filter(pk__in=allowed)

    @classmethod
    def get_description(cls) -> str:
        return _("The group chosen for the language of the page or snippet approves it")
