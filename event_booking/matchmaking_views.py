"""The participant's matchmaking page at their manage link (speed-dating events).

* `GET /<lang>/bookings/<reference>/meetings/?token=...[&interest=<id>]`: the other side's
  profiles (in the reader's language; offer and look-for texts as their authors wrote them),
  a filter by field of interest, the ranked list form (one choice per rank, up to the
  organiser's limit), the requests received with accept/decline, and automatic acceptance.
* POST `.../meetings/requests/`, `.../meetings/answer/`, `.../meetings/auto-accept/` (token in
  the body, CSRF): call the matchmaking service and go back with a message.

Same token rules and headers as the manage page (`views`): a wrong token is a 404. A booking
without a profile (another kind of event) gets a 404 here. Everything the page may show is
decided by `services.matchmaking` (consent, taking part, published list, deadline).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale

from cms.localization import localized_all, shown_only
from event_booking.models import Booking, Participant, RequestStatus
from event_booking.services import matchmaking
from event_booking.services.errors import BookingError
from event_booking.services.speed_dating_events import (
    active_participants,
    event_page,
    event_state,
)
from event_booking.services.speed_dating_profiles import interest_choices
from event_booking.tokens import booking_token
from event_booking.views import _booking_or_404, _private, manage_path


@dataclass(frozen=True)
class ProfileCard:
    """A profile as the reader sees it."""

    pk: int
    organisation: str
    side: str
    cluster: str
    interests: list[str]
    offer: str
    look_for: str
    language: str


def _cards(people: list[Participant]) -> list[ProfileCard]:
    locale = Locale.get_active()
    # Live fields only (a field taken offline since the booking is not shown).
    interests = {p.pk: shown_only(localized_all(p.interests.all(), locale)) for p in people}
    clusters = {p.pk: p.cluster.localized.title if p.cluster else "" for p in people}
    return [
        ProfileCard(
            pk=p.pk,
            organisation=p.organisation,
            side=p.get_side_display(),
            cluster=clusters[p.pk],
            interests=sorted(i.name for i in interests[p.pk]),
            offer=p.offer,
            look_for=p.look_for,
            language=p.booking.language,
        )
        for p in people
    ]


def _profiles(participant: Participant, interest: int | None) -> tuple[bool, list[Participant]]:
    """(taking part, the profiles they may see): nobody outside sees anyone."""
    try:
        return True, matchmaking.visible_profiles(
            participant_id=participant.pk, interest_id=interest
        )
    except BookingError:
        return False, []


def _participant_or_404(booking: Booking) -> Participant:
    participant = Participant.objects.filter(booking=booking).first()
    if participant is None:
        raise Http404
    return participant


def _page_path(booking: Booking, **params: Any) -> str:
    path = reverse("booking_meetings", kwargs={"reference": booking.reference})
    return f"{path}?{urlencode({'token': booking_token(booking), **params})}"


@require_http_methods(["GET", "HEAD"])
def meetings(request: HttpRequest, reference: str) -> HttpResponse:
    """The matchmaking page (see the module docstring)."""
    token = request.GET.get("token")
    booking = _booking_or_404(reference, token)
    participant = _participant_or_404(booking)
    offering = booking.offering
    page, event = event_page(offering), event_state(offering)
    try:
        interest = int(request.GET.get("interest") or 0) or None
    except ValueError:
        interest = None
    taking_part, people = _profiles(participant, interest)
    everyone = people if interest is None else _profiles(participant, None)[1]
    # Only people taking part are named (a cancelled partner's name is no longer shown).
    others = active_participants(offering.pk) if taking_part else Participant.objects.none()
    sent = list(
        participant.requests_sent.filter(recipient__in=others)
        .select_related("recipient")
        .order_by("rank")
    )
    received = list(
        participant.requests_received.filter(sender__in=others)
        .select_related("sender")
        .order_by("created_at", "pk")
    )
    limit = page.speed_max_requests if page else 0
    chosen = {r.rank: r.recipient_id for r in sent}
    context = {
        "booking": booking,
        "token": token,
        "participant": participant,
        "taking_part": taking_part,
        "listed": event.participants_published_at is not None,
        "open": matchmaking.requests_open(event, page, timezone.now()),
        "deadline": page.speed_request_deadline if page else None,
        "cards": _cards(people),
        "interests": interest_choices(translation.get_language()),
        "interest": interest,
        "ranks": [{"rank": rank, "chosen": chosen.get(rank)} for rank in range(1, limit + 1)],
        "choices": [(p.pk, p.organisation) for p in everyone],
        "sent": sent,
        "received": received,
        "statuses": RequestStatus,
        "manage_url": manage_path(booking, language=translation.get_language()),
    }
    return _private(TemplateResponse(request, "event_booking/booking/meetings.html", context))


def _act(request: HttpRequest, reference: str, run: Any, done: str) -> HttpResponse:
    booking = _booking_or_404(reference, request.POST.get("token"))
    participant = _participant_or_404(booking)
    try:
        run(participant)
    except BookingError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, done)
    return _private(HttpResponseRedirect(_page_path(booking)))


@require_POST
def send_requests(request: HttpRequest, reference: str) -> HttpResponse:
    """Send the ranked list: fields `rank_1` ... `rank_<limit>` hold participant ids (empty
    ranks are skipped, so the list closes up)."""
    ranked: list[int] = []
    for name in sorted(
        (n for n in request.POST if n.startswith("rank_")), key=lambda n: _int(n[5:])
    ):
        value = _int(request.POST.get(name))
        if value:
            ranked.append(value)
    return _act(
        request,
        reference,
        lambda p: matchmaking.send_requests(participant_id=p.pk, recipient_ids=ranked),
        _("Your meeting requests are saved."),
    )


@require_POST
def answer(request: HttpRequest, reference: str) -> HttpResponse:
    """Accept (`accept=1`) or decline (`accept=0`) the received request `request`."""
    accept = request.POST.get("accept") == "1"
    return _act(
        request,
        reference,
        lambda p: matchmaking.answer_request(
            participant_id=p.pk, request_id=_int(request.POST.get("request")), accept=accept
        ),
        _("Request accepted.") if accept else _("Request declined."),
    )


@require_POST
def auto_accept(request: HttpRequest, reference: str) -> HttpResponse:
    """Turn automatic acceptance on (`enabled=1`) or off (`enabled=0`)."""
    enabled = request.POST.get("enabled") == "1"
    return _act(
        request,
        reference,
        lambda p: matchmaking.set_auto_accept(participant_id=p.pk, enabled=enabled),
        _("Requests are now accepted automatically.")
        if enabled
        else _("You now answer each request yourself."),
    )


def _int(value: object) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0
