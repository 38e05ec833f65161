"""Speed-dating matchmaking: browsing profiles, meeting requests, and the weights they give.

Through their manage link, a participant taking part (`speed_dating_events.active_participants`)
may, once the organiser has published the participant list and until the request deadline:

* browse the profiles of the other side that take part (`visible_profiles`); nobody else
  sees a profile: not the public, not the API, not a waitlisted or cancelled booking;
* send a ranked list of requests (`send_requests`, at most the event's `speed_max_requests`;
  the list replaces the previous one, so a request left out is withdrawn);
* accept or decline requests received (`answer_request`) or accept them automatically
  (`set_auto_accept`; turning it on accepts what is pending).

Sending a request to someone who already asked you accepts theirs (and yours): a *mutual*
request. Requests still pending at the deadline expire (`expire_pending_requests`, run by
the deadline job); a pending request never holds a slot: until accepted it only counts as a
shared interest. All changes take the offering's lock, the same lock a cancellation takes.

`request_weights` turns the state into the scheduler's weights with
`event_booking.scheduler.weights` (the bench uses the same function).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from event_booking.models import (
    EmailKind,
    EventPage,
    MeetingRequest,
    Participant,
    RequestStatus,
    Side,
    SpeedDatingEvent,
)
from event_booking.scheduler.weights import Tier, pair_weight, rank_score
from event_booking.services.errors import InvalidBooking, MatchmakingClosed
from event_booking.services.locking import lock_offering
from event_booking.services.notifications import queue_email
from event_booking.services.speed_dating_events import (
    REQUEST_REMINDER_BEFORE,
    active_participants,
    event_page,
    speed_event,
)


def other_side(side: str) -> str:
    return Side.RESEARCHER if side == Side.COMPANY else Side.COMPANY


def requests_open(event: SpeedDatingEvent, page: EventPage | None, now: dt.datetime) -> bool:
    """Whether requests may be sent and answered: list published, before the deadline."""
    return (
        page is not None
        and event.participants_published_at is not None
        and page.speed_request_deadline is not None
        and now < page.speed_request_deadline
    )


def browsing_open(event: SpeedDatingEvent, page: EventPage | None) -> bool:
    """Whether profiles may be browsed: the list is published (also after the deadline)."""
    return page is not None and event.participants_published_at is not None


def _viewer(participant_id: int) -> Participant:
    viewer = (
        Participant.objects.select_related("booking__offering").filter(pk=participant_id).first()
    )
    if (
        viewer is None
        or not active_participants(viewer.booking.offering_id).filter(pk=viewer.pk).exists()
    ):
        raise MatchmakingClosed(_("Only confirmed participants take part in matchmaking."))
    return viewer


def visible_profiles(*, participant_id: int, interest_id: int | None = None) -> list[Participant]:
    """The other side's profiles that `participant_id` may see, by organisation.

    Empty unless the viewer takes part and the list is published. `interest_id` (a
    source-language field of interest) keeps those who chose it.
    """
    viewer = _viewer(participant_id)
    offering = viewer.booking.offering
    if not browsing_open(speed_event(offering), event_page(offering)):
        return []
    profiles = (
        active_participants(offering.pk)
        .filter(side=other_side(viewer.side))
        .select_related("booking", "cluster")
        .prefetch_related("interests")
    )
    if interest_id is not None:
        profiles = profiles.filter(interests__pk=interest_id)
    return list(profiles.order_by("organisation", "pk").distinct())


def _locked_viewer(participant_id: int, now: dt.datetime) -> tuple[Participant, EventPage]:
    """The participant (taking part) and their event page, with the offering locked and the
    requests open; the participant is read again under the lock (a cancellation may have
    committed while we waited)."""
    offering = lock_offering(offering_id=_viewer(participant_id).booking.offering_id)
    event, page = speed_event(offering), event_page(offering)
    if not requests_open(event, page, now):
        if event.participants_published_at is None or page is None:
            raise MatchmakingClosed(_("The participant list is not published yet."))
        raise MatchmakingClosed(_("The request deadline has passed."))
    return _viewer(participant_id), page


def send_requests(
    *, participant_id: int, recipient_ids: Sequence[int], now: dt.datetime | None = None
) -> list[MeetingRequest]:
    """Replace the participant's requests by `recipient_ids`, first choice first.

    Requests already sent keep their answer (accepted or declined) and get their new rank;
    new ones start pending, or accepted when the recipient accepts automatically; a request
    to someone who asked you accepts both. Requests left out are withdrawn.

    Raises:
        MatchmakingClosed: not taking part, list not published, or deadline passed.
        InvalidBooking("recipients"): more than the event allows, a repeated entry, or
            someone who is not a participant of the other side taking part.
    """
    now = now or timezone.now()
    with transaction.atomic():
        viewer, page = _locked_viewer(participant_id, now)
        ids = [int(pk) for pk in recipient_ids]
        if len(ids) != len(set(ids)):
            raise InvalidBooking(_("Each participant can be requested once."), field="recipients")
        if len(ids) > page.speed_max_requests:
            raise InvalidBooking(
                _("You can send at most %(max)d requests.") % {"max": page.speed_max_requests},
                field="recipients",
            )
        allowed = {
            p.pk: p
            for p in active_participants(viewer.booking.offering_id).filter(
                side=other_side(viewer.side), pk__in=ids
            )
        }
        if len(allowed) != len(ids):
            raise InvalidBooking(
                _("Choose participants of the other side from the list."), field="recipients"
            )
        viewer.requests_sent.exclude(recipient_id__in=ids).delete()
        existing = {r.recipient_id: r for r in viewer.requests_sent.all()}
        asked_me = {
            r.sender_id: r
            for r in MeetingRequest.objects.filter(recipient=viewer, sender_id__in=ids)
        }
        sent = []
        for rank, recipient_id in enumerate(ids, start=1):
            request = existing.get(recipient_id) or MeetingRequest(
                sender=viewer, recipient_id=recipient_id
            )
            request.rank = rank
            theirs = asked_me.get(recipient_id)
            if request.pk is None and (allowed[recipient_id].auto_accept or theirs is not None):
                request.status, request.answered_at = RequestStatus.ACCEPTED, now
            request.save()
            if theirs is not None and theirs.status == RequestStatus.PENDING:
                theirs.status, theirs.answered_at = RequestStatus.ACCEPTED, now
                theirs.save(update_fields=["status", "answered_at", "updated_at"])
            sent.append(request)
        return sent


def answer_request(
    *, participant_id: int, request_id: int, accept: bool, now: dt.datetime | None = None
) -> MeetingRequest:
    """Accept or decline a request received (an answer may be changed until the deadline).

    Raises:
        MatchmakingClosed: as `send_requests`.
        InvalidBooking("request"): no such request to this participant.
    """
    now = now or timezone.now()
    with transaction.atomic():
        viewer, _page = _locked_viewer(participant_id, now)
        request = MeetingRequest.objects.filter(pk=request_id, recipient_id=viewer.pk).first()
        if request is None or request.status == RequestStatus.EXPIRED:
            raise InvalidBooking(_("No such request."), field="request")
        request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        request.answered_at = now
        request.save(update_fields=["status", "answered_at", "updated_at"])
        return request


def set_auto_accept(
    *, participant_id: int, enabled: bool, now: dt.datetime | None = None
) -> Participant:
    """Switch automatic acceptance; switching it on accepts the pending requests received
    (only while requests are open: after the deadline nothing changes)."""
    now = now or timezone.now()
    with transaction.atomic():
        viewer, _page = _locked_viewer(participant_id, now)
        viewer.auto_accept = enabled
        viewer.save(update_fields=["auto_accept", "updated_at"])
        if enabled:
            viewer.requests_received.filter(status=RequestStatus.PENDING).update(
                status=RequestStatus.ACCEPTED, answered_at=now, updated_at=now
            )
        return viewer


def expire_pending_requests(*, offering_id: int, now: dt.datetime | None = None) -> int:
    """Mark the pending requests of an event whose deadline has passed as expired; return how
    many. Before the deadline (or without one) it does nothing; running it twice is harmless."""
    now = now or timezone.now()
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        page = event_page(offering)
        if page is None or page.speed_request_deadline is None:
            return 0
        if now < page.speed_request_deadline:
            return 0
        return MeetingRequest.objects.filter(
            sender__booking__offering_id=offering_id, status=RequestStatus.PENDING
        ).update(status=RequestStatus.EXPIRED, updated_at=now)


def queue_request_reminders(*, offering_id: int, now: dt.datetime | None = None) -> int:
    """Queue the one reminder to participants taking part who have sent no request, from
    `REQUEST_REMINDER_BEFORE` before the deadline until it (and only once the list is
    published); return how many were queued. Once per booking ever: the outbox row is unique
    on (booking, kind), and bookings that have one are skipped, so a second run queues none.
    """
    now = now or timezone.now()
    with transaction.atomic():
        offering = lock_offering(offering_id=offering_id)
        page = event_page(offering)
        deadline = page.speed_request_deadline if page else None
        if deadline is None or not deadline - REQUEST_REMINDER_BEFORE <= now < deadline:
            return 0
        if speed_event(offering).participants_published_at is None:
            return 0
        silent = list(
            active_participants(offering_id)
            .filter(requests_sent__isnull=True)
            .exclude(booking__emails__kind=EmailKind.SPEED_REQUEST_REMINDER)
            .select_related("booking")
            .order_by("pk")
        )
        for participant in silent:
            queue_email(booking=participant.booking, kind=EmailKind.SPEED_REQUEST_REMINDER)
        Participant.objects.filter(pk__in=[p.pk for p in silent]).update(
            request_reminder_sent_at=now
        )
        return len(silent)


def request_weights(*, offering_id: int, max_requests: int) -> dict[tuple[str, str], int]:
    """The scheduler's weights of an event: (company id, researcher id) -> priority.

    Over the participants taking part only. Per pair (see `scheduler.weights`): declined by
    either -> no meeting; both asked and accepted -> MUTUAL + both rank scores; one request
    accepted -> ACCEPTED + its rank score; otherwise (requests pending or expired, or none)
    a shared field of interest -> SHARED_INTEREST + the best rank score of its requests
    (0 without one); nothing in common -> no meeting.
    """
    people = list(active_participants(offering_id).prefetch_related("interests"))
    interests = {p.pk: {i.pk for i in p.interests.all()} for p in people}
    ids = set(interests)
    requests: dict[tuple[int, int], list[MeetingRequest]] = {}
    sides = {p.pk: p.side for p in people}
    for request in MeetingRequest.objects.filter(sender_id__in=ids, recipient_id__in=ids):
        if sides[request.sender_id] == Side.COMPANY:
            pair = (request.sender_id, request.recipient_id)
        else:
            pair = (request.recipient_id, request.sender_id)
        requests.setdefault(pair, []).append(request)
    companies = [p.pk for p in people if p.side == Side.COMPANY]
    researchers = [p.pk for p in people if p.side == Side.RESEARCHER]
    weights: dict[tuple[str, str], int] = {}
    for company in companies:
        for researcher in researchers:
            found = requests.get((company, researcher), [])
            weight = _pair_weight(
                found,
                shared=bool(interests[company] & interests[researcher]),
                max_requests=max_requests,
            )
            if weight:
                weights[(str(company), str(researcher))] = weight
    return weights


def _pair_weight(found: list[MeetingRequest], *, shared: bool, max_requests: int) -> int:
    if any(r.status == RequestStatus.DECLINED for r in found):
        return 0
    scores = [rank_score(r.rank, max_requests=max_requests) for r in found]
    accepted = [
        score for r, score in zip(found, scores, strict=True) if r.status == RequestStatus.ACCEPTED
    ]
    if len(accepted) == 2:
        return pair_weight(Tier.MUTUAL, *accepted)
    if accepted:
        return pair_weight(Tier.ACCEPTED, accepted[0])
    if shared:
        return pair_weight(Tier.SHARED_INTEREST, max(scores, default=0))
    return 0
