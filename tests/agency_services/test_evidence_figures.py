"""The evidence dashboard's figures on known data, with their edge cases: a cluster with two
services counts once in active cooperation, a cancelled booking is no participant, a page with
an outdated translation is not covered, only what has happened counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from wagtail.models import Site

from agency_services.models import ClusterApplication, EventSupport, EvidenceSettings
from agency_services.services import consultations, evidence
from event_booking.models import EventKind, Offering
from event_booking.services import meeting_outcomes
from tests import factories
from tests.agency_services.helpers import request_of, world
from tests.event_booking.speed_schedule_helpers import scheduled_world
from tests.workflow.test_translation_status import mark_behind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def by_key(year: int) -> dict[str, evidence.Figure]:
    return {f.key: f for f in evidence.figures(year=year)}


def past_event(index, kind: str, clusters=(), **fields):
    """A live event of `kind` that started two hours ago, with its participating clusters."""
    start = timezone.now().replace(microsecond=0) - dt.timedelta(hours=2)
    page = factories.event(
        index, kind=kind, start=start, end=start + dt.timedelta(hours=1), **fields
    )
    if clusters:
        page.participating_clusters.set(clusters)
        page.save_revision().publish()
    return page


@pytest.fixture
def year_of_work(home):
    """Two clusters (a: consultancy, an application and a seminar day; b: an international
    event and a manual support entry), a draft cluster, and events of this year."""
    w = world()
    past = timezone.localtime(timezone.now() - dt.timedelta(hours=2))
    year = past.year
    request = request_of(w.manager_a, w.cluster_a)
    consultations.decide(request_id=request.pk, user=w.consultant, accept=True, comment="")
    session = consultations.plan_session(
        request_id=request.pk, user=w.consultant, date=past.date(), days="2"
    )
    consultations.log_delivery(session_id=session.pk, user=w.consultant, days="2")
    ClusterApplication.objects.create(
        cluster=w.cluster_a, programme="GINOP Plusz", submitted_on=past.date()
    )
    ClusterApplication.objects.create(
        cluster=w.cluster_b, programme="TOP Plusz", submitted_on=dt.date(year - 1, 6, 1)
    )
    EventSupport.objects.create(cluster=w.cluster_b, event_name="MWC", date=past.date())
    index = factories.event_index(home)
    seminar = past_event(index, EventKind.CLUSTER_SEMINAR_DAY, [w.cluster_a], title="Klaszternap")
    offering = factories.offering(seminar)
    factories.booking(offering, status="confirmed", seats=2, organisation="Alföldi")
    factories.booking(offering, status="confirmed", seats=1)
    factories.booking(offering, status="cancelled", seats=3)
    factories.booking(offering, status="waitlisted", seats=1)
    past_event(index, EventKind.BUSINESS_BROKERAGE, title="Üzletember-találkozó")
    past_event(index, EventKind.INTERNATIONAL, [w.cluster_b], title="Hannover Messe")
    factories.event(index, days_ahead=400, kind=EventKind.SEMINAR)  # not happened yet
    draft = factories.cluster(w.cluster_a.get_parent(), title="Vázlat Klaszter")
    draft.unpublish()
    settings = EvidenceSettings.for_site(Site.objects.get(is_default_site=True))
    settings.region_clusters = 4
    settings.save()
    w.year = year
    w.seminar_offering = offering
    return w


def test_the_programmes_figures_in_the_programmes_order(year_of_work):
    w = year_of_work
    figures = by_key(w.year)

    programme = [f.key for f in evidence.figures(year=w.year) if f.programme]
    assert programme == [
        "active_cooperation",
        "international_support",
        "national_events",
        "consultancy",
        "applications",
        "website_clusters",
        "website_share",
        "seminar_day_participants",
    ]
    # a: consultancy, an application and the seminar day; b: international support.
    assert figures["active_cooperation"].value == 2
    assert [r.label for r in figures["active_cooperation"].rows] == [
        w.cluster_a.title,
        w.cluster_b.title,
    ]
    # b twice (the event page and the manual entry), counted once.
    assert figures["international_support"].value == 1
    assert len(figures["international_support"].rows) == 2
    # The seminar day and the brokerage day; not the international event, not next year's.
    assert figures["national_events"].value == 2
    assert figures["consultancy"].value == 1
    assert figures["applications"].value == 1
    # The draft cluster is not on the website; 2 of the region's 4.
    assert figures["website_clusters"].value == 2
    assert figures["website_share"].value == Decimal("50.0")
    assert figures["website_share"].display == "50 %"
    # 2 + 1 confirmed seats; the cancelled booking and the waiting list are no participants.
    assert figures["seminar_day_participants"].value == 3
    assert figures["participants_cluster_seminar_day"].value == 3
    assert figures["participants_international"].value == 0


def test_a_cluster_with_two_services_counts_once_with_both_reasons(year_of_work):
    row = by_key(year_of_work.year)["active_cooperation"].rows[0]
    assert row.detail.count(";") == 2  # consultancy, application, event participation
    assert row.url == f"/admin/pages/{year_of_work.cluster_a.pk}/edit/"


def test_last_year_has_only_last_years_records(year_of_work):
    figures = by_key(year_of_work.year - 1)
    assert figures["applications"].value == 1
    assert figures["active_cooperation"].value == 1
    assert figures["national_events"].value == 0
    assert figures["seminar_day_participants"].value == 0


def test_every_record_links_to_its_admin_screen(year_of_work):
    figures = by_key(year_of_work.year)
    support = {r.url.split("/")[2] for r in figures["international_support"].rows}
    assert support == {"pages", "event_support"}
    assert figures["applications"].rows[0].url.startswith("/admin/cluster_applications/edit/")
    seminar_rows = figures["seminar_day_participants"].rows
    assert [r.url for r in seminar_rows] == [
        f"/admin/bookings/offerings/{year_of_work.seminar_offering.pk}/"
    ] * 2


def test_consultation_days_against_the_budget(year_of_work):
    days = by_key(year_of_work.year)["consultation_days"]
    assert days.value == Decimal("2")
    assert {p.label: p.value for p in days.parts} == {
        "Budget": Decimal("40"),
        "Delivered": Decimal("2"),
        "Planned": Decimal("0"),
        "Left": Decimal("38"),
    }


def test_live_profiles_per_language_count_live_pages_only(year_of_work, en_home, to_english):
    to_english(year_of_work.cluster_a.get_parent())
    to_english(year_of_work.cluster_a)
    figures = by_key(year_of_work.year)
    assert figures["live_profiles_hu"].value == 2
    assert figures["live_profiles_en"].value == 1


def test_trainings_seats_revenue_and_fill_rate(db):
    past = timezone.now().replace(microsecond=0) - dt.timedelta(hours=3)
    year = timezone.localtime(past).year
    run = factories.offering(
        kind="training-run", starts_at=past, capacity=10, fee=Decimal("100"), currency="EUR"
    )
    factories.booking(run, status="confirmed", seats=2)
    factories.booking(run, status="confirmed", seats=1)
    factories.booking(run, status="cancelled", seats=4)
    later = factories.offering(kind="training-run", starts_at=past + dt.timedelta(days=400))
    factories.booking(later, status="confirmed", seats=5)

    figures = by_key(year)

    assert figures["trainings_run"].value == 1
    assert figures["training_seats"].value == 3
    assert figures["training_revenue_eur"].value == Decimal("300")
    assert figures["fill_rate"].value == Decimal("30.0")
    assert [p.value for p in figures["fill_rate"].parts] == [Decimal("30.0")]


def test_an_outdated_translation_is_not_covered(home, en_home, to_english):
    index = factories.cluster_index(home)
    to_english(index)
    current = factories.cluster(index)
    to_english(current)
    outdated = factories.cluster(index)
    to_english(outdated)
    year = timezone.localdate().year
    before = by_key(year)["translation_coverage_en"]

    mark_behind(outdated)

    after = by_key(year)["translation_coverage_en"]
    assert after.value < before.value
    assert "1 outdated" in str(after.note)
    section = next(r for r in after.rows if r.label == index.title)
    assert section.detail == "2 / 3"


def test_speed_dating_meetings_no_shows_and_outcomes(
    home, django_capture_on_commit_callbacks, monkeypatch
):
    w = scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch)
    end = timezone.now() - dt.timedelta(days=1)
    Offering.objects.filter(pk=w.offering.pk).update(
        starts_at=end - dt.timedelta(hours=2), ends_at=end
    )
    company = w.companies[0]
    first, second = w.meetings_of(company)
    meeting_outcomes.set_no_show(meeting_id=second.pk, side="researcher", no_show=True)
    meeting_outcomes.record_feedback(
        participant_id=company.pk, meeting_id=first.pk, rating=5, outcome="joint-project-idea"
    )

    figures = by_key(timezone.localtime(end).year)

    assert figures["speed_dating_held"].value == 3
    assert figures["speed_dating_no_shows"].value == 1
    outcomes = {p.label: p.value for p in figures["speed_dating_outcomes"].parts}
    assert outcomes["Joint project idea"] == 1
    assert figures["speed_dating_outcomes"].value == 1
