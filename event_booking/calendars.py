"""iCalendar files: one per event or training run, and a feed of upcoming events per language.

Every calendar entry's UID is built from the translation key that the Hungarian page (or run)
and its English translation share, so a calendar app that receives the same event again (from
the feed, from a download or from a booking e-mail, in either language) updates it instead of
adding a duplicate. Events keep their times (in Europe/Budapest, with a VTIMEZONE); training
runs have dates only and become all-day entries.

Which page speaks for an offering in a language: its translation in that language when that is
live, otherwise its source (Hungarian) page, so a booking made through an English page whose
translation was later withdrawn still gets a calendar entry and an e-mail with a title.

Public URLs (see cms/urls.py, inside the language prefix):
    /<lang>/events/feed.ics                 upcoming live public events of that language
    /<lang>/events/<page id>.ics            one event (the id of either language's page)
    /<lang>/trainings/runs/<run id>.ics     one training run (the id of either language's run)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.models import Locale, Page

from cms.models import Venue
from event_booking.models import EventPage, Offering, OfferingKind
from training_catalog.models import TrainingPage, TrainingRun

T = TypeVar("T")

#: How many upcoming events the feed lists at most (calendar apps poll it often).
FEED_LIMIT = 300


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
        """One line for the calendar's LOCATION: the venue and address, or "Online"."""
        if self.venue_name:
            return ", ".join(part for part in (self.venue_name, self.venue_address) if part)
        if self.online or self.online_link:
            return self.online_link or _("Online")
        return ""


def budapest() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def calendar_uid(translation_key: object) -> str:
    """The stable UID of an event or run: its translation key at the site's host name."""
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "cluster-cms"
    return f"{translation_key}@{host}"


def _absolute(url: str | None) -> str:
    if not url:
        return ""
    return url if "://" in url else f"{settings.PUBLIC_BASE_URL}{url}"


def _localized_venue(venue: Venue | None, locale: Locale | None) -> Venue | None:
    if venue is None or locale is None or venue.locale_id == locale.pk:
        return venue
    return venue.get_translation_or_none(locale) or venue


def event_entry(page: EventPage, *, venue: Venue | None = None) -> CalendarEntry:
    """The calendar entry of an event page, in the page's own language.

    Args:
        page: the event page (either locale).
        venue: the venue already localized to the page's language; looked up when omitted.
    """
    if venue is None:
        venue = _localized_venue(page.venue, page.locale)
    tz = budapest()
    with translation.override(page.locale.language_code):
        return CalendarEntry(
            uid=calendar_uid(page.translation_key),
            title=page.title,
            summary=page.summary,
            url=_absolute(page.get_url()),
            start=timezone.localtime(page.start, tz),
            end=timezone.localtime(page.end, tz),
            all_day=False,
            venue_name=venue.name if venue else "",
            venue_address=venue.full_address if venue else "",
            online_link=page.online_link,
            online=bool(page.online_link) and venue is None,
            last_modified=page.last_published_at,
        )


def run_entry(run: TrainingRun, page: TrainingPage | None = None) -> CalendarEntry:
    """The calendar entry of a training run (all-day, from its first to its last day)."""
    page = page or run.page
    venue = _localized_venue(run.venue, page.locale)
    with translation.override(page.locale.language_code):
        return CalendarEntry(
            uid=calendar_uid(run.translation_key),
            title=page.title,
            summary=page.summary,
            url=_absolute(page.get_url()),
            start=run.start_date,
            end=run.end_date,
            all_day=True,
            venue_name=venue.name if venue else "",
            venue_address=venue.full_address if venue else "",
            online=run.online or venue is None,
            last_modified=page.last_published_at,
        )


def _pick(
    candidates: Sequence[T],
    language: str,
    *,
    locale_of: Callable[[T], str],
    live_of: Callable[[T], bool],
) -> T | None:
    """The candidate in `language` if live, else the live source-language one, else any."""

    def rank(item: T) -> tuple[int, int]:
        code = locale_of(item)
        return (
            0 if live_of(item) else 1,
            0 if code == language else (1 if code == settings.LANGUAGE_CODE else 2),
        )

    return min(candidates, key=rank, default=None)


def localized_event(page: EventPage, language: str) -> EventPage:
    """The live translation of `page` in `language`, or `page` itself when there is none."""
    if page.locale.language_code == language:
        return page
    translated = (
        EventPage.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .select_related("locale", "venue")
        .first()
    )
    return translated or page


def localized_run(run: TrainingRun, language: str) -> TrainingRun:
    """The run of `language`'s live training page (same translation key), else `run` itself."""
    if run.locale.language_code == language:
        return run
    translated = (
        TrainingRun.objects.filter(
            translation_key=run.translation_key,
            locale__language_code=language,
            page__live=True,
        )
        .select_related("page", "page__locale", "locale", "venue")
        .first()
    )
    return translated or run


def offering_entry(offering: Offering, language: str) -> CalendarEntry:
    """What a booking's e-mail and calendar file show of `offering`, in `language`.

    The page (or run) in `language` when it is live, else the source-language one, else any
    translation; when the page is gone altogether, the facts the offering itself mirrors.
    """
    if offering.kind == OfferingKind.TRAINING_RUN:
        runs = list(
            TrainingRun.objects.filter(translation_key=offering.translation_key).select_related(
                "page", "page__locale", "locale", "venue"
            )
        )
        run = _pick(
            runs,
            language,
            locale_of=lambda r: r.page.locale.language_code,
            live_of=lambda r: r.page.live,
        )
        if run is not None:
            return run_entry(run)
    else:
        pages = list(
            EventPage.objects.filter(translation_key=offering.translation_key).select_related(
                "locale", "venue"
            )
        )
        page = _pick(
            pages,
            language,
            locale_of=lambda p: p.locale.language_code,
            live_of=lambda p: p.live,
        )
        if page is not None:
            return event_entry(page)
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


def build_calendar(entries: Iterable[CalendarEntry], *, name: str = "") -> bytes:
    """Serialise `entries` as an iCalendar (RFC 5545) file; undated entries are left out."""
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
        if entry.location:
            event.add("location", entry.location)
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


def offering_ics(offering: Offering, language: str) -> bytes | None:
    """The `.ics` of a booked offering in `language` (None when the offering has no date)."""
    entry = offering_entry(offering, language)
    if entry.start is None:
        return None
    return build_calendar([entry])


def offering_calendar_url(offering: Offering, language: str) -> str | None:
    """The public download address of `offering`'s `.ics` in `language` (None if no page)."""
    if offering.kind == OfferingKind.TRAINING_RUN:
        model, url_name, argument = TrainingRun, "training_run_calendar", "run_id"
    else:
        model, url_name, argument = EventPage, "event_calendar", "page_id"
    # Any translation's id serves: the view answers in the language of the address.
    object_id = (
        model.objects.filter(translation_key=offering.translation_key)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )
    if object_id is None:
        return None
    with translation.override(language):
        return reverse(url_name, kwargs={argument: object_id})


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
        EventPage.objects.live()
        .public()
        .filter(locale=locale, end__gte=now)
        .select_related("locale", "venue")
        .order_by("start", "id")[:FEED_LIMIT]
    )
    venue_keys = {page.venue.translation_key for page in pages if page.venue}
    localized = {
        venue.translation_key: venue
        for venue in Venue.objects.filter(translation_key__in=venue_keys, locale=locale)
    }
    return [
        event_entry(
            page,
            venue=localized.get(page.venue.translation_key, page.venue) if page.venue else None,
        )
        for page in pages
    ]


def events_feed(language: str) -> bytes:
    """The iCalendar feed of upcoming events in `language` (see `upcoming_events`)."""
    with translation.override(language):
        name = _("Events – %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
    return build_calendar(upcoming_events(language), name=name)


def public_event(page_id: int) -> EventPage | None:
    """The live, publicly visible event page with this id, or None."""
    return (
        EventPage.objects.live()
        .public()
        .select_related("locale", "venue")
        .filter(pk=page_id)
        .first()
    )


def public_run(run_id: int) -> TrainingRun | None:
    """The training run with this id if its training page is live and public, or None."""
    run = (
        TrainingRun.objects.select_related("page", "page__locale", "locale", "venue")
        .filter(pk=run_id)
        .first()
    )
    if run is None or not Page.objects.live().public().filter(pk=run.page_id).exists():
        return None
    return run
