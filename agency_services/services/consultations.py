"""Consultation requests: submitting, deciding, planning sessions and logging days delivered.

Every function takes keyword-only arguments, runs in one transaction and raises a
`ConsultationError` (with the field it concerns) before writing anything. Each state change is
written to Wagtail's audit log (`agency_services.*` actions, with the user and the comment or
figures), and each decision queues one e-mail to the requester (`services.notifications`).

Budget rule: planning a session, or logging more days delivered than were planned, must not
take the year's used days (delivered + planned, `services.budget`) past its budget unless the
consultant overrides with a reason; the override is stored on the session (`over_budget`) and
logged as `agency_services.budget_override` with the year's figures before the change. The
check runs under a per-year named lock (`cms.locking`), so two consultants planning at the
same moment cannot both take the last days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from agency_services.models import (
    ConsultationRequest,
    ConsultationSession,
    RequestStatus,
    SessionStatus,
)
from agency_services.models.consultations import RequestSource
from agency_services.services import access, notifications
from agency_services.services.budget import is_half_days, year_budget
from agency_services.services.errors import (
    BudgetExceeded,
    InvalidRequest,
    NotAllowed,
    WrongState,
)
from cluster_pages.models import ClusterProfilePage
from cms.grants import default_language
from cms.locking import lock_for_transaction
from event_booking.services.errors import InvalidBooking
from event_booking.services.text_input import clean_multiline, clean_single_line

#: A session is at most this long (a typo like 40 instead of 4.0 is refused).
MAX_SESSION_DAYS = Decimal("10")
MAX_NEEDS_LENGTH = 4000


@dataclass(frozen=True)
class RequestDetails:
    """What the requester types: the same for the public form and the admin."""

    topic: str
    needs: str
    preferred_from: dt.date
    preferred_until: dt.date


def _clean_details(details: RequestDetails, *, today: dt.date) -> RequestDetails:
    topic = _text(details.topic, field="topic", max_length=200, required=True)
    needs = _multiline(details.needs, field="needs")
    if not needs:
        raise InvalidRequest(_("This field is required."), field="needs")
    if details.preferred_from < today:
        raise InvalidRequest(_("The period cannot start in the past."), field="preferred_from")
    if details.preferred_until < details.preferred_from:
        raise InvalidRequest(
            _("The end of the period cannot be before its start."), field="preferred_until"
        )
    if details.preferred_until > details.preferred_from + dt.timedelta(days=366):
        raise InvalidRequest(_("Choose a period of at most a year."), field="preferred_until")
    return RequestDetails(topic, needs, details.preferred_from, details.preferred_until)


def _text(value: str, *, field: str, max_length: int, required: bool) -> str:
    try:
        return clean_single_line(value, field=field, max_length=max_length, required=required)
    except InvalidBooking as error:
        raise InvalidRequest(error.message, field=field) from error


def _multiline(value: str, *, field: str) -> str:
    try:
        return clean_multiline(value, field=field, max_length=MAX_NEEDS_LENGTH)
    except InvalidBooking as error:
        raise InvalidRequest(error.message, field=field) from error


def submit_public_request(
    *,
    details: RequestDetails,
    organisation: str,
    contact_name: str,
    email: str,
    language: str,
    cluster_id: int | None = None,
) -> ConsultationRequest:
    """A visitor's request from the public form, in the form's language.

    `cluster_id`, when given, must be a live, public cluster page (of either language); the
    request refers to its Hungarian source page.
    """
    details = _clean_details(details, today=timezone.localdate())
    organisation = _text(organisation, field="organisation", max_length=200, required=True)
    contact_name = _text(contact_name, field="contact_name", max_length=200, required=True)
    email = _text(email, field="email", max_length=254, required=True)
    cluster = None
    if cluster_id is not None:
        page = ClusterProfilePage.objects.live().public().filter(pk=cluster_id).first()
        if page is None:
            raise InvalidRequest(_("Choose a cluster from the list."), field="cluster")
        cluster = source_cluster(page)
    with transaction.atomic():
        request = ConsultationRequest.objects.create(
            cluster=cluster,
            organisation=organisation,
            contact_name=contact_name,
            email=email,
            language=language,
            source=RequestSource.PUBLIC,
            **_details_fields(details),
        )
        log(instance=request, action="agency_services.submit", data={"source": "public"})
    return request


def submit_cluster_request(
    *, user: Any, cluster_id: int, details: RequestDetails, language: str
) -> ConsultationRequest:
    """A cluster manager's request for one of their own clusters, from the admin.

    The requester is the manager: the decision e-mails go to their account's address, in
    `language` (their admin language).

    Raises:
        InvalidRequest: on `cluster` when it is not one of the user's clusters, or a bad field.
    """
    cluster = access.clusters_managed_by(user).filter(pk=cluster_id).first()
    if cluster is None:
        raise InvalidRequest(_("Choose one of your clusters."), field="cluster")
    if not user.email:
        raise InvalidRequest(
            _("Your account has no e-mail address for the answer: add one in Account settings."),
            field="cluster",
        )
    details = _clean_details(details, today=timezone.localdate())
    with transaction.atomic():
        request = ConsultationRequest.objects.create(
            cluster=cluster,
            organisation=cluster.title,
            contact_name=user.get_full_name() or user.get_username(),
            email=user.email,
            language=language,
            source=RequestSource.ADMIN,
            requested_by=user,
            **_details_fields(details),
        )
        log(instance=request, action="agency_services.submit", user=user, data={"source": "admin"})
    return request


def _details_fields(details: RequestDetails) -> dict[str, Any]:
    return {
        "topic": details.topic,
        "needs": details.needs,
        "preferred_from": details.preferred_from,
        "preferred_until": details.preferred_until,
    }


def source_cluster(page: ClusterProfilePage) -> ClusterProfilePage:
    """The cluster's page in the source language (requests and records refer to it)."""
    if page.locale.language_code == default_language():
        return page
    return (
        ClusterProfilePage.objects.filter(
            translation_key=page.translation_key, locale__language_code=default_language()
        ).first()
        or page
    )


def _locked_request(*, request_id: int, user: Any) -> ConsultationRequest:
    """The request, locked, if `user` is a consultant (anyone else: NotAllowed)."""
    if not access.is_consultant(user):
        raise NotAllowed()
    request = ConsultationRequest.objects.select_for_update().filter(pk=request_id).first()
    if request is None:
        raise NotAllowed()
    return request


def decide(*, request_id: int, user: Any, accept: bool, comment: str) -> ConsultationRequest:
    """Accept or decline a waiting request with a comment (required when declining), and queue
    the decision e-mail to the requester (sent once, after commit, in their language).

    Raises:
        NotAllowed: `user` is not a consultant.
        WrongState: the request was already decided (deciding twice sends nothing twice).
        InvalidRequest: on `comment`.
    """
    comment = _multiline(comment, field="comment")
    if not accept and not comment:
        raise InvalidRequest(_("Say why the request is declined."), field="comment")
    with transaction.atomic():
        request = _locked_request(request_id=request_id, user=user)
        if request.status != RequestStatus.SUBMITTED:
            raise WrongState(_("This request has already been decided."))
        request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
        request.decision_comment = comment
        request.decided_by = user
        request.decided_at = timezone.now()
        request.save(update_fields=["status", "decision_comment", "decided_by", "decided_at"])
        log(
            instance=request,
            action="agency_services.accept" if accept else "agency_services.decline",
            user=user,
            data={"comment": comment},
        )
        notifications.queue_decision_email(request=request)
    return request


def parse_days(value: Any, *, field: str = "days") -> Decimal:
    """Working days as a Decimal in half-day steps, at most `MAX_SESSION_DAYS`."""
    try:
        days = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError) as error:
        raise InvalidRequest(_("Enter a number of days, such as 1 or 0.5."), field=field) from error
    if not days.is_finite() or not is_half_days(days):
        raise InvalidRequest(_("Enter whole or half days (0.5, 1, 1.5 ...)."), field=field)
    if days > MAX_SESSION_DAYS:
        raise InvalidRequest(
            _("A session is at most %(max)s days.") % {"max": MAX_SESSION_DAYS}, field=field
        )
    return days


def _check_budget(
    *, year: int, extra: Decimal, override: bool, reason: str, user: Any, request: Any
) -> bool:
    """Refuse `extra` days past `year`'s budget unless overridden with a reason.

    Call under the year's lock. Returns whether the override was used (and logged).
    """
    budget = year_budget(year=year)
    if extra <= 0 or budget.used + extra <= budget.budget:
        return False
    if not override:
        raise BudgetExceeded(
            _(
                "This would exceed the %(year)s budget: %(left)s of %(budget)s days are left. "
                "Tick “Override the budget” and give a reason to go ahead."
            )
            % {"year": year, "left": budget.left, "budget": budget.budget}
        )
    if not reason:
        raise InvalidRequest(_("Give a reason for exceeding the budget."), field="override_reason")
    log(
        instance=request,
        action="agency_services.budget_override",
        user=user,
        data={
            "year": year,
            "budget": str(budget.budget),
            "used_before": str(budget.used),
            "extra_days": str(extra),
            "reason": reason,
        },
    )
    return True


def plan_session(
    *,
    request_id: int,
    user: Any,
    date: dt.date,
    days: Any,
    note: str = "",
    override: bool = False,
    override_reason: str = "",
) -> ConsultationSession:
    """Plan a session of an accepted request, within the year's budget (or overridden).

    Raises:
        NotAllowed, WrongState (request not accepted), InvalidRequest (`days`, `note`,
        `override_reason`), BudgetExceeded (on `days`).
    """
    days = parse_days(days)
    note = _text(note, field="note", max_length=500, required=False)
    override_reason = _multiline(override_reason, field="override_reason")
    with transaction.atomic():
        request = _locked_request(request_id=request_id, user=user)
        if request.status != RequestStatus.ACCEPTED:
            raise WrongState(_("Only an accepted request can have sessions."))
        lock_for_transaction(f"agency_services.budget.{date.year}")
        over = _check_budget(
            year=date.year,
            extra=days,
            override=override,
            reason=override_reason,
            user=user,
            request=request,
        )
        session = ConsultationSession.objects.create(
            request=request, date=date, days=days, note=note, over_budget=over
        )
        log(
            instance=request,
            action="agency_services.plan_session",
            user=user,
            data={"session": session.pk, "date": date.isoformat(), "days": str(days)},
        )
    return session


def _locked_session(*, session_id: int, user: Any) -> ConsultationSession:
    if not access.is_consultant(user):
        raise NotAllowed()
    session = (
        ConsultationSession.objects.select_for_update()
        .select_related("request")
        .filter(pk=session_id)
        .first()
    )
    if session is None:
        raise NotAllowed()
    return session


def log_delivery(
    *,
    session_id: int,
    user: Any,
    days: Any,
    override: bool = False,
    override_reason: str = "",
) -> ConsultationSession:
    """Record that a planned session was held, with the days actually delivered.

    Fewer days than planned give the rest back to the budget; more need room in the budget
    (or an override) for the difference.

    Raises:
        NotAllowed, WrongState (not planned), InvalidRequest, BudgetExceeded.
    """
    days = parse_days(days)
    override_reason = _multiline(override_reason, field="override_reason")
    with transaction.atomic():
        session = _locked_session(session_id=session_id, user=user)
        if session.status != SessionStatus.PLANNED:
            raise WrongState(_("Only a planned session can be logged as delivered."))
        lock_for_transaction(f"agency_services.budget.{session.date.year}")
        over = _check_budget(
            year=session.date.year,
            extra=days - session.days,
            override=override,
            reason=override_reason,
            user=user,
            request=session.request,
        )
        session.days = days
        session.status = SessionStatus.DELIVERED
        session.delivered_at = timezone.now()
        session.over_budget = session.over_budget or over
        session.save(update_fields=["days", "status", "delivered_at", "over_budget"])
        log(
            instance=session.request,
            action="agency_services.deliver",
            user=user,
            data={"session": session.pk, "date": session.date.isoformat(), "days": str(days)},
        )
    return session


def cancel_session(*, session_id: int, user: Any) -> ConsultationSession:
    """Cancel a planned session: its days go back to the budget.

    Raises:
        NotAllowed, WrongState (already delivered or cancelled).
    """
    with transaction.atomic():
        session = _locked_session(session_id=session_id, user=user)
        if session.status != SessionStatus.PLANNED:
            raise WrongState(_("Only a planned session can be cancelled."))
        session.status = SessionStatus.CANCELLED
        session.save(update_fields=["status"])
        log(
            instance=session.request,
            action="agency_services.cancel_session",
            user=user,
            data={"session": session.pk, "date": session.date.isoformat()},
        )
    return session
