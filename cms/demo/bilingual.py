"""Demo content written once in both languages, and the strings wagtail-localize needs from it.

The demo data modules write every translatable text as `T(hu, en)`. `pick` resolves such a
structure to one language, so the same declaration gives the Hungarian source page and an unsaved
English "shadow" of it. `translation_strings` then pairs the source's translatable segments with
the shadow's, using wagtail-localize's own segment extraction, so the mapping handed to
`cms.translation.translate_instance` is keyed exactly as wagtail-localize stores the source strings
(HTML-escaped plain text, one string per rich-text block element, links as `<a id="a1">`).
"""

import re
from typing import Any, Literal, NamedTuple

from django.db.models import Model
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

Language = Literal["hu", "en"]

# Stream block ids differ between the source and its shadow; only the shape must match.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class T(NamedTuple):
    """A text in Hungarian (the source language) and its English translation."""

    hu: str
    en: str


def pick(value: Any, language: Language) -> Any:
    """Resolve every `T` inside `value` (nested dicts, lists and tuples) to `language`."""
    if isinstance(value, T):
        return getattr(value, language)
    if isinstance(value, dict):
        return {key: pick(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [pick(item, language) for item in value]
    if isinstance(value, tuple):
        return tuple(pick(item, language) for item in value)
    return value


def _string_segments(instance: Model) -> list[StringSegmentValue]:
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def translation_strings(source: Model, shadow: Model) -> dict[str, str]:
    """Map each translatable source string of `source` to the same segment of `shadow`.

    Args:
        source: the saved Hungarian page or snippet.
        shadow: an unsaved instance of the same model holding the English texts in the same
            structure (same fields filled, same stream blocks, same rich-text elements).

    Returns:
        The `strings` argument of `cms.translation.translate_instance`.

    Raises:
        ValueError: the two do not have the same shape, or one Hungarian text would need two
            different English translations (wagtail-localize translates a string once per
            context, and the demo data must not rely on context). This is a mistake in the demo
            data, reported with the offending path rather than as a half-translated page.
    """
    source_segments = _string_segments(source)
    shadow_segments = _string_segments(shadow)
    if len(source_segments) != len(shadow_segments):
        raise ValueError(
            f"{source!r}: {len(source_segments)} source strings but "
            f"{len(shadow_segments)} translated strings"
        )
    strings: dict[str, str] = {}
    for original, translated in zip(source_segments, shadow_segments, strict=True):
        if _UUID.sub("*", original.path) != _UUID.sub("*", translated.path):
            raise ValueError(f"{source!r}: {original.path} does not match {translated.path}")
        key, value = original.string.data, translated.string.data
        if strings.get(key, value) != value:
            raise ValueError(f"{source!r}: {key!r} has two translations")
        strings[key] = value
    return strings
