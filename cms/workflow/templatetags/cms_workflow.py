"""Template tags of the workflow plugin's admin templates."""

from typing import Any

from django import template
from django.urls import reverse
from wagtail.models import Locale, TranslatableMixin

from cms.workflow import conf, report, status, translation_review

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


@register.simple_tag
def preview_link_page_url(page: Any) -> str:
    """The admin URL of `page`'s preview link (`views.preview_link`), or "" when its language
    has no front end preview URL. The caller checks that the user may edit the page."""
    language = getattr(getattr(page, "locale", None), "language_code", None)
    if language not in conf.preview_urls():
        return ""
    return reverse("cms_workflow_previews:link", args=[page.pk])
