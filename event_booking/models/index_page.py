"""The index page of the events: its listing and its home-page teasers.

It lives apart from the event page because its queries (`event_booking.queries`) read that
model: pages <- queries <- index page, with no circle to dodge.
"""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.listing import Listing
from cms.models import HomeSection, ListingPage
from event_booking.queries import event_listing, upcoming_events


class EventIndexPage(ListingPage):
    """Lists events, upcoming or past, filterable by kind."""

    subpage_types = ["event_booking.EventPage"]
    home_section = HomeSection(
        name="events",
        heading=_("Upcoming events"),
        link_label=_("All events"),
        empty_message=_("No upcoming events at the moment."),
        teaser_template="event_booking/event_teaser.html",
        limit=3,
        position=10,
    )

    class Meta:
        verbose_name = _("event index page")

    def get_listing(self, params: QueryDict) -> Listing:
        return event_listing(self, params)

    def teasers(self, *, limit: int) -> list[Page]:
        """The next events, soonest first (`upcoming_events`)."""
        return upcoming_events(self, limit=limit)
