"""Template tags of the workflow plugin's admin templates."""

from typing import Any

from django import template
from wagtail.models import Locale, TranslatableMixin

from cms.workflow import report, status, translation_review

register = template.Library()


@register.simple_tag
def translation_review_state(page: Any) -> translation_review.ReviewState | None:
    """`{% translation_review_state instance as review %}`: the latest review of a translation."""
    return translation_review.review_state(page)


@register.simple_tag
def translation_states(obj: Any) -> list[status.TranslationState]:
    """`{% translation_states object as states %}`: for the editor's status side panel.

    On a source (an object in the default language): its translation's state in every other
    language. On a translation: its own state. Empty for an unsaved or untranslatable object.
    """
    if getattr(obj, "pk", None) is None or not isinstance(obj, TranslatableMixin):
        return []
    if obj.locale_id != Locale.get_default().pk:
        return [status.state_of(obj, obj.locale)]
    return [status.state_of(obj, locale) for locale in report.target_locales()]
