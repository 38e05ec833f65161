"""What the speed-dating e-mails add to a booking e-mail: their texts, the agenda, the links.

Rendered inside the booking's language (the caller, `event_booking.emails.build_message`,
holds `translation.override`). The agenda is read when the e-mail is sent, so a message that
waited in the outbox shows the schedule as it is then; it is empty (not None) for a
participant with no meeting, and the e-mail says so.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import gettext as _

from event_booking.models import Booking, EmailKind, Participant
from event_booking.services.speed_dating_agendas import agenda_for, agenda_ics, agenda_lines
from event_booking.tokens import booking_token

#: Kinds that carry the agenda (text and `.ics`).
AGENDA_KINDS = (EmailKind.SPEED_SCHEDULE, EmailKind.SPEED_SCHEDULE_CHANGED)
#: Kinds that ask for feedback.
FEEDBACK_KINDS = (EmailKind.SPEED_FEEDBACK, EmailKind.SPEED_FOLLOW_UP)


def speed_texts(kind: str, title: str) -> tuple[str, str, str] | None:
    """Subject, heading and lead of a speed-dating kind (None for other kinds)."""
    if kind == EmailKind.SPEED_SCHEDULE:
        return (
            _("Your meetings: %(title)s") % {"title": title},
            _("Your speed-dating agenda"),
            _("The schedule is ready. Your meetings are below and in the attached calendar file."),
        )
    if kind == EmailKind.SPEED_SCHEDULE_CHANGED:
        return (
            _("Your meetings have changed: %(title)s") % {"title": title},
            _("Your agenda has changed"),
            _(
                "The schedule has changed. This is your agenda as it is now; the attached "
                "calendar file replaces the earlier one."
            ),
        )
    if kind == EmailKind.SPEED_FEEDBACK:
        return (
            _("How were your meetings? %(title)s") % {"title": title},
            _("Tell us how your meetings went"),
            _(
                "Thank you for taking part. Please rate each of your meetings and tell us "
                "what came of it: it takes a minute."
            ),
        )
    if kind == EmailKind.SPEED_FOLLOW_UP:
        return (
            _("Six months on: %(title)s") % {"title": title},
            _("What came of your meetings?"),
            _(
                "Six months have passed since the speed-dating event. Has anything come of "
                "your meetings? Please tell us again for each meeting."
            ),
        )
    return None


def _page_url(name: str, booking: Booking) -> str:
    query = urlencode({"token": booking_token(booking)})
    return (
        f"{settings.PUBLIC_BASE_URL}/{booking.language}/bookings/{booking.reference}/{name}/"
        f"?{query}"
    )


def speed_context(
    booking: Booking, kind: str, language: str
) -> tuple[dict[str, Any], bytes | None]:
    """Extra template context of a speed-dating kind, and the agenda `.ics` to attach."""
    participant = Participant.objects.filter(booking=booking).first()
    if participant is None:
        return {}, None
    if kind in AGENDA_KINDS:
        items = agenda_for(participant) or []
        ics = agenda_ics(participant, language) if items else None
        return {
            "agenda": agenda_lines(items),
            "agenda_url": _page_url("agenda", booking),
            "has_calendar": ics is not None,
        }, ics
    if kind in FEEDBACK_KINDS:
        return {"feedback_url": _page_url("feedback", booking)}, None
    return {}, None
