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
    languages: tuple[str, ...] = ("hu", "en", "hu", "en"),
    publish: bool = True,
    **fields: Any,
) -> World:
    """Two companies and two researchers (languages in that order: c1, c2, r1, r2) of one
    event (3 rounds, 2 tables), every pair sharing a field of interest; the schedule is
    computed and, with `publish`, published (its e-mails delivered, then the outbox of
    `django.core.mail` emptied). `capture` is `django_capture_on_commit_callbacks`; jobs run
    inline from here on (`monkeypatch`)."""
    run_tasks_inline(monkeypatch)
    page, offering = speed_event(home, **fields)
    sides = ("company", "company", "researcher", "researcher")
    with capture(execute=True):
        people = [
            factories.participant(page, side, language=language, name=f"{side} {n}")
            for n, (side, language) in enumerate(zip(sides, languages, strict=True), start=1)
        ]
        publish_list(offering)
        speed_dating_schedule.run_scheduler(offering_id=offering.pk)
        if publish:
            speed_dating_agendas.publish_schedule(offering_id=offering.pk)
    mail.outbox.clear()
    return World(page, offering, people[:2], people[2:])
