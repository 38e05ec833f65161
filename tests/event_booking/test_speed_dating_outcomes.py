"""Speed dating (issue 11, item 7): no-shows, feedback through the manage link only after the
event and only by the participant, the follow-up e-mail six months later, and the figures."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from event_booking.jobs import SCHEDULES, speed_dating_feedback
from event_booking.models import (
    EmailKind,
    EmailOutbox,
    FeedbackStage,
    MeetingFeedback,
    Offering,
)
from event_booking.services import meeting_outcomes
from event_booking.services.errors import InvalidBooking
from event_booking.tokens import booking_token
from tests.event_booking.job_helpers import freeze_clock
from tests.event_booking.organiser_helpers import organiser
from tests.event_booking.speed_schedule_helpers import scheduled_world


@pytest.fixture
def world(home, django_capture_on_commit_callbacks, monkeypatch):
    return scheduled_world(home, django_capture_on_commit_callbacks, monkeypatch)


def end_event(world, *, days_ago: float = 1) -> None:
    """Move the offering (what feedback and the jobs read) into the past."""
    end = timezone.now() - dt.timedelta(days=days_ago)
    Offering.objects.filter(pk=world.offering.pk).update(
        starts_at=end - dt.timedelta(hours=2), ends_at=end
    )


def feedback_url(participant, language="en"):
    booking = participant.booking
    return f"/{language}/bookings/{booking.reference}/feedback/?token={booking_token(booking)}"


def post_feedback(participant, data, language="en"):
    booking = participant.booking
    return Client().post(
        f"/{language}/bookings/{booking.reference}/feedback/",
        {"token": booking_token(booking), **data},
    )


def test_feedback_is_closed_before_the_event_ends(world):
    company = world.companies[0]
    meeting = world.meetings_of(company)[0]

    page = Client().get(feedback_url(company))
    post_feedback(
        company, {f"rating_{meeting.pk}": 4, f"outcome_{meeting.pk}": "joint-project-idea"}
    )

    assert "data-feedback-closed" in page.content.decode()
    assert not MeetingFeedback.objects.exists()
    with pytest.raises(meeting_outcomes.FeedbackClosed):
        meeting_outcomes.record_feedback(
            participant_id=company.pk,
            meeting_id=meeting.pk,
            rating=4,
            outcome="joint-project-idea",
        )


def test_after_the_event_a_participant_rates_each_meeting_through_the_manage_link(world):
    end_event(world)
    company = world.companies[0]
    first, second = world.meetings_of(company)

    response = post_feedback(
        company,
        {
            f"rating_{first.pk}": "5",
            f"outcome_{first.pk}": "cooperation-agreement",
            f"rating_{second.pk}": "2",
            f"outcome_{second.pk}": "no-further-contact",
        },
    )

    assert response.status_code == 302
    answers = {
        f.meeting_id: (f.rating, f.outcome, f.stage)
        for f in MeetingFeedback.objects.filter(participant=company)
    }
    assert answers == {
        first.pk: (5, "cooperation-agreement", FeedbackStage.AFTER_EVENT),
        second.pk: (2, "no-further-contact", FeedbackStage.AFTER_EVENT),
    }


def test_a_half_answer_or_a_bad_rating_is_refused_next_to_the_field(world):
    end_event(world)
    company = world.companies[0]
    meeting = world.meetings_of(company)[0]

    half = post_feedback(company, {f"rating_{meeting.pk}": "3"})
    bad = post_feedback(company, {f"rating_{meeting.pk}": "9", f"outcome_{meeting.pk}": "x"})

    assert half.status_code == bad.status_code == 400
    assert "Give both a rating and an outcome" in half.content.decode()
    assert not MeetingFeedback.objects.exists()


def test_nobody_rates_a_meeting_that_is_not_theirs(world):
    end_event(world)
    company = world.companies[0]
    foreign = next(m for m in world.meetings() if m.company_id != company.pk)

    with pytest.raises(InvalidBooking) as error:
        meeting_outcomes.record_feedback(
            participant_id=company.pk, meeting_id=foreign.pk, rating=1, outcome="follow-up-planned"
        )
    response = post_feedback(
        company, {f"rating_{foreign.pk}": "1", f"outcome_{foreign.pk}": "follow-up-planned"}
    )
    wrong_token = Client().post(
        f"/en/bookings/{company.booking.reference}/feedback/",
        {"token": booking_token(world.companies[1].booking)},
    )

    assert error.value.field == "meeting"
    assert response.status_code == 302  # a field of another meeting is simply not in the form
    assert wrong_token.status_code == 404
    assert not MeetingFeedback.objects.exists()


def test_a_no_show_meeting_is_not_held_and_cannot_be_rated(world):
    end_event(world)
    company = world.companies[0]
    meeting = world.meetings_of(company)[0]

    meeting_outcomes.set_no_show(meeting_id=meeting.pk, side="researcher", no_show=True)

    assert meeting.pk not in {m.pk for m in meeting_outcomes.meetings_to_rate(company)}
    figures = meeting_outcomes.event_outcomes(offering_id=world.offering.pk)
    assert (figures.meetings_scheduled, figures.meetings_held, figures.no_shows) == (4, 3, 1)


def test_the_organiser_marks_a_no_show_and_sees_the_outcomes(world):
    end_event(world)
    client = Client()
    client.force_login(organiser())
    company = world.companies[0]
    first, second = world.meetings_of(company)
    meeting_outcomes.record_feedback(
        participant_id=company.pk, meeting_id=first.pk, rating=4, outcome="joint-project-idea"
    )

    client.post(
        f"/admin/bookings/meetings/{second.pk}/no-show/", {"side": "company", "no_show": "1"}
    )
    report = client.get(f"/admin/bookings/offerings/{world.offering.pk}/speed-dating/outcomes/")

    html = report.content.decode()
    assert 'data-figure="held">3<' in html
    assert 'data-figure="no-shows">1<' in html
    assert "Joint project idea" in html
    figures = meeting_outcomes.event_outcomes(offering_id=world.offering.pk)
    assert figures.outcomes[FeedbackStage.AFTER_EVENT]["joint-project-idea"] == 1
    assert figures.average_rating[FeedbackStage.AFTER_EVENT] == 4


# --- the e-mails after the event -------------------------------------------------------------


def test_the_feedback_request_goes_out_once_per_participant(
    world, django_capture_on_commit_callbacks
):
    end_event(world)

    with django_capture_on_commit_callbacks(execute=True):
        first = speed_dating_feedback()
        second = speed_dating_feedback()

    assert (first, second) == (4, 0)
    assert len(mail.outbox) == 4
    english = next(m for m in mail.outbox if m.to[0] == world.companies[1].booking.email)
    assert english.subject.startswith("How were your meetings?")
    assert "/feedback/?token=" in english.body


def test_the_follow_up_comes_six_months_later_once_and_opens_the_second_stage(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    end_event(world)
    company = world.companies[0]
    meeting = world.meetings_of(company)[0]
    meeting_outcomes.record_feedback(
        participant_id=company.pk, meeting_id=meeting.pk, rating=3, outcome="follow-up-planned"
    )
    assert "event_booking.speed_dating_feedback" in {s["name"] for s in SCHEDULES}
    clock = freeze_clock(monkeypatch)
    clock.advance(days=100)

    with django_capture_on_commit_callbacks(execute=True):
        speed_dating_feedback()
    assert not EmailOutbox.objects.filter(kind=EmailKind.SPEED_FOLLOW_UP).exists()

    clock.advance(days=90)
    with django_capture_on_commit_callbacks(execute=True):
        first = speed_dating_feedback()
        second = speed_dating_feedback()
    meeting_outcomes.record_feedback(
        participant_id=company.pk, meeting_id=meeting.pk, rating=5, outcome="cooperation-agreement"
    )

    assert (first, second) == (4, 0)
    follow_ups = [m for m in mail.outbox if "Six months" in m.subject or "Hat hónap" in m.subject]
    assert len(follow_ups) == 4
    stages = dict(
        MeetingFeedback.objects.filter(participant=company).values_list("stage", "outcome")
    )
    assert stages == {
        FeedbackStage.AFTER_EVENT: "follow-up-planned",
        FeedbackStage.FOLLOW_UP: "cooperation-agreement",
    }
