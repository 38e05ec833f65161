"""Calendar entries: what a reader sees of one offering in a calendar, in one language.

Kept apart from `calendars` (which builds `.ics` files and finds pages) so that bookable page
types can describe their entries (`BookablePage.calendar_entry`) without importing the engine's
models. An entry's UID is built from the translation key that the Hungarian and English rows
share, so a calendar app that receives the same event again (from the feed, a download or a
booking e-mail, in either language) updates it instead of adding a duplicate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.localization import localized_all
from cms.models import Venue


@dataclass(frozen=True)
class CalendarEntry:
    """What a reader sees of one event or training run, in one language.

    `start`/`end` are aware datetimes in Europe/Budapest for events, and dates for training
    runs (`all_day`), where `end` is the last day (inclusive).
    """

    uid: str
    title: str
    summary: str
    url: str
    start: dt.datetime | dt.date | None
    end: dt.datetime | dt.date | None
    all_day: bool
    venue_name: str = ""
    venue_address: str = ""
    online_link: str = ""
    online: bool = False
    last_modified: dt.datetime | None = None

    @property
    def location(self) -> str:
        """One line for the calendar's LOCATION: the venue and address, or "Online" (never
        the join link: public calendars carry this; see `services.joining`)."""
        if self.venue_name:
            return ", ".join(part for part in (self.venue_name, self.venue_address) if part)
        if self.online or self.online_link:
            return str(_("Online"))
        return ""


def budapest() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def calendar_uid(translation_key: object) -> str:
    """The stable UID of an event or run: its translation key at the site's host name."""
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "cluster-cms"
    return f"{translation_key}@{host}"


def absolute(url: str | None) -> str:
    """`url` with the public base URL in front when it is site-relative."""
    if not url:
        return ""
    return url if "://" in url else f"{settings.PUBLIC_BASE_URL}{url}"


def localized_venue(venue: Venue | None, locale: Locale | None) -> Venue | None:
    """`venue` in `locale`'s language when translated (venues are synchronised rows).

    None when readers may not see it (a venue never published: `localized_all`).
    """
    if venue is None or locale is None:
        return venue
    return localized_all([venue], locale)[0]


def page_entry(
    page: Any,
    *,
    translation_key: object,
    start: dt.datetime | dt.date | None,
    end: dt.datetime | dt.date | None,
    all_day: bool,
    venue: Venue | None,
    online_link: str = "",
    online: bool = False,
) -> CalendarEntry:
    """The entry of something a page sells, in the page's language (title, summary and
    address from the page; times in Europe/Budapest; `venue` already localized)."""
    if not all_day:
        tz = budapest()
        start = timezone.localtime(start, tz) if start else None
        end = timezone.localtime(end, tz) if end else None
    with translation.override(page.locale.language_code):
        return CalendarEntry(
            uid=calendar_uid(translation_key),
            title=page.title,
            summary=getattr(page, "summary", ""),
            url=absolute(page.get_url()),
            start=start,
            end=end,
            all_day=all_day,
            venue_name=venue.name if venue else "",
            venue_address=venue.full_address if venue else "",
            online_link=online_link,
            online=online,
            last_modified=page.last_published_at,
        )
