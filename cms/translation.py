"""Translating pages and snippets through wagtail-localize, the way the translation editor does.

`translate_object` is used by `seed_demo` and by the tests. It goes through wagtail-localize's
own models (a `TranslationSource`, a `Translation` and one `StringTranslation` per segment), so
the result is indistinguishable from a translator's work: the translation stays linked to its
source, shows its progress in the editor and can be synced later.
"""

from collections.abc import Mapping

from django.db import transaction
from django.db.models import Model
from wagtail.models import Locale
from wagtail_localize.models import (
    MissingTranslationError,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate_object(
    *,
    instance: Model,
    locale_code: str,
    strings: Mapping[str, str],
    publish: bool = True,
    user: Model | None = None,
) -> Model:
    """Create or update the translation of a page or snippet into `locale_code`.

    Args:
        instance: the source object (a page or a translatable snippet).
        locale_code: the target language, e.g. "en".
        strings: the translation of each source string, keyed by the source string as
            wagtail-localize extracts it (plain text, or HTML with links as `<a id="a1">`).
        publish: publish the translated page (pages only; snippets are always saved).
        user: who translated, for the page's history.

    Returns:
        The translated object (for a page, its specific instance).

    Raises:
        MissingTranslationError: a source string has no entry in `strings`. Nothing is saved,
            so a half-translated page never appears.
    """
    locale = Locale.objects.get(language_code=locale_code)
    with transaction.atomic():
        source, created = TranslationSource.get_or_create_from_instance(instance)
        if not created:
            source.update_from_db()
        Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            text = segment.string.data
            if text not in strings:
                raise MissingTranslationError(segment, locale)
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[text],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
        translated, _created = source.create_or_update_translation(
            locale, user=user, publish=publish, fallback=False
        )
    return getattr(translated, "specific", translated)
