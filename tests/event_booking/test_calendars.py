"""Calendar files and the per-language feed of upcoming events."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from cms.translation import translate_instance
from event_booking import calendars
from tests import factories

BUDAPEST = ZoneInfo("Europe/Budapest")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def summaries(calendar):
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


@pytest.fixture
def site(home, en_home, django_capture_on_commit_callbacks):
    """An event index in both languages and a helper that adds a translated event."""
    index = factories.event_index(home)
    with django_capture_on_commit_callbacks(execute=True):
        factories.translate(index, {"Rendezvények": "Events", "rendezvenyek": "events"})

    def translated_event(hu_title, en_title, **fields):
        page = factories.event(index, title=hu_title, slug=hu_title.lower(), **fields)
        with django_capture_on_commit_callbacks(execute=True):
            english = factories.translate(
                page, {hu_title: en_title, hu_title.lower(): en_title.lower()}
            )
        return page, english

    return index, translated_event


def test_the_feed_lists_only_live_upcoming_public_events_of_its_language(
    site, client, django_capture_on_commit_callbacks
):
    index, translated_event = site
    later, later_en = translated_event("Kesobb", "Later", days_ahead=20)
    sooner, sooner_en = translated_event("Hamarosan", "Soon", days_ahead=3)
    translated_event("Mult", "Past", days_ahead=-3)
    draft = factories.event(index, title="Piszkozat", slug="piszkozat", days_ahead=5)
    draft.unpublish()
    private = factories.event(index, title="Zartkoru", slug="zartkoru", days_ahead=5)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    only_hu = factories.event(index, title="Csak magyar", slug="csak-magyar", days_ahead=7)
    # An English translation saved but not published (a draft) stays out of the English feed.
    with django_capture_on_commit_callbacks(execute=True):
        factories.translate(
            only_hu, {"Csak magyar": "Hungarian only", "csak-magyar": "hu-only"}, publish=False
        )

    hungarian = parse(client.get("/hu/events/feed.ics"))
    english = parse(client.get("/en/events/feed.ics"))

    assert summaries(hungarian) == ["Hamarosan", "Csak magyar", "Kesobb"]
    assert summaries(english) == ["Soon", "Later"]
    # Both languages name the same event with the same UID: calendar apps update, not duplicate.
    hu_uids = {str(e["SUMMARY"]): str(e["UID"]) for e in hungarian.walk("VEVENT")}
    en_uids = {str(e["SUMMARY"]): str(e["UID"]) for e in english.walk("VEVENT")}
    assert hu_uids["Hamarosan"] == en_uids["Soon"] == calendars.calendar_uid(sooner.translation_key)
    assert len(set(hu_uids.values())) == 3
    first = english.walk("VEVENT")[0]
    assert first.decoded("DTSTART") == sooner.start
    assert first["DTSTART"].params["TZID"] == "Europe/Budapest"
    assert str(first["URL"]).endswith("/en/events/soon/")
    assert english.walk("VTIMEZONE")  # the zone is described for apps that need it
    assert str(english["X-WR-CALNAME"]).startswith("Events")


def test_the_feed_is_stable_when_fetched_again(site, client):
    _index, translated_event = site
    translated_event("Alpha", "Alpha-en", days_ahead=2)

    first = parse(client.get("/en/events/feed.ics")).walk("VEVENT")[0]
    second = parse(client.get("/en/events/feed.ics")).walk("VEVENT")[0]

    assert first["UID"] == second["UID"]
    assert first.decoded("DTSTART") == second.decoded("DTSTART")


def test_the_feed_shows_the_venue_in_the_feeds_language(
    site, client, django_capture_on_commit_callbacks
):
    _index, translated_event = site
    venue = factories.venue()
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(
            instance=venue,
            locale_code="en",
            strings={"Debreceni Egyetem Főépület": "University of Debrecen", "Magyarország": "HU"},
        )
    translated_event("Talalkozo", "Meeting", venue=venue)

    (hu_event,) = parse(client.get("/hu/events/feed.ics")).walk("VEVENT")
    (en_event,) = parse(client.get("/en/events/feed.ics")).walk("VEVENT")

    assert str(hu_event["LOCATION"]) == "Debreceni Egyetem Főépület, 4032 Debrecen, Egyetem tér 1."
    assert str(en_event["LOCATION"]) == "University of Debrecen, 4032 Debrecen, Egyetem tér 1."


def test_an_event_calendar_file_downloads_in_the_urls_language(site, client):
    index, translated_event = site
    start = dt.datetime(2031, 3, 10, 9, 30, tzinfo=BUDAPEST)
    page, english = translated_event(
        "Szeminarium", "Seminar", start=start, end=start + dt.timedelta(hours=3)
    )

    for url, title in [
        (f"/en/events/{page.pk}.ics", "Seminar"),  # the Hungarian id, read in English
        (f"/en/events/{english.pk}.ics", "Seminar"),
        (f"/hu/events/{english.pk}.ics", "Szeminarium"),
    ]:
        response = client.get(url)
        (event,) = parse(response).walk("VEVENT")
        assert str(event["SUMMARY"]) == title
        assert event.decoded("DTSTART") == start
        assert "attachment" in response["Content-Disposition"]


def test_unpublished_or_unknown_events_have_no_calendar_file(site, client):
    index, _translated_event = site
    draft = factories.event(index, title="Vazlat", slug="vazlat")
    draft.unpublish()

    assert client.get(f"/hu/events/{draft.pk}.ics").status_code == 404
    assert client.get("/hu/events/999999.ics").status_code == 404
    assert client.get(f"/hu/events/{index.pk}.ics").status_code == 404  # not an event


def test_a_training_run_calendar_file_is_an_all_day_entry(home, client):
    training = factories.training(factories.training_index(home), title="Stratégia", runs=2)
    first, second = training.runs.order_by("start_date")

    (event,) = parse(client.get(f"/hu/trainings/runs/{second.pk}.ics")).walk("VEVENT")

    assert str(event["SUMMARY"]) == "Stratégia"
    assert event.decoded("DTSTART") == second.start_date
    assert event.decoded("DTEND") == second.end_date + dt.timedelta(days=1)
    assert str(event["UID"]) == calendars.calendar_uid(second.translation_key)
    assert str(event["UID"]) != calendars.calendar_uid(first.translation_key)

    training.unpublish()
    assert client.get(f"/hu/trainings/runs/{second.pk}.ics").status_code == 404


def test_an_offerings_calendar_url_is_the_download_of_that_offering(site, client, home):
    _index, translated_event = site
    page, _english = translated_event("Nyitott", "Open")
    training = factories.training(factories.training_index(home))
    run = training.runs.get()

    event_url = calendars.offering_calendar_url(factories.offering(page), "en")
    run_url = calendars.offering_calendar_url(factories.offering(run), "hu")

    assert event_url == f"/en/events/{page.pk}.ics"
    assert summaries(parse(client.get(event_url))) == ["Open"]
    assert run_url == f"/hu/trainings/runs/{run.pk}.ics"
    assert summaries(parse(client.get(run_url))) == [training.title]
    assert calendars.offering_calendar_url(factories.offering(), "hu") is None


def test_an_event_that_is_running_now_is_still_upcoming(site, client, monkeypatch):
    _index, translated_event = site
    page, _english = translated_event("Folyamatban", "Ongoing", days_ahead=1)
    later = timezone.now() + dt.timedelta(days=1, hours=3)  # started, ends in three hours
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert summaries(parse(client.get("/en/events/feed.ics"))) == ["Ongoing"]
