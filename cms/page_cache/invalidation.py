"""`invalidate(instance)`: the one function through which every change reaches the page cache
(`invalidate_all` for several instances at once, in one bump).

Every route to "live" ends in it: Wagtail's publish (the editor, bulk actions, workflow
approval, the scheduled publication job `cms.workflow.jobs.publish_scheduled`, revert),
wagtail-localize's publishes, the workflow plugin's routes (they publish through Wagtail's
revisions, which send `page_published`), unpublishing, moves and deletions (`receivers.py`
connects the signals); snippets, images and documents; and the booking engine for seats and
registration (`event_booking/receivers.py`). The tags are worked out and bumped when the caller's
transaction commits: bumped earlier, a reader could store the old content again before the
commit (`store.py` covers the reader that started before it), and the change's own request
runs no extra query before its commit.

What a change makes stale (tags: see `declare.py`):

- a page: its subtree (its own content, and below it breadcrumbs and URLs), the page itself of
  each ancestor (an index page lists it, the home page shows it as a teaser), the page of each
  translation (language switcher, hreflang) and of each page that links to it or to a
  translation (Wagtail's reference index, and many-to-many fields between pages), the whole
  language tree when it is the home page or one of its children (the menu), and the API's
  page listings. A move makes stale both the old and the new place;
- a snippet (sector, venue, topic, ...): the pages that use it or one of its translations
  (reference index, and many-to-many fields such as a cluster's sectors) with their ancestors
  (teaser cards), every index page (filters list the snippets) and the API's page listings;
- an image or a document: the pages that use it with their ancestors, and the API listings of
  pages and of images (documents);
- a view restriction (a page made private, or public again, or its password changed): as a
  change of its page (its subtree, the listings and switchers that show it);
- a Site (host name, root page) or a Locale (a language added or removed): everything.

The home pages, the pages just below them (the menu), view restrictions, Sites and Locales bump
`SHARED_TAG`: web processes keep them across requests (`cms.shared_lookups`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import models, transaction
from wagtail.models import (
    Locale,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
    TranslatableMixin,
    get_page_models,
)

from cms.models import ListingPage
from cms.page_cache.declare import API_DOCUMENTS, API_IMAGES, API_PAGES, SHARED_TAG
from cms.page_cache.store import bump, is_enabled

logger = logging.getLogger(__name__)


def invalidate(instance: models.Model, *, extra_tags: Iterable[str] = ()) -> None:
    """Make stale every cached response that shows `instance` (see the module docstring),
    when the current transaction commits (at once outside one).

    `extra_tags`: more tags to bump with it (a moved page's old place, worked out before the
    move). Does nothing when the page cache is off (`PAGE_CACHE["ENABLED"]`).
    """
    if is_enabled():
        transaction.on_commit(lambda: _bump_logged([instance], set(extra_tags)))


def invalidate_all(instances: Iterable[models.Model]) -> None:
    """`invalidate` for several instances, in one bump of all their tags (a tag several of
    them share, such as the API listings, is written once)."""
    instances = list(instances)
    if instances and is_enabled():
        transaction.on_commit(lambda: _bump_logged(instances, set()))


def _bump_logged(instances: list[models.Model], tags: set[str]) -> None:
    try:
        for instance in instances:
            tags |= tags_for(instance)
        bump(tags)
    except Exception:  # the change is committed; a cache that is down must not undo it
        logger.exception("Page cache invalidation failed for %r", instances)


def tags_for(instance: models.Model) -> set[str]:
    """The tags a change of `instance` makes stale."""
    if isinstance(instance, Page):
        return page_change_tags(instance)
    if isinstance(instance, (Site, Locale)):  # host names, root pages, languages: everything
        return everything_tags()
    if isinstance(instance, PageViewRestriction):
        # Read now: a restriction deleted with its page finds no page (the page's own
        # deletion makes its responses stale).
        page = Page.objects.filter(pk=instance.page_id).first()
        return {SHARED_TAG, *(page_change_tags(page) if page is not None else ())}
    if instance._meta.app_label in {"wagtailimages", "wagtaildocs"}:
        listing = API_IMAGES if instance._meta.app_label == "wagtailimages" else API_DOCUMENTS
        return {API_PAGES, listing, *_used_by_tags([instance])}
    # A snippet: English pages point at Hungarian rows and show them translated, so a row's
    # change reaches the pages of its language that use any row of its translation key, and
    # a source-language row's change every language (its text stands in for a missing one).
    rows, locale_id = [instance], None
    if isinstance(instance, TranslatableMixin):
        others = type(instance).objects.filter(translation_key=instance.translation_key)
        rows = [instance, *others.exclude(pk=instance.pk)]
        if instance.locale.language_code != settings.LANGUAGE_CODE:
            locale_id = instance.locale_id
    index_pages = Page.objects.type(ListingPage)
    if locale_id is not None:
        index_pages = index_pages.filter(locale_id=locale_id)
    return {
        API_PAGES,
        *_used_by_tags(rows, locale_id=locale_id),
        *(f"page:{path}" for path in index_pages.values_list("path", flat=True)),
    }


def everything_tags() -> set[str]:
    """Tags that every cached response shows one of (a Site change, a deployment)."""
    root = Page.get_first_root_node()
    return {f"tree:{root.path}", API_PAGES, API_IMAGES, API_DOCUMENTS, SHARED_TAG}


def page_change_tags(page: Page) -> set[str]:
    """The tags a change of `page` (at its current tree path) makes stale."""
    step = Page.steplen
    path = page.path
    tags = {API_PAGES, f"tree:{path}"}
    tags.update(f"page:{path[:end]}" for end in range(step, len(path), step))
    if page.depth <= 3:  # the home page or a page of its menu: every page of the language
        tags.update({f"tree:{path[: 2 * step]}", SHARED_TAG})
    translations = list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .values_list("pk", "path")
    )
    tags.update(f"page:{other_path}" for _pk, other_path in translations)
    ids = [page.pk, *(pk for pk, _path in translations)]
    referrers = Page.objects.filter(pk__in=_referring_page_ids(ids, Page))
    tags.update(f"page:{other_path}" for other_path in referrers.values_list("path", flat=True))
    # Many-to-many links between pages (an event's participating clusters), which the
    # reference index does not follow.
    tags.update(f"page:{other_path}" for other_path in _m2m_user_paths(ids, page.specific_class))
    return tags


def _used_by_tags(rows: list[models.Model], *, locale_id: int | None = None) -> set[str]:
    """`page:` tags of the pages (of `locale_id`, if given) that use one of `rows`, and of
    those pages' ancestors."""
    if not rows:
        return set()
    model = type(rows[0])
    ids = [row.pk for row in rows]
    pages = Page.objects.filter(pk__in=_referring_page_ids(ids, model))
    in_locale = {} if locale_id is None else {"locale_id": locale_id}
    paths = set(pages.filter(**in_locale).values_list("path", flat=True))
    paths.update(_m2m_user_paths(ids, model, locale_id=locale_id))
    step = Page.steplen
    return {f"page:{path[:end]}" for path in paths for end in range(step, len(path) + 1, step)}


def _m2m_user_paths(
    ids: list[object], model: type[models.Model] | None, *, locale_id: int | None = None
) -> set[str]:
    """Tree paths of the pages (of `locale_id`, if given) whose many-to-many fields hold one
    of the `model` rows `ids`."""
    paths: set[str] = set()
    if model is None:
        return paths
    in_locale = {} if locale_id is None else {"locale_id": locale_id}
    for page_model in get_page_models():
        for field in page_model._meta.many_to_many:
            if issubclass(model, field.related_model):
                users = page_model.objects.filter(**{f"{field.name}__in": ids}, **in_locale)
                paths.update(users.values_list("path", flat=True))
    return paths


def _referring_page_ids(ids: list[object], model: type[models.Model]) -> list[int]:
    """Ids of the pages that refer to the `model` rows `ids` (Wagtail's reference index:
    foreign keys, child rows, StreamField and rich text; not many-to-many fields)."""
    page_ids = ReferenceIndex.objects.filter(
        base_content_type=ReferenceIndex._get_base_content_type(Page),
        to_content_type=ReferenceIndex._get_base_content_type(model),
        to_object_id__in=[str(pk) for pk in ids],
    ).values_list("object_id", flat=True)
    return [int(pk) for pk in page_ids]
