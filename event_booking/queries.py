"""Which events an index page lists (upcoming or past, by kind), and the filter form."""

import datetime as dt

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.listing import Listing, build_listing
from cms.localization import attach_localized
from cms.tree import children_q
from cms.visibility import public
from event_booking.models.pages import EventKind, EventPage

UPCOMING = "upcoming"
PAST = "past"


class EventFilterForm(forms.Form):
    """`?when=upcoming|past` (upcoming when absent) and `?kind=<EventKind value>`."""

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[(UPCOMING, _("Upcoming events")), (PAST, _("Past events"))],
    )
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        required=False,
        choices=[("", _("All kinds")), *EventKind.choices],
    )


def upcoming_event_pages(*, now: dt.datetime | None = None) -> QuerySet:
    """The one definition of an upcoming event page, for the listing, the home page and the
    calendar feed: live, public and not over yet (an event that has started but not ended is
    still upcoming), soonest first."""
    now = now or timezone.now()
    return public(EventPage.objects.live()).filter(end__gte=now).order_by("start", "id")


def filter_events(index: Page, *, when: str = UPCOMING, kind: str = "") -> QuerySet:
    """The live, public events under `index`.

    Upcoming means not over yet (an event that has started but not ended is still upcoming),
    soonest first; past means over, most recent first.
    """
    if when == PAST:
        events = public(EventPage.objects.live()).filter(end__lt=timezone.now()).order_by("-start")
    else:
        events = upcoming_event_pages()
    events = events.filter(children_q(index)).select_related("venue")
    if kind:
        events = events.filter(kind=kind)
    return events


def event_listing(index: Page, params: QueryDict) -> Listing:
    """The index page's listing for the query string `params`."""
    listing = build_listing(
        form=EventFilterForm(params),
        query=lambda **filters: filter_events(index, **{k: v for k, v in filters.items() if v}),
        params=params,
    )
    # Venues are synchronised: an English event points at the Hungarian venue row.
    attach_localized(listing.page_obj.object_list, "venue", index.locale)
    return listing


def upcoming_events(index: Page, *, limit: int) -> list[EventPage]:
    """Home-page teasers of `index`: its live, public events not over yet, soonest first."""
    events = list(upcoming_event_pages().filter(children_q(index)).select_related("venue")[:limit])
    attach_localized(events, "venue", index.locale)
    return events
