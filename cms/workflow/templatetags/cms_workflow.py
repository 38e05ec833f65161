"""Template tags of the workflow plugin's admin templates."""

from typing import Any

from django import template

from cms.workflow import translation_review

register = template.Library()


@register.simple_tag
def translation_review_state(page: Any) -> translation_review.ReviewState | None:
    """`{% translation_review_state instance as review %}`: the latest review of a translation."""
    return translation_review.review_state(page)
