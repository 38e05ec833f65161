"""Which page speaks for an offering in a language: the one rule every caller asks.

The manage page, the booking API, the e-mails, the calendar files and the organisers' "move"
all show an offering through a page (its title, address, venue, dates). That page must be one
a reader may see: **live and public** (no password, login or group restriction on it or an
ancestor). Among those, the translation in the wanted language comes first, then the source
language's (Hungarian) page, then any other. So a booking made through an English page whose
translation was withdrawn, or put behind a password, is shown through the Hungarian page, and
a private page's title and address never reach a calendar file or an e-mail. When no page
qualifies the caller falls back to the facts the offering itself mirrors.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page

from event_booking.models import Offering


def pick_language(pages: list[Page], language: str) -> Page | None:
    """The page of `language`, else of the source language, else the first (pages carry
    `locale` selected)."""

    def rank(page: Page) -> int:
        code = page.locale.language_code
        return 0 if code == language else (1 if code == settings.LANGUAGE_CODE else 2)

    return min(pages, key=rank, default=None)


def public_translation(translation_key: object, language: str) -> Page | None:
    """The live, public translation (specific) of the page with `translation_key`: the one in
    `language`, else the source language's, else any; None when none is live and public."""
    if translation_key is None:
        return None
    pages = list(
        Page.objects.live()
        .public()
        .filter(translation_key=translation_key)
        .select_related("locale")
        .order_by("pk")
    )
    page = pick_language(pages, language)
    return page.specific if page is not None else None


def offering_page(offering: Offering, language: str) -> Page | None:
    """The live, public page of `offering` in `language` (see the module docstring), as its
    specific page type, or None when no translation of its page is live and public."""
    return public_translation(offering.page_translation_key, language)
