"""Reviewed snippets: translatable snippets with drafts, revisions, locks and the workflow.

A translatable snippet without drafts is saved live by every route (the snippet editor,
wagtail-localize's translation editor, "Sync translated pages", translating a page that uses
it). `ReviewedSnippetMixin` gives it Wagtail's draft and workflow machinery, so a change waits
in a revision until the workflow's task (`LocaleApprovalTask`: chosen by the object's language)
approves it; the live row keeps the approved text meanwhile. Use it before `TranslatableMixin`::

    class Venue(ReviewedSnippetMixin, TranslatableMixin, models.Model): ...

and assign the site's workflow to the model (`install.assign_workflow_to_models`).

Contract:

- **A live row is never overwritten by a draft.** wagtail-localize saves a snippet draft by
  writing the translated fields into the row with ``live=False`` and then saving a revision
  (``TranslationSource.create_or_update_translation(publish=False)``, used by "Translate this
  page/snippet" for every related snippet and by `save_target(publish=False)`): that would take
  the live translation offline and put unreviewed text in its row. Such a save (a full save that
  turns a live row not live, other than an unpublish) is skipped: the object stays live and the
  draft goes only into the revision saved next. Unpublishing stays possible: the object's
  `unpublish()` (scheduled expiry) and the admin's unpublish view (through the
  `before_unpublish` hook, `mark_unpublishing`) mark the object first.
- **Translators edit translations, never sources** (`may_edit`): a user who may change a
  snippet type but not add one is a translator of it; they may edit its objects in any language
  but the site's source language. Authors (who may add) edit both.
- **A review group publishes only its own language** (`may_publish`): snippet permissions are
  per model, so a moderator holding ``publish_<model>`` could publish an English snippet
  directly, around translation review. Publishing or unpublishing a snippet with drafts in
  language X needs, besides that permission, membership of X's review group
  (``CMS_WORKFLOW["REVIEW_GROUPS"]``); a language without a group is published by superusers
  only. Every route checks it: the snippet editor's "Publish" (also when creating, reverting
  or scheduling), the unpublish view, the translation editor's "Publish" and "Sync translated
  pages -> publish immediately" (`wagtail_hooks`, `routes`). An approved workflow still
  publishes (`finish`): approval by X's reviewers is the route for everyone else.
"""

from typing import Any

from django.contrib.auth import get_permission_codename
from django.db import models
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from cms.workflow import conf


class ReviewedSnippetMixin(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model
):
    """Drafts, revisions, locking and workflows for a translatable snippet (module docstring)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._is_draft_over_live_row(kwargs.get("update_fields")):
            # wagtail-localize's draft save: the revision it saves next holds the draft.
            self.live = True
            return
        super().save(*args, **kwargs)

    def unpublish(self, *args: Any, **kwargs: Any) -> Any:
        mark_unpublishing(self)
        return super().unpublish(*args, **kwargs)

    def _is_draft_over_live_row(self, update_fields: Any) -> bool:
        if self._state.adding or self.pk is None or update_fields is not None:
            return False
        if self.live or getattr(self, UNPUBLISHING, False):
            return False
        return type(self)._default_manager.filter(pk=self.pk, live=True).exists()


UNPUBLISHING = "_cms_workflow_unpublishing"


def mark_unpublishing(obj: Any) -> None:
    """Let `obj`'s next save take it offline: it is being unpublished, not drafted."""
    setattr(obj, UNPUBLISHING, True)


def permission_name(action: str, model: type[models.Model]) -> str:
    """`app_label.<action>_<model>`, as Django and Wagtail's snippet views name permissions."""
    return f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"


def is_source(obj: Any) -> bool:
    """Whether `obj` is in the site's source (default) language."""
    return isinstance(obj, TranslatableMixin) and obj.locale_id == Locale.get_default().pk


def may_edit(user: Any, obj: Any) -> bool:
    """Whether `user` may edit `obj` by the translator rule (module docstring).

    Only the language rule: the snippet views check the change permission themselves.
    """
    if user.is_superuser or not is_source(obj):
        return True
    return user.has_perm(permission_name("add", type(obj)))


def in_review_group(user: Any, language: str | None) -> bool:
    """Whether `user` belongs to the review group of `language` (``CMS_WORKFLOW``)."""
    name = conf.review_groups().get(language or "")
    return bool(name) and user.groups.filter(name=name).exists()


def may_publish(user: Any, obj: Any) -> bool:
    """Whether `user` may publish (or unpublish) `obj` without review.

    A snippet with drafts: the snippet type's publish permission and, for a translatable one,
    membership of the review group of `obj`'s language (module docstring). A snippet without
    drafts is live as soon as it is saved: saving it is publishing, so the change permission
    (and the translator rule) decides.
    """
    if user.is_superuser:
        return True
    if isinstance(obj, DraftStateMixin):
        if not user.has_perm(permission_name("publish", type(obj))):
            return False
        return not isinstance(obj, TranslatableMixin) or in_review_group(
            user, obj.locale.language_code
        )
    return user.has_perm(permission_name("change", type(obj))) and may_edit(user, obj)


def may_publish_new(user: Any, model: type[models.Model], language: str | None) -> bool:
    """`may_publish` for an object of `model` not created yet, in `language` (the create view)."""
    if user.is_superuser:
        return True
    if not user.has_perm(permission_name("publish", model)):
        return False
    return not issubclass(model, TranslatableMixin) or in_review_group(user, language)
