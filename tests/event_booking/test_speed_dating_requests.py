"""Speed dating (issue 11, item 3): meeting requests through the manage link's services:
limits, expiry, automatic acceptance, privacy, the one reminder."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from event_booking import jobs
from event_booking.models import EmailKind, EmailOutbox, MeetingRequest, RequestStatus
from event_booking.services import bookings as booking_services
from event_booking.services import matchmaking, privacy
from event_booking.services.errors import InvalidBooking, MatchmakingClosed
from tests import factories
from tests.event_booking.job_helpers import freeze_clock, run_tasks_inline
from tests.event_booking.speed_dating_helpers import publish_list, speed_event


@pytest.fixture
def world(home):
    page, offering = speed_event(home)
    companies = [factories.participant(page, "company") for _ in range(2)]
    researchers = [factories.participant(page, "researcher") for _ in range(4)]
    return page, offering, companies, researchers


def ids(people):
    return [p.pk for p in people]


def test_nothing_can_be_browsed_or_requested_before_the_list_is_published(world):
    _page, _offering, (company, _), researchers = world

    assert matchmaking.visible_profiles(participant_id=company.pk) == []
    with pytest.raises(MatchmakingClosed):
        matchmaking.send_requests(participant_id=company.pk, recipient_ids=ids(researchers[:1]))


def test_a_participant_sees_the_other_sides_profiles_only(world):
    _page, offering, (company, other_company), researchers = world
    publish_list(offering)

    seen = matchmaking.visible_profiles(participant_id=company.pk)

    assert {p.pk for p in seen} == set(ids(researchers))
    assert other_company.pk not in {p.pk for p in seen}


def test_filter_by_interest(world):
    page, offering, (company, _), _researchers = world
    battery = factories.field_of_interest("akku", "Akkumulátor")
    hydrogen = factories.field_of_interest("hidrogen", "Hidrogén")
    match = factories.participant(page, "researcher", interests=(battery, hydrogen))
    publish_list(offering)

    seen = matchmaking.visible_profiles(participant_id=company.pk, interest_id=hydrogen.pk)

    assert [p.pk for p in seen] == [match.pk]


def test_ranked_requests_up_to_the_limit(world):
    _page, offering, (company, _), researchers = world
    publish_list(offering)

    sent = matchmaking.send_requests(participant_id=company.pk, recipient_ids=ids(researchers[:3]))

    assert [(r.recipient_id, r.rank, r.status) for r in sent] == [
        (researchers[0].pk, 1, "pending"),
        (researchers[1].pk, 2, "pending"),
        (researchers[2].pk, 3, "pending"),
    ]
    with pytest.raises(InvalidBooking) as error:
        matchmaking.send_requests(participant_id=company.pk, recipient_ids=ids(researchers))
    assert error.value.field == "recipients"
    assert MeetingRequest.objects.filter(sender=company).count() == 3  # nothing half-saved


def test_a_new_list_reranks_and_withdraws_what_is_left_out(world):
    _page, offering, (company, _), researchers = world
    publish_list(offering)
    matchmaking.send_requests(participant_id=company.pk, recipient_ids=ids(researchers[:3]))

    matchmaking.send_requests(
        participant_id=company.pk, recipient_ids=[researchers[2].pk, researchers[0].pk]
    )

    assert list(
        MeetingRequest.objects.filter(sender=company)
        .order_by("rank")
        .values_list("recipient_id", "rank")
    ) == [(researchers[2].pk, 1), (researchers[0].pk, 2)]


@pytest.mark.parametrize("target", ["same-side", "self", "twice"])
def test_requests_only_to_the_other_side_once_each(world, target):
    _page, offering, (company, other_company), researchers = world
    publish_list(offering)
    recipients = {
        "same-side": [other_company.pk],
        "self": [company.pk],
        "twice": [researchers[0].pk, researchers[0].pk],
    }[target]

    with pytest.raises(InvalidBooking) as error:
        matchmaking.send_requests(participant_id=company.pk, recipient_ids=recipients)

    assert error.value.field == "recipients"
    assert not MeetingRequest.objects.exists()


def test_accept_and_decline_received_requests(world):
    _page, offering, (company, _), researchers = world
    publish_list(offering)
    first, second = matchmaking.send_requests(
        participant_id=company.pk, recipient_ids=ids(researchers[:2])
    )

    matchmaking.answer_request(participant_id=researchers[0].pk, request_id=first.pk, accept=True)
    matchmaking.answer_request(participant_id=researchers[1].pk, request_id=second.pk, accept=False)

    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == ("accepted", "declined")
    with pytest.raises(InvalidBooking):  # only the recipient answers
        matchmaking.answer_request(
            participant_id=researchers[2].pk, request_id=first.pk, accept=False
        )


def test_automatic_acceptance(world):
    page, offering, (company, other_company), researchers = world
    eager = factories.participant(page, "researcher", auto_accept=True)
    publish_list(offering)

    (request,) = matchmaking.send_requests(participant_id=company.pk, recipient_ids=[eager.pk])
    (pending,) = matchmaking.send_requests(
        participant_id=other_company.pk, recipient_ids=[researchers[0].pk]
    )
    matchmaking.set_auto_accept(participant_id=researchers[0].pk, enabled=True)

    pending.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert pending.status == RequestStatus.ACCEPTED


def test_requesting_someone_who_asked_you_makes_a_mutual_request(world):
    _page, offering, (company, _), researchers = world
    publish_list(offering)
    (theirs,) = matchmaking.send_requests(
        participant_id=researchers[0].pk, recipient_ids=[company.pk]
    )

    (mine,) = matchmaking.send_requests(
        participant_id=company.pk, recipient_ids=[researchers[0].pk]
    )

    theirs.refresh_from_db()
    assert (theirs.status, mine.status) == ("accepted", "accepted")


def test_pending_requests_expire_at_the_deadline_and_nothing_changes_after(world, monkeypatch):
    page, offering, (company, _), researchers = world
    publish_list(offering)
    (request,) = matchmaking.send_requests(
        participant_id=company.pk, recipient_ids=[researchers[0].pk]
    )
    clock = freeze_clock(monkeypatch)
    clock.now = page.speed_request_deadline + dt.timedelta(minutes=1)

    assert matchmaking.expire_pending_requests(offering_id=offering.pk) == 1
    assert matchmaking.expire_pending_requests(offering_id=offering.pk) == 0
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED
    with pytest.raises(MatchmakingClosed):
        matchmaking.answer_request(
            participant_id=researchers[0].pk, request_id=request.pk, accept=True
        )
    with pytest.raises(MatchmakingClosed):
        matchmaking.send_requests(participant_id=company.pk, recipient_ids=[researchers[1].pk])


def test_expiry_before_the_deadline_does_nothing(world):
    _page, offering, (company, _), researchers = world
    publish_list(offering)
    matchmaking.send_requests(participant_id=company.pk, recipient_ids=[researchers[0].pk])

    assert matchmaking.expire_pending_requests(offering_id=offering.pk) == 0
    assert MeetingRequest.objects.get().status == RequestStatus.PENDING


# --- privacy ---------------------------------------------------------------------------------


def test_no_profile_without_consent(world):
    _page, offering, (company, _), researchers = world
    researchers[0].profile_consent = False
    researchers[0].save()
    publish_list(offering)

    seen = {p.pk for p in matchmaking.visible_profiles(participant_id=company.pk)}

    assert researchers[0].pk not in seen
    with pytest.raises(InvalidBooking):
        matchmaking.send_requests(participant_id=company.pk, recipient_ids=[researchers[0].pk])
    with pytest.raises(MatchmakingClosed):  # and without consent one sees nobody either
        matchmaking.visible_profiles(participant_id=researchers[0].pk)


def test_cancelled_bookings_drop_out(world):
    _page, offering, (company, _), researchers = world
    publish_list(offering)
    booking_services.cancel_booking(booking_id=researchers[0].booking_id, notify=False)

    seen = {p.pk for p in matchmaking.visible_profiles(participant_id=company.pk)}

    assert researchers[0].pk not in seen
    with pytest.raises(MatchmakingClosed):
        matchmaking.visible_profiles(participant_id=researchers[0].pk)


def test_no_profile_to_people_outside_the_event(world, home):
    _page, offering, (company, _), researchers = world
    other_page, other_offering = speed_event(home)
    outsider = factories.participant(other_page, "company")
    publish_list(offering)
    publish_list(other_offering)

    seen = {p.pk for p in matchmaking.visible_profiles(participant_id=outsider.pk)}

    assert seen.isdisjoint(ids(researchers))
    with pytest.raises(InvalidBooking):
        matchmaking.send_requests(participant_id=outsider.pk, recipient_ids=[researchers[0].pk])


def test_no_profile_in_the_public_api(world):
    page, offering, _companies, researchers = world
    publish_list(offering)

    body = Client().get(f"/api/v2/pages/{page.pk}/").content.decode()

    assert researchers[0].offer not in body
    assert researchers[0].organisation not in body


# --- the reminder ----------------------------------------------------------------------------


def test_one_reminder_to_participants_without_requests_two_days_before(
    world, monkeypatch, django_capture_on_commit_callbacks
):
    page, offering, (company, other_company), researchers = world
    publish_list(offering)
    matchmaking.send_requests(participant_id=company.pk, recipient_ids=[researchers[0].pk])
    run_tasks_inline(monkeypatch)
    clock = freeze_clock(monkeypatch)
    clock.now = page.speed_request_deadline - dt.timedelta(days=2) + dt.timedelta(minutes=1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = jobs.speed_dating_request_reminders(offering.pk)
    with django_capture_on_commit_callbacks(execute=True):
        second = jobs.speed_dating_request_reminders(offering.pk)

    assert (first, second) == (5, 0)  # everyone but the company that sent a request
    assert len(mail.outbox) == 5
    assert company.booking.email not in {m.to[0] for m in mail.outbox}
    (message,) = [m for m in mail.outbox if m.to == [other_company.booking.email]]
    assert page.title in message.subject
    assert "token=" in message.body  # the manage link, where requests are sent


def test_no_reminder_earlier_than_two_days_before(world, monkeypatch):
    page, offering, _companies, _researchers = world
    publish_list(offering)
    clock = freeze_clock(monkeypatch)
    clock.now = page.speed_request_deadline - dt.timedelta(days=3)

    assert jobs.speed_dating_request_reminders(offering.pk) == 0
    assert not EmailOutbox.objects.filter(kind=EmailKind.SPEED_REQUEST_REMINDER).exists()


def test_erasing_a_person_blanks_their_profile_and_export_includes_it(world):
    _page, offering, (company, _), researchers = world
    exported = privacy.export_person(email=company.booking.email)

    privacy.erase_person(email=company.booking.email, cancel_upcoming=True)

    assert exported["bookings"][0]["speed_dating_profile"]["offer"] == company.offer
    company.refresh_from_db()
    assert (company.offer, company.look_for, company.organisation) == ("", "", "")
    publish_list(offering)
    seen = {p.pk for p in matchmaking.visible_profiles(participant_id=researchers[0].pk)}
    assert company.pk not in seen
