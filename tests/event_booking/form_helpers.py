"""Helpers of the booking-form and manage-page tests."""

from typing import Any

from django.utils import translation

from tests import factories


def hu(msgid: str) -> str:
    """`msgid` as a Hungarian page shows it (whatever the .po files say today)."""
    with translation.override("hu"):
        return translation.gettext(msgid)


def english_event(event: Any, capture: Any, title: str = "Business meeting") -> Any:
    """Translate `event` (and, first, its index page) to English through wagtail-localize.

    Two separate commits: the index must be published before its child is translated
    under it, or the stale index row hides the child from the English tree.
    """
    index = event.get_parent().specific
    with capture(execute=True):
        factories.translate(index, {index.title: "Events", index.slug: "events"})
    with capture(execute=True):
        english = factories.translate(event, {event.title: title, event.slug: "business-meeting"})
    english.refresh_from_db()
    return english
