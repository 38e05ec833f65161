"""Which events an index page lists (upcoming or past, by kind), and the filter form."""

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.listing import Listing, build_listing
from cms.localization import attach_localized
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


def filter_events(index: Page, *, when: str = UPCOMING, kind: str = "") -> QuerySet:
    """The live, public events under `index`.

    Upcoming means not over yet (an event that has started but not ended is still upcoming),
    soonest first; past means over, most recent first.
    """
    now = timezone.now()
    events = EventPage.objects.child_of(index).live().public().select_related("venue")
    if when == PAST:
        events = events.filter(end__lt=now).order_by("-start")
    else:
        events = events.filter(end__gte=now).order_by("start")
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
    events = list(
        EventPage.objects.child_of(index)
        .live()
        .public()
        .filter(end__gte=timezone.now())
        .select_related("venue")
        .order_by("start")[:limit]
    )
    attach_localized(events, "venue", index.locale)
    return events
