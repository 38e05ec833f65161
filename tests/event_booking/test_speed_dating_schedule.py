"""Speed dating (issue 11, item 4, Django side): weights from requests, the scheduler run
stored as meetings, locked meetings kept, the deadline job run twice stores one schedule."""

import datetime as dt

import pytest
from django.urls import reverse
from django_q.models import Schedule

from event_booking import jobs
from event_booking.models import (
    EmailKind,
    EmailOutbox,
    Meeting,
    MeetingStatus,
    Objective,
    RequestStatus,
)
from event_booking.scheduler.weights import Tier, pair_weight, rank_score
from event_booking.services import bookings as booking_services
from event_booking.services import matchmaking, speed_dating_schedule
from event_booking.services.errors import ScheduleLocked
from tests import factories
from tests.event_booking import organiser_helpers
from tests.event_booking.job_helpers import freeze_clock
from tests.event_booking.speed_dating_helpers import publish_list, speed_event


def key(company, researcher):
    return (str(company.pk), str(researcher.pk))


def weights(offering, page):
    return matchmaking.request_weights(
        offering_id=offering.pk, max_requests=page.speed_max_requests
    )


def test_weights_mutual_above_accepted_above_shared_interest_earlier_ranks_first(home):
    page, offering = speed_event(home)
    battery = factories.field_of_interest("akku", "Akkumulátor")
    solar = factories.field_of_interest("nap", "Napenergia")
    company = factories.participant(page, "company", interests=(battery,))
    mutual, accepted, pending, declined, strangers, late = [
        factories.participant(page, "researcher", interests=(battery,)) for _ in range(5)
    ] + [factories.participant(page, "researcher", interests=(solar,))]
    publish_list(offering)
    matchmaking.send_requests(participant_id=mutual.pk, recipient_ids=[company.pk])
    sent = matchmaking.send_requests(
        participant_id=company.pk,
        recipient_ids=[mutual.pk, accepted.pk, declined.pk],
    )
    matchmaking.answer_request(participant_id=accepted.pk, request_id=sent[1].pk, accept=True)
    matchmaking.answer_request(participant_id=declined.pk, request_id=sent[2].pk, accept=False)
    matchmaking.send_requests(participant_id=pending.pk, recipient_ids=[company.pk])
    matchmaking.send_requests(participant_id=late.pk, recipient_ids=[company.pk])

    found = weights(offering, page)

    top = page.speed_max_requests
    assert found[key(company, mutual)] == pair_weight(Tier.MUTUAL, top, top)
    assert found[key(company, accepted)] == pair_weight(
        Tier.ACCEPTED, rank_score(2, max_requests=top)
    )
    assert found[key(company, pending)] == pair_weight(Tier.SHARED_INTEREST, top)
    assert found[key(company, strangers)] == pair_weight(Tier.SHARED_INTEREST)
    assert key(company, declined) not in found
    assert key(company, late) not in found  # pending, and nothing in common
    assert (
        found[key(company, mutual)]
        > found[key(company, accepted)]
        > found[key(company, pending)]
        > found[key(company, strangers)]
    )


def test_earlier_ranks_weigh_more_within_a_tier(home):
    page, offering = speed_event(home)
    company = factories.participant(page, "company", auto_accept=True)
    first, second = (factories.participant(page, "researcher", auto_accept=True) for _ in range(2))
    publish_list(offering)

    matchmaking.send_requests(participant_id=company.pk, recipient_ids=[first.pk, second.pk])

    found = weights(offering, page)
    assert found[key(company, first)] > found[key(company, second)]


def test_the_scheduler_run_stores_meetings_and_keeps_locked_ones(home):
    page, offering = speed_event(home, speed_rounds=2, speed_tables=2)
    companies = [factories.participant(page, "company") for _ in range(2)]
    researchers = [factories.participant(page, "researcher") for _ in range(2)]
    publish_list(offering)

    report = speed_dating_schedule.run_scheduler(offering_id=offering.pk)

    meetings = list(Meeting.objects.filter(status=MeetingStatus.SCHEDULED))
    assert len(meetings) == len(report.meetings) == 4  # everyone meets everyone (shared interest)
    lock = meetings[0]
    lock.locked = True
    lock.save()

    speed_dating_schedule.run_scheduler(offering_id=offering.pk)

    lock.refresh_from_db()
    assert lock.status == MeetingStatus.SCHEDULED
    scheduled = Meeting.objects.filter(status=MeetingStatus.SCHEDULED)
    assert scheduled.count() == 4
    assert scheduled.filter(pk=lock.pk, round=lock.round, table=lock.table).exists()
    assert {m.company_id for m in scheduled} == {c.pk for c in companies}
    assert {m.researcher_id for m in scheduled} == {r.pk for r in researchers}


@pytest.mark.parametrize(
    ("objective", "quiet_meets"), [(Objective.MOST_WANTED, False), (Objective.AT_LEAST_N, True)]
)
def test_the_objective_everyone_gets_at_least_n_reaches_the_quiet_ones(
    home, objective, quiet_meets
):
    """Two meetings in all (2 rounds, 1 table). Both companies want the star: the most wanted
    meetings are both with her; "at least N" (N empty: the largest floor possible, 1) gives
    the researcher nobody asked for a meeting too."""
    page, offering = speed_event(home, speed_rounds=2, speed_tables=1, speed_objective=objective)
    battery = factories.field_of_interest("akku", "Akkumulátor")
    solar = factories.field_of_interest("nap", "Napenergia")
    star = factories.participant(page, "researcher", interests=(battery,), auto_accept=True)
    quiet = factories.participant(page, "researcher", interests=(solar,))
    first = factories.participant(page, "company", interests=(battery, solar))
    second = factories.participant(page, "company", interests=(battery,))
    publish_list(offering)
    for company in (first, second):
        matchmaking.send_requests(participant_id=company.pk, recipient_ids=[star.pk])

    speed_dating_schedule.run_scheduler(offering_id=offering.pk)

    scheduled = Meeting.objects.filter(status=MeetingStatus.SCHEDULED)
    assert scheduled.count() == 2
    assert scheduled.filter(researcher=quiet).exists() is quiet_meets


def test_cancelled_participants_are_not_scheduled(home):
    page, offering = speed_event(home)
    company = factories.participant(page, "company")
    gone = factories.participant(page, "researcher")
    stays = factories.participant(page, "researcher")
    booking_services.cancel_booking(booking_id=gone.booking_id, notify=False)

    speed_dating_schedule.run_scheduler(offering_id=offering.pk)

    assert not Meeting.objects.filter(researcher=gone).exists()
    assert Meeting.objects.filter(researcher=stays, company=company).exists()


def test_a_published_schedule_is_not_rerun(home):
    page, offering = speed_event(home)
    factories.participant(page, "company")
    factories.participant(page, "researcher")
    speed_dating_schedule.run_scheduler(offering_id=offering.pk)
    event = offering.speed_dating
    event.schedule_published_at = event.scheduled_at
    event.save()
    before = list(Meeting.objects.values_list("pk", flat=True))

    with pytest.raises(ScheduleLocked):
        speed_dating_schedule.run_scheduler(offering_id=offering.pk)

    assert list(Meeting.objects.values_list("pk", flat=True)) == before


def test_the_deadline_job_run_twice_stores_one_schedule(home, monkeypatch):
    page, offering = speed_event(home)
    company = factories.participant(page, "company")
    researcher = factories.participant(page, "researcher")
    publish_list(offering)
    matchmaking.send_requests(participant_id=company.pk, recipient_ids=[researcher.pk])
    clock = freeze_clock(monkeypatch)

    clock.now = page.speed_request_deadline - dt.timedelta(minutes=1)
    assert jobs.speed_dating_deadline(offering.pk) == "not due"
    clock.now = page.speed_request_deadline + dt.timedelta(minutes=1)
    assert jobs.speed_dating_deadline(offering.pk) == "scheduled"
    first = list(Meeting.objects.values_list("pk", "round", "table"))
    assert jobs.speed_dating_deadline(offering.pk) == "done already"

    assert (
        list(Meeting.objects.values_list("pk", "round", "table")) == first == [(first[0][0], 1, 1)]
    )
    assert company.requests_sent.get().status == RequestStatus.EXPIRED


def test_publishing_the_event_plans_the_deadline_jobs(home):
    page, offering = speed_event(home)

    deadline = Schedule.objects.get(name=f"event_booking.speed_dating_deadline.{offering.pk}")
    reminder = Schedule.objects.get(name=f"event_booking.speed_dating_reminders.{offering.pk}")
    assert deadline.next_run == page.speed_request_deadline
    assert reminder.next_run == page.speed_request_deadline - dt.timedelta(days=2)

    page.speed_request_deadline -= dt.timedelta(days=1)
    page.save_revision().publish()

    deadline.refresh_from_db()
    assert deadline.next_run == page.speed_request_deadline
    assert Schedule.objects.filter(name__startswith="event_booking.speed_dating").count() == 2


# --- the organiser's buttons -----------------------------------------------------------------


def test_organiser_publishes_the_list_and_runs_the_scheduler_from_the_admin(client, home):
    page, offering = speed_event(home)
    factories.participant(page, "company")
    factories.participant(page, "researcher")
    client.force_login(organiser_helpers.organiser())
    screen = reverse("event_booking_admin:offering_bookings", args=[offering.pk])

    before = client.get(screen)
    published = client.post(
        reverse("event_booking_admin:speed_dating_publish_list", args=[offering.pk])
    )
    ran = client.post(reverse("event_booking_admin:speed_dating_run", args=[offering.pk]))
    after = client.get(screen)

    assert "Publish the participant list" in before.content.decode()
    assert published.status_code == ran.status_code == 302
    offering.speed_dating.refresh_from_db()
    assert offering.speed_dating.participants_published_at is not None
    assert Meeting.objects.filter(status=MeetingStatus.SCHEDULED).count() == 1
    assert "Publish the participant list" not in after.content.decode()


def test_only_organisers_who_may_change_bookings_run_the_scheduler(client, home):
    page, offering = speed_event(home)
    factories.participant(page, "company")
    factories.participant(page, "researcher")
    client.force_login(
        organiser_helpers.user_with(
            "viewer", [("wagtailadmin", "access_admin"), ("event_booking", "view_booking")]
        )
    )

    client.post(reverse("event_booking_admin:speed_dating_run", args=[offering.pk]))
    client.post(reverse("event_booking_admin:speed_dating_publish_list", args=[offering.pk]))

    assert not Meeting.objects.exists()
    assert not offering.__class__.objects.filter(
        pk=offering.pk, speed_dating__participants_published_at__isnull=False
    ).exists()


def test_the_sweep_backs_up_lost_one_off_jobs_and_repeats_nothing(
    home, monkeypatch, django_capture_on_commit_callbacks
):
    page, offering = speed_event(home)
    company = factories.participant(page, "company")
    factories.participant(page, "researcher")
    publish_list(offering)
    clock = freeze_clock(monkeypatch)

    clock.now = page.speed_request_deadline - dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.speed_dating_sweep()
        jobs.speed_dating_sweep()
    clock.now = page.speed_request_deadline + dt.timedelta(minutes=20)
    jobs.speed_dating_sweep()
    jobs.speed_dating_sweep()

    reminders = EmailOutbox.objects.filter(kind=EmailKind.SPEED_REQUEST_REMINDER)
    assert reminders.count() == 2  # one per participant, although the sweep ran twice
    assert Meeting.objects.filter(company=company).count() == 1
    offering.speed_dating.refresh_from_db()
    assert offering.speed_dating.deadline_run_for == page.speed_request_deadline
