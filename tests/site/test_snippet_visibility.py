"""Readers see only live snippets: a draft venue, sector or topic never leaks.

Sectors, venues and topics have drafts (cms.workflow.snippets). The site, the API, the calendar
files and the booking e-mails show a snippet's live row, which holds its last approved text;
a snippet that was never published (or was unpublished) is left out: the page shows no venue
(as for an event without one), no such sector or topic, and an English page whose venue has no
live English translation shows the live Hungarian venue.
"""

import pytest
from django.test import Client
from icalendar import Calendar

from event_booking.emails import build_message
from event_booking.models import BookingStatus, EmailOutbox
from tests import factories
from tests.api.helpers import get_json

SECRET = "Titkos terem"


@pytest.fixture
def venue(db):
    return factories.venue()


@pytest.fixture
def events(home):
    return factories.event_index(home)


def page_text(client: Client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def readers_see(client: Client, event) -> str:
    """Everything a reader gets about `event`: page, API, calendar file and feed, e-mail."""
    language = event.locale.language_code
    api = get_json(client, f"/api/v2/pages/{event.pk}/")
    feed = client.get(f"/{language}/events/feed.ics").content.decode()
    ics = Calendar.from_ical(client.get(f"/{language}/events/{event.pk}.ics").content)
    (entry,) = ics.walk("VEVENT")
    booking = factories.booking(
        factories.offering(event), language=language, status=BookingStatus.CONFIRMED
    )
    message = build_message(EmailOutbox.objects.create(booking=booking, kind="confirmation"))
    return "\n".join(
        [
            page_text(client, event),
            str(api["venue"]),
            feed,
            str(entry.get("LOCATION", "")),
            message.body,
            message.alternatives[0][0],
        ]
    )


def test_a_draft_of_a_live_venue_never_reaches_readers(client, events, venue):
    event = factories.event(events, venue=venue)
    venue.name = SECRET
    venue.save_revision()  # the editor's "Save draft" (and a submission) store a revision only

    seen = readers_see(client, event)

    assert SECRET not in seen
    assert "Debreceni Egyetem Főépület" in seen


def test_a_never_published_venue_is_left_out(client, events):
    venue = factories.venue(name=SECRET, live=False)
    event = factories.event(events, venue=venue)

    seen = readers_see(client, event)

    assert SECRET not in seen
    assert get_json(client, f"/api/v2/pages/{event.pk}/")["venue"] is None


def test_an_unreviewed_english_venue_translation_never_reaches_english_readers(
    client, events, venue, en_home
):
    factories.english_index(events)
    event = factories.to_english(factories.event(events, venue=venue))
    english_venue = factories.to_english(venue, {"Debreceni Egyetem Főépület": "Main Building"})
    # The translator's next version, saved as a draft the way wagtail-localize saves one.
    factories.to_english(venue, {"Debreceni Egyetem Főépület": SECRET}, publish=False)
    english_venue.refresh_from_db()
    assert english_venue.live

    seen = readers_see(client, event)

    assert SECRET not in seen
    assert "Main Building" in seen


def test_a_never_published_english_venue_falls_back_to_the_live_hungarian_one(
    client, events, venue, en_home
):
    factories.english_index(events)
    event = factories.to_english(factories.event(events, venue=venue))
    factories.to_english(venue, {"Debreceni Egyetem Főépület": SECRET}, publish=False)

    seen = readers_see(client, event)

    assert SECRET not in seen
    assert "Debreceni Egyetem Főépület" in seen


def test_a_never_published_sector_or_topic_is_not_shown(client, home):
    sector = factories.sector("digital")
    factories.sector("tourism").unpublish()
    hidden = factories.sector("tourism")
    clusters = factories.cluster_index(home)
    cluster = factories.cluster(clusters, sectors=[sector, hidden])
    trainings = factories.training_index(home)
    factories.training(trainings, topic=factories.topic())
    factories.topic(slug="secret", name=SECRET).unpublish()

    cluster_page = page_text(client, cluster)
    listing = page_text(client, clusters)
    api = get_json(client, f"/api/v2/pages/{cluster.pk}/")
    training_listing = page_text(client, trainings)

    assert "Digitális ágazat" in cluster_page and "Digitális ágazat" in listing
    for text in (cluster_page, listing, str(api["sectors"])):
        assert "Turizmus" not in text
    assert [s["slug"] for s in api["sectors"]] == ["digital"]
    assert SECRET not in training_listing
