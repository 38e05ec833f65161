"""iCalendar files: one per offering (an event, a training run) and a feed of upcoming events.

Entries come from the bookable pages themselves (`BookablePage.calendar_entry`, see
`event_booking.calendar_entries`); their UIDs are built from translation keys, so calendar
apps update entries instead of duplicating them. Events keep their times (in Europe/Budapest,
with a VTIMEZONE); training runs have dates only and become all-day entries.

Which page speaks for an offering in a language is `services.pages.offering_page`: a live,
public translation, in that language when there is one, else the source (Hungarian) page. A
page behind a password or login is never named in a calendar file.

Public URLs (see cms/urls.py, inside the language prefix):
    /<lang>/events/feed.ics                 upcoming live public events of that language
    /<lang>/events/<page id>.ics            one event (the id of either language's page)
    /<lang>/trainings/runs/<run id>.ics     one training run (the id of either language's run)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Locale, Page

from cms.localization import attach_localized
from event_booking.bookable import bookable_models
from event_booking.calendar_entries import CalendarEntry, budapest, calendar_uid
from event_booking.models import EventPage, Offering
from event_booking.queries import upcoming_event_pages
from event_booking.services.pages import offering_page, public_translation

#: How many upcoming events the feed lists at most (calendar apps poll it often).
FEED_LIMIT = 300

#: The URL name and argument of the `.ics` download of each kind of offering.
_CALENDAR_ROUTES = {False: ("event_calendar", "page_id"), True: ("training_run_calendar", "run_id")}


def offering_entry(offering: Offering, language: str) -> CalendarEntry:
    """What a booking's e-mail and calendar file show of `offering`, in `language`.

    Through its live, public page in `language`, else the source-language one (see
    `services.pages`); when no page qualifies, the facts the offering itself mirrors.
    """
    page = offering_page(offering, language)
    entry = page.calendar_entry(offering.translation_key) if page is not None else None
    if entry is not None:
        return entry
    tz = budapest()
    return CalendarEntry(
        uid=calendar_uid(offering.translation_key),
        title=offering.title,
        summary="",
        url="",
        start=timezone.localtime(offering.starts_at, tz) if offering.starts_at else None,
        end=timezone.localtime(offering.ends_at, tz) if offering.ends_at else None,
        all_day=False,
    )


def build_calendar(
    entries: Iterable[CalendarEntry], *, name: str = "", join_link: str = ""
) -> bytes:
    """Serialise `entries` as an iCalendar (RFC 5545) file; undated entries are left out.

    `join_link` (a confirmed booking's, see `services.joining`) becomes the LOCATION of an
    online entry; public calendars pass none, so they say only "Online"."""
    calendar = Calendar()
    calendar.add("prodid", "-//Cluster CMS//event_booking//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    now = timezone.now()
    dates: list[dt.date] = []
    for entry in entries:
        if entry.start is None:
            continue
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", now)
        event.add("summary", entry.title)
        if entry.all_day:
            event.add("dtstart", entry.start)
            # DTEND of an all-day entry is exclusive: the day after the last day.
            event.add("dtend", (entry.end or entry.start) + dt.timedelta(days=1))
        else:
            event.add("dtstart", entry.start)
            if entry.end is not None:
                event.add("dtend", entry.end)
        description = "\n\n".join(part for part in (entry.summary, entry.url) if part)
        if description:
            event.add("description", description)
        location = join_link if join_link and not entry.venue_name else entry.location
        if location:
            event.add("location", location)
        if entry.url:
            event.add("url", entry.url)
        if entry.last_modified:
            event.add("last-modified", entry.last_modified)
        calendar.add_component(event)
        start_date = entry.start if entry.all_day else entry.start.date()
        end = entry.end or entry.start
        dates += [start_date, end if entry.all_day else end.date()]
    if dates:
        # Only the transitions around our dates: the full VTIMEZONE is several kilobytes.
        calendar.add_missing_timezones(
            first_date=min(dates) - dt.timedelta(days=366),
            last_date=max(dates) + dt.timedelta(days=366),
        )
    return calendar.to_ical()


def entry_ics(entry: CalendarEntry, *, join_link: str = "") -> bytes | None:
    """The `.ics` of a booked offering's entry (`offering_entry`; None when it has no date),
    with `join_link` as the place of an online event (see `build_calendar`)."""
    if entry.start is None:
        return None
    return build_calendar([entry], join_link=join_link)


def calendar_url(page: Any, offering_key: object, language: str) -> str | None:
    """The `.ics` download address, in `language`, of the offering `offering_key` of `page`
    (the page's own id for an event, the run's id of the page's language for a run)."""
    if page.offers_choice:
        option_ids = [
            o.option_id for o in page.bookable_options() if o.translation_key == offering_key
        ]
        if not option_ids:
            return None
        object_id = option_ids[0]
    else:
        object_id = page.pk
    url_name, argument = _CALENDAR_ROUTES[page.offers_choice]
    try:
        with translation.override(language):
            return reverse(url_name, kwargs={argument: object_id})
    except NoReverseMatch:  # the calendar routes are optional
        return None


def offering_calendar_url(offering: Offering, language: str) -> str | None:
    """The public download address of `offering`'s `.ics` in `language` (None if no live
    public page). The source-language page's id serves: the view answers in the language of
    the address."""
    page = public_translation(offering.page_translation_key, settings.LANGUAGE_CODE)
    if page is None:
        return None
    return calendar_url(page, offering.translation_key, language)


def upcoming_events(language: str, *, now: dt.datetime | None = None) -> list[CalendarEntry]:
    """Live, public events of `language`'s locale that have not ended, soonest first.

    A fixed number of queries whatever the number of events: venues are localized in one
    batch (they are synchronised: an English event points at the Hungarian venue row).
    """
    now = now or timezone.now()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    pages = list(
        upcoming_event_pages(now=now)
        .filter(locale=locale)
        .select_related("locale", "venue")[:FEED_LIMIT]
    )
    attach_localized(pages, "venue", locale)
    return [page.event_entry(venue=page.venue_localized) for page in pages]


def events_feed(language: str) -> bytes:
    """The iCalendar feed of upcoming events in `language` (see `upcoming_events`)."""
    with translation.override(language):
        name = _("Events – %(site)s") % {"site": settings.ORGANISATION_NAME}
    return build_calendar(upcoming_events(language), name=name)


def event_ics(page_id: int, language: str) -> tuple[bytes, str] | None:
    """The `.ics` (and a file name) of the event with this id (either language's page), in
    `language` when that translation is live and public; None unless the event is."""
    page = EventPage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    page = public_translation(page.translation_key, language) or page
    return build_calendar([page.event_entry()]), f"event-{page.translation_key}.ics"


def option_ics(option_id: int, language: str) -> tuple[bytes, str] | None:
    """The `.ics` (and a file name) of one option of a bookable page (a training run, by the
    id of either language's row), in `language` when that translation is live and public;
    None unless the option's page is live and public."""
    for model in bookable_models():
        if not model.offers_choice:
            continue
        found = model.page_for_option(option_id)
        if found is None:
            continue
        page, key = found
        if not Page.objects.live().public().filter(pk=page.pk).exists():
            return None
        page = public_translation(page.translation_key, language)
        entry = page.calendar_entry(key) if page is not None else None
        if entry is None:
            return None
        return build_calendar([entry]), f"training-{key}.ics"
    return None
