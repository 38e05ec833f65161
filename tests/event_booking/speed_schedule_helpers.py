"""Helpers of the speed-dating agenda, change and outcome tests: an event whose schedule has
been computed (and, unless asked otherwise, published), built through the services."""

from dataclasses import dataclass
from typing import Any

from django.core import mail

from event_booking.models import EventPage, Meeting, MeetingStatus, Offering, Participant
from event_booking.services import speed_dating_agendas, speed_dating_schedule
from tests import factories
from tests.event_booking.job_helpers import run_tasks_inline
from tests.event_booking.speed_dating_helpers import publish_list, speed_event


@dataclass
class World:
    page: EventPage
    offering: Offering
    companies: list[Participant]
    researchers: list[Participant]

    def meetings(self) -> list[Meeting]:
        return list(
            Meeting.objects.filter(
                event__offering=self.offering, status=MeetingStatus.SCHEDULED
            ).order_by("round", "table")
        )

    def meetings_of(self, participant: Participant) -> list[Meeting]:
        return [m for m in self.meetings() if participant.pk in (m.company_id, m.researcher_id)]


def scheduled_world(
    home: Any,
    capture: Any,
    monkeypatch: Any,
    *,
    people: tuple[tuple[str, str], ...] = (
        ("company", "hu"),
        ("company", "en"),
        ("researcher", "hu"),
        ("researcher", "en"),
    ),
    publish: bool = True,
    **fields: Any,
) -> World:
    """`people` (side, language) of one event (3 rounds, 2 tables unless `fields` say
    otherwise; by default two companies and two researchers, Hungarian and English), every
    pair sharing a field of interest; the schedule is
    computed and, with `publish`, published (its e-mails delivered, then the outbox of
    `django.core.mail` emptied). `capture` is `django_capture_on_commit_callbacks`; jobs run
    inline from here on (`monkeypatch`)."""
    run_tasks_inline(monkeypatch)
    page, offering = speed_event(home, **fields)
    with capture(execute=True):
        made = [
            factories.participant(page, side, language=language, name=f"{side} {n}")
            for n, (side, language) in enumerate(people, start=1)
        ]
        publish_list(offering)
        speed_dating_schedule.run_scheduler(offering_id=offering.pk)
        if publish:
            speed_dating_agendas.publish_schedule(offering_id=offering.pk)
    mail.outbox.clear()
    companies = [p for p in made if p.side == "company"]
    researchers = [p for p in made if p.side == "researcher"]
    return World(page, offering, companies, researchers)
