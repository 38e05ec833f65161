"""Signal receivers that send every change of published content to `invalidate`.

Pages: `page_published` (every route to live sends it: the editor, workflow approval, the
scheduler, wagtail-localize, bulk actions, revert, copy), `page_unpublished`, `post_delete`
and the move signals. Snippets with drafts (sectors, venues, topics): `published` and
`unpublished` (a draft changes nothing public); snippets without drafts, images and documents:
`post_save`; all of them: `pre_delete` (the pages using a row are found before its
many-to-many rows go). View restrictions (the admin's privacy setting): `post_save` and
`post_delete`. `connect()` runs in `CmsConfig.ready`.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from cms.page_cache.invalidation import invalidate, is_enabled, page_change_tags, tags_for

UID = "cms.page_cache"


def page_changed(sender: type, instance: Page, **kwargs: Any) -> None:
    """Published or unpublished."""
    invalidate(instance)


def page_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    """Every page row deleted (a subtree sends one per page)."""
    if isinstance(instance, Page) and type(instance) is Page:  # once, not per table
        invalidate(instance)


def page_moving(sender: type, instance: Page, **kwargs: Any) -> None:
    """Before a move: its old place (the old parent's listing, the old subtree's URLs)."""
    if is_enabled():
        invalidate(instance, extra_tags=page_change_tags(instance))


def page_moved(sender: type, instance: Page, **kwargs: Any) -> None:
    """After a move: the new place (the page's row holds its new path)."""
    invalidate(Page.objects.get(pk=instance.pk))


def object_published(sender: type, instance: Any, **kwargs: Any) -> None:
    """A snippet (or another non-page object with drafts) published or unpublished; pages
    have their own signals above."""
    if not isinstance(instance, Page):
        invalidate(instance)


def object_saved(sender: type, instance: Any, **kwargs: Any) -> None:
    """An image or a document saved, a snippet without drafts saved; a Site changed (its
    host name is in every absolute URL) or a Locale (the languages of the site)."""
    if is_enabled() and (sender in (Site, Locale) or sender in _watched_models(deleted=False)):
        invalidate(instance)


def restriction_changed(sender: type, instance: PageViewRestriction, **kwargs: Any) -> None:
    """A page made private or public again (or its password or groups changed): its cached
    public copies, and those of the pages below it, must go at once."""
    invalidate(instance)


def object_deleting(sender: type, instance: Any, **kwargs: Any) -> None:
    """An image, a document or a snippet about to be deleted: the pages using it are found
    now, while its many-to-many rows and references still exist. A Site or a Locale:
    everything."""
    if is_enabled() and (sender in (Site, Locale) or sender in _watched_models(deleted=True)):
        invalidate(instance, extra_tags=tags_for(instance))


def _watched_models(*, deleted: bool) -> set[type]:
    # Snippets register in wagtail_hooks, after this app's `ready`: looked up at call time.
    snippets = {model for model in get_snippet_models() if not issubclass(model, Page)}
    if not deleted:
        snippets = {model for model in snippets if not issubclass(model, DraftStateMixin)}
    return {*snippets, get_image_model(), get_document_model()}


def connect() -> None:
    """Connect the receivers (idempotent: dispatch uids)."""
    page_published.connect(page_changed, dispatch_uid=f"{UID}:page_published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{UID}:page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid=f"{UID}:page_deleted")
    pre_page_move.connect(page_moving, dispatch_uid=f"{UID}:pre_move")
    post_page_move.connect(page_moved, dispatch_uid=f"{UID}:post_move")
    published.connect(object_published, dispatch_uid=f"{UID}:published")
    unpublished.connect(object_published, dispatch_uid=f"{UID}:unpublished")
    post_save.connect(object_saved, dispatch_uid=f"{UID}:saved")
    pre_delete.connect(object_deleting, dispatch_uid=f"{UID}:deleting")
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{UID}:restriction_saved"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{UID}:restriction_gone"
    )
