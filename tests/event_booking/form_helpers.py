"""Helpers of the booking-form and manage-page tests."""

from typing import Any

from django.utils import translation

from tests import factories


def hu(msgid: str) -> str:
    """`msgid` as a Hungarian page shows it (whatever the .po files say today)."""
    with translation.override("hu"):
        return translation.gettext(msgid)


def english_event(event: Any, title: str = "Business meeting") -> Any:
    """Translate `event` (and, first, its index page) to English through wagtail-localize."""
    factories.english_index(event.get_parent().specific)
    return factories.to_english(event, {event.title: title, event.slug: "business-meeting"})
