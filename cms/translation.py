"""Translating pages and snippets through wagtail-localize, the way the translation editor does.

`translate_instance` is used by `seed_demo` and by the tests. It goes through wagtail-localize's
own models (a `TranslationSource`, a `Translation` and one `StringTranslation` per segment), so
the result is indistinguishable from a translator's work: the translation stays linked to its
source, shows its progress in the editor and can be synced later.

Not to be confused with wagtail-localize's `operations.translate_object(instance, locales)`,
which only sets up translations (copies of the source text) for a translator to fill in; this
function also supplies the translated strings and publishes (or drafts) the result.
"""

from collections.abc import Mapping

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Model
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    MissingTranslationError,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate_instance(
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
        publish: publish the translated page or snippet with drafts (a snippet without drafts
            is always saved). With False, a live translation gets a new draft revision and its
            live content stays untouched until the revision is published (or approved); a new
            translation is created as a draft (not live).
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
        existing = _live_translation(source, locale)
        if not publish and existing is not None:
            # wagtail-localize's own draft path, `Translation.save_target(publish=False)`, writes
            # the new text into the live page row before saving a revision, so readers would see
            # an unapproved draft.
            # Build the translated page in memory and store it as a revision only.
            draft = source.get_ephemeral_translated_instance(locale, fallback=False)
            draft.save_revision(user=user, log_action=True)
            return getattr(draft, "specific", draft)
        translated, _created = source.create_or_update_translation(
            locale, user=user, publish=publish, fallback=False
        )
    return getattr(translated, "specific", translated)


def _live_translation(source: TranslationSource, locale: Locale) -> DraftStateMixin | None:
    """The existing, live translation (page or snippet with drafts) of `source` in `locale`."""
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    return target if isinstance(target, DraftStateMixin) and target.live else None
