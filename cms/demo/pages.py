"""Create-if-missing helpers for demo pages and snippets, and their English translations.

The rule that makes `seed_demo` idempotent lives here: an object is looked up by a stable key
(a page by its Hungarian slug under its parent, a snippet by a natural key) and created only when
it is missing; an existing object is returned untouched (no new revision, no re-publication, no
moved dates). An English translation is created, through wagtail-localize, only when the object
has none yet.
"""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.db.models import Model
from wagtail.models import Locale, Page, TranslatableMixin

from cms.demo.bilingual import pick, translation_strings
from cms.translation import translate_instance

PageT = TypeVar("PageT", bound=Page)
SnippetT = TypeVar("SnippetT", bound=TranslatableMixin)


def hungarian() -> Locale:
    return Locale.objects.get(language_code="hu")


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def ensure_child_page(
    parent: Page,
    model: type[PageT],
    fields: Mapping[str, Any],
    *,
    before_save: Callable[[PageT], None] | None = None,
    after_add: Callable[[PageT], None] | None = None,
) -> tuple[PageT, bool]:
    """Return the Hungarian child of `parent` with the slug of `fields`; create and publish it if
    missing.

    Args:
        parent: the Hungarian parent page.
        model: the page class.
        fields: the page's field values; texts as `T(hu, en)`.
        before_save: adds child rows (e.g. training runs) before the first save.
        after_add: sets many-to-many relations (sectors, participating clusters) once the page
            has an id, before its first revision is saved and published.

    Returns:
        The page and whether it was created now.
    """
    values = pick(dict(fields), "hu")
    existing = parent.get_children().filter(slug=values["slug"]).first()
    if existing is not None:
        return existing.specific, False
    page = model(**values)
    if before_save:
        before_save(page)
    parent.add_child(instance=page)
    if after_add:
        after_add(page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


def ensure_snippet(
    model: type[SnippetT], lookup: Mapping[str, Any], fields: Mapping[str, Any]
) -> tuple[SnippetT, bool]:
    """Return the Hungarian snippet matching `lookup`, creating it from `fields` if missing."""
    locale = hungarian()
    existing = model.objects.filter(locale=locale, **lookup).order_by("pk").first()
    if existing is not None:
        return existing, False
    return model.objects.create(locale=locale, **pick(dict(fields), "hu")), True


def ensure_english(instance: Model, fields: Mapping[str, Any]) -> tuple[Model, bool]:
    """Return the English translation of `instance`, translating it now if there is none.

    The translation goes through wagtail-localize (`translate_instance`): a `TranslationSource`
    with one manual `StringTranslation` per segment, the English texts taken from the `en` side
    of `fields`. Pages are published (wagtail-localize does so on transaction commit);
    snippets are saved.

    Returns:
        The English object and whether it was created now.
    """
    existing = instance.get_translation_or_none(english())
    if existing is not None:
        return getattr(existing, "specific", existing), False
    shadow = type(instance)(**pick(dict(fields), "en"))
    strings = translation_strings(instance, shadow)
    return translate_instance(instance=instance, locale_code="en", strings=strings), True
