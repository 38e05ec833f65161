"""The services log: the records behind each figure, and active cooperation counted once."""

import datetime as dt

import pytest
from django.utils import timezone

from agency_services.models import ClusterApplication, EventSupport
from agency_services.services import consultations, services_log
from event_booking.models import EventKind
from tests import factories
from tests.agency_services.helpers import request_of, world

pytestmark = pytest.mark.django_db


def test_a_cluster_with_two_services_counts_once_with_both_reasons():
    w = world()
    today = timezone.localdate()
    year = today.year
    request = request_of(w.manager_a, w.cluster_a)
    consultations.decide(request_id=request.pk, user=w.consultant, accept=True, comment="")
    session = consultations.plan_session(
        request_id=request.pk, user=w.consultant, date=dt.date(year, 1, 15), days="1"
    )
    consultations.log_delivery(session_id=session.pk, user=w.consultant, days="1")
    ClusterApplication.objects.create(
        cluster=w.cluster_a, programme="GINOP Plusz", submitted_on=dt.date(year, 3, 1)
    )
    # Last year's application and a planned (not delivered) session do not count.
    ClusterApplication.objects.create(
        cluster=w.cluster_b, programme="TOP Plusz", submitted_on=dt.date(year - 1, 3, 1)
    )

    active = services_log.active_cooperation(year=year)
    assert [row.cluster for row in active] == [w.cluster_a]
    assert sorted(r.kind for r in active[0].reasons) == ["application", "consultancy"]
    assert len(services_log.distinct_clusters(services_log.consultancy(year=year))) == 1
    assert [r.cluster for r in services_log.applications(year=year - 1)] == [w.cluster_b]


def test_international_support_from_past_events_and_manual_entries(home):
    w = world()
    now = timezone.now()
    index = factories.event_index(home)
    held = factories.event(
        index, days_ahead=-1, kind=EventKind.INTERNATIONAL, title="Hannover Messe"
    )
    held.participating_clusters.set([w.cluster_a])
    held.save_revision().publish()
    future = factories.event(index, days_ahead=400, kind=EventKind.INTERNATIONAL)
    future.participating_clusters.set([w.cluster_b])
    future.save_revision().publish()
    EventSupport.objects.create(
        cluster=w.cluster_a, event_name="MWC Barcelona", date=timezone.localdate()
    )

    year = timezone.localtime(held.start).year
    support = services_log.international_support(year=year)
    assert {r.reason for r in support} >= {"Hannover Messe"}
    assert w.cluster_b not in services_log.distinct_clusters(support)
    if year == now.year:
        assert services_log.distinct_clusters(support) == [w.cluster_a]
        assert len(support) == 2
        active = services_log.active_cooperation(year=year)
        assert [row.cluster for row in active] == [w.cluster_a]


def test_a_training_booking_by_the_clusters_name_counts_and_a_cancelled_one_does_not():
    w = world()
    past = timezone.now() - dt.timedelta(days=1)
    run = factories.offering(kind="training-run", starts_at=past, title="Klasztermenedzsment")
    factories.booking(run, status="confirmed", organisation=" alföldi agrárklaszter ")
    factories.booking(run, status="cancelled", organisation="Debreceni IT Klaszter")
    records = services_log.training(year=timezone.localtime(past).year)
    assert [r.cluster for r in records] == [w.cluster_a]
