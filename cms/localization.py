"""Showing translatable objects in the reader's language, in batches.

Synchronised relations (a page's sectors, venue, topic, participating clusters) point at the
*source* rows, usually Hungarian, even on an English page. Wagtail's `.localized` fixes that one
object at a time (a query each); `localized_all` does it for a whole list in one query, with the
same rule: the active locale's version when there is one (and, for pages, when it is live),
otherwise the object itself.
"""

import unicodedata
from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models
from django.db.models import Q
from django.utils import translation
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin

from cms.request_memo import memoised
from cms.shared_lookups import shared

T = TypeVar("T", bound=TranslatableMixin)


def localized_all(objects: Iterable[T], locale: Locale | None = None) -> list[T | None]:
    """Return `objects` in `locale` (default: the active one), keeping their order.

    Each object is replaced by its translation in `locale` when that exists (and is live, for
    pages and other draftable models); otherwise it is kept as it is, like Wagtail's
    `.localized`. A snippet with drafts that is not live (never published, or unpublished) and
    has no live translation in `locale` becomes None: its row holds a draft, which readers never
    see. Pages come back as their specific class. One query whatever the length.
    """
    objects = list(objects)
    if not objects:
        return []
    locale = locale or active_locale()
    missing = [obj for obj in objects if obj.locale_id != locale.pk or not is_shown(obj)]
    if not missing:
        return objects
    base = type(missing[0]).get_translation_model()
    kinds = {type(obj) for obj in missing}
    if issubclass(base, Page) and len(kinds) == 1:
        # A page's translations are pages of its type: read as that type, in one query.
        base = kinds.pop()
    keys = frozenset(obj.translation_key for obj in missing)
    by_key = memoised(
        ("localized_all", base, keys, locale.pk), lambda: _translations(base, keys, locale)
    )
    return [
        obj
        if obj.locale_id == locale.pk and is_shown(obj)
        else by_key.get(obj.translation_key, obj if is_shown(obj) else None)
        for obj in objects
    ]


def _translations(base: type, keys: frozenset, locale: Locale) -> dict[Any, Any]:
    """Translation key -> the row (live, for a model with drafts) of `base` in `locale`."""
    translations = base._default_manager.filter(translation_key__in=keys, locale=locale)
    if issubclass(base, DraftStateMixin):
        translations = translations.filter(live=True)
    if base is Page:
        translations = translations.specific()
    return {obj.translation_key: obj for obj in translations}


def related_in_locale(obj: models.Model, field: str, locale: Locale | None = None) -> Any:
    """`obj.<field>` (a translatable foreign key) in `locale` (default: the active one), as
    `localized_all` shows it, in one query: the row and its translation are read together.

    None when there is no related row or readers may not see it.
    """
    related_id = getattr(obj, f"{field}_id")
    if related_id is None:
        return None
    locale = locale or active_locale()
    model = obj._meta.get_field(field).related_model
    key = model._default_manager.filter(pk=related_id).values("translation_key")
    rows = list(
        model._default_manager.filter(Q(pk=related_id) | Q(translation_key__in=key, locale=locale))
    )
    original = next((row for row in rows if row.pk == related_id), None)
    if original is None:
        return None
    translation_row = next(
        (
            row
            for row in rows
            if row.locale_id == locale.pk
            and row.translation_key == original.translation_key
            and (not isinstance(row, DraftStateMixin) or row.live)
        ),
        None,
    )
    if translation_row is not None:
        return translation_row
    return original if is_shown(original) else None


def active_locale() -> Locale:
    """`Locale.get_active()`, looked up once per request (`cms.request_memo`)."""
    return memoised(("active_locale", translation.get_language()), Locale.get_active)


def locale_id_of(language_code: str) -> int | None:
    """The id of the `Locale` of `language_code` (None when there is none), kept across
    requests (`cms.shared_lookups`; a Locale's change bumps their version)."""
    return shared(
        ("locale_id", language_code),
        lambda: (
            Locale.objects.filter(language_code=language_code).values_list("id", flat=True).first()
        ),
    )


def is_shown(obj: object) -> bool:
    """Whether readers may see `obj`'s row: not a snippet with drafts that is not live.

    (Pages are filtered by the querysets that load them: `live()`, `public()`.)
    """
    return isinstance(obj, Page) or not isinstance(obj, DraftStateMixin) or obj.live


def shown_rows(model: type[models.Model]) -> models.QuerySet:
    """The rows of a snippet model that readers may see: the live ones, for one with drafts."""
    if issubclass(model, DraftStateMixin):
        return model._default_manager.filter(live=True)
    return model._default_manager.all()


def shown_only(objects: Iterable[T | None]) -> list[T]:
    """`localized_all`'s results without the objects readers may not see (the Nones)."""
    return [obj for obj in objects if obj is not None]


def one_per_translation(objects: Iterable[T], locale: Locale | None = None) -> list[T]:
    """Return one object per translation key, in `locale` where possible, sorted by name.

    Used for filter choices (sectors, topics): a snippet that nobody translated yet still shows
    up, in its source language, instead of silently disappearing from the English filter.
    """
    locale = locale or active_locale()
    chosen: dict[object, T] = {}
    for obj in objects:
        current = chosen.get(obj.translation_key)
        if current is None or (obj.locale_id == locale.pk and current.locale_id != locale.pk):
            chosen[obj.translation_key] = obj
    return sorted(chosen.values(), key=lambda obj: sort_key(str(obj)))


def sort_key(text: str) -> str:
    """A case- and accent-insensitive sort key, so "Építőipar" sorts among the E's."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def attach_localized(items: Iterable[Any], field: str, locale: Locale | None = None) -> None:
    """Set `item.<field>_localized` to `item.<field>` in `locale`, for all items in one query.

    For synchronised foreign keys (a training's topic, an event's venue), which point at the
    source-language row on every translation. Items without a related object get None.
    """
    items = list(items)
    related = {}
    for item in items:
        value = getattr(item, field)
        if value is not None:
            related[value.pk] = value
    translated = dict(zip(related, localized_all(related.values(), locale), strict=True))
    for item in items:
        setattr(item, f"{field}_localized", translated.get(getattr(item, f"{field}_id")))
