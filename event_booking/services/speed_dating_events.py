"""Speed-dating events: their settings, their participants, and the organiser's publication.

The settings are fields of the event page (`EventPage.speed_*`), read from the *live
source-language* page of the offering (as the offering's own facts are), so a stale
translation cannot change them. A speed-dating event's running state is its
`SpeedDatingEvent` row, created on first use.

*Taking part* (`active_participants`): the booking is confirmed and not anonymised, and the
profile consent is given. Waitlisted and cancelled bookings drop out of browsing, requests and
scheduling; their requests stay stored but count for nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_q.models import Schedule
from wagtail.models import Locale

from event_booking.models import (
    BookingStatus,
    EventKind,
    EventPage,
    MeetingRequest,
    MeetingStatus,
    Offering,
    Participant,
    SpeedDatingEvent,
)
from event_booking.services.errors import InvalidBooking
from event_booking.services.locking import lock_offering

#: The reminder to participants who sent no request goes out this long before the deadline.
REQUEST_REMINDER_BEFORE = dt.timedelta(days=2)


def event_page(offering: Offering) -> EventPage | None:
    """The live speed-dating event page of `offering` (source language first), or None."""
    pages = EventPage.objects.live().filter(
        translation_key=offering.page_translation_key, kind=EventKind.SPEED_DATING
    )
    default = Locale.get_default()
    return pages.filter(locale=default).first() or pages.order_by("pk").first()


def require_event_page(offering: Offering) -> EventPage:
    """As `event_page`; raises InvalidBooking("offering") when it is no speed-dating event."""
    page = event_page(offering)
    if page is None:
        raise InvalidBooking(_("This is not a speed-dating event."), field="offering")
    return page


def speed_event(offering: Offering) -> SpeedDatingEvent:
    """The running state of a speed-dating offering (created on first use)."""
    event, _created = SpeedDatingEvent.objects.get_or_create(offering=offering)
    return event


def event_state(offering: Offering) -> SpeedDatingEvent:
    """The running state for reading: the stored row, or a fresh unsaved one (reading
    creates nothing)."""
    return SpeedDatingEvent.objects.filter(offering=offering).first() or SpeedDatingEvent(
        offering=offering
    )


def active_participants(offering_id: int) -> QuerySet[Participant]:
    """The participants taking part (see the module docstring)."""
    return Participant.objects.filter(
        booking__offering_id=offering_id,
        booking__status=BookingStatus.CONFIRMED,
        booking__anonymised_at__isnull=True,
        profile_consent=True,
    )


def is_taking_part(participant: Participant) -> bool:
    return active_participants(participant.booking.offering_id).filter(pk=participant.pk).exists()


def publish_participants(*, offering_id: int) -> SpeedDatingEvent:
    """Publish the participant list: participants may now browse profiles and send requests.

    Idempotent: publishing again keeps the first publication time.

    Raises:
        InvalidBooking: the offering is no live speed-dating event.
    """
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        require_event_page(offering)
        event = speed_event(offering)
        if event.participants_published_at is None:
            event.participants_published_at = timezone.now()
            event.save(update_fields=["participants_published_at"])
        return event


def summary(offering: Offering) -> dict[str, object] | None:
    """What the organiser's bookings screen shows of a speed-dating event (None for other
    offerings): its state, participants taking part, requests and the last scheduler run."""
    if event_page(offering) is None:
        return None
    event = event_state(offering)
    taking_part = active_participants(offering.pk)
    meetings = event.meetings.filter(status=MeetingStatus.SCHEDULED).count() if event.pk else 0
    return {
        "event": event,
        "participants": taking_part.count(),
        "requests": MeetingRequest.objects.filter(sender__in=taking_part).count(),
        "meetings": meetings,
    }


def offerings_with_deadline(*, after: dt.datetime, until: dt.datetime) -> list[int]:
    """Ids of the active offerings of live source-language speed-dating pages whose request
    deadline falls in ``(after, until]`` (for the sweep that backs up the one-off jobs)."""
    keys = (
        EventPage.objects.live()
        .filter(
            kind=EventKind.SPEED_DATING,
            locale=Locale.get_default(),
            speed_request_deadline__gt=after,
            speed_request_deadline__lte=until,
        )
        .values("translation_key")
    )
    return list(
        Offering.objects.filter(page_translation_key__in=keys, is_active=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _upsert_once(name: str, func: str, offering_id: int, when: dt.datetime) -> None:
    Schedule.objects.update_or_create(
        name=name,
        defaults={
            "func": func,
            "args": str(offering_id),
            "schedule_type": Schedule.ONCE,
            "repeats": 1,
            "next_run": when,
        },
    )


def schedule_deadline_jobs(*, offering_id: int) -> bool:
    """Upsert (by name) the two one-off jobs of a speed-dating offering's request deadline:
    the reminder two days before it and the scheduler run at it. Called whenever the page
    is published, so a moved deadline moves the jobs. Both jobs re-check the deadline when
    they run and are idempotent, so a stale or repeated run does nothing. Returns whether
    the offering is a speed-dating event with a deadline."""
    offering = Offering.objects.filter(pk=offering_id).first()
    page = event_page(offering) if offering else None
    if page is None or page.speed_request_deadline is None:
        return False
    deadline = page.speed_request_deadline
    _upsert_once(
        f"event_booking.speed_dating_reminders.{offering_id}",
        "event_booking.jobs.speed_dating_request_reminders",
        offering_id,
        deadline - REQUEST_REMINDER_BEFORE,
    )
    _upsert_once(
        f"event_booking.speed_dating_deadline.{offering_id}",
        "event_booking.jobs.speed_dating_deadline",
        offering_id,
        deadline,
    )
    return True
