"""The "Consultations" screens of the Wagtail admin (`/admin/consultations/`).

Who sees what is `services.access`: consultants every request, a cluster manager their own
clusters' requests; a request outside that is a 404 (its id tells nothing), whatever the route.
Deciding, planning and logging days are the consultants' (anyone else who can see the request
gets 403). The views only call services and show their errors next to the fields.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agency_services.forms import ClusterRequestForm, DecisionForm, DeliveryForm, SessionForm
from agency_services.models import ConsultationRequest, ConsultationSession, RequestStatus
from agency_services.services import access, consultations, services_log
from agency_services.services.budget import year_budget
from agency_services.services.errors import ConsultationError, NotAllowed

app_name = "agency_services_admin"


def _require_screen(request: HttpRequest) -> None:
    if not access.may_use_consultations(request.user):
        raise PermissionDenied


def _visible(request: HttpRequest, request_id: int) -> ConsultationRequest:
    found = access.visible_requests(request.user).filter(pk=request_id).first()
    if found is None:
        raise Http404
    return found


def _detail_url(request_id: int) -> str:
    return reverse("agency_services_admin:detail", args=[request_id])


def index(request: HttpRequest) -> TemplateResponse:
    """The requests the user may see, newest first, and this year's budget."""
    _require_screen(request)
    return TemplateResponse(
        request,
        "agency_services/admin/index.html",
        {
            "page_title": _("Consultations"),
            "header_title": _("Consultations"),
            "requests": access.visible_requests(request.user),
            "budgets": [year_budget(year=timezone.localdate().year)],
            "can_request": access.clusters_managed_by(request.user).exists(),
            "is_consultant": access.is_consultant(request.user),
        },
    )


def create(request: HttpRequest) -> HttpResponse:
    """A cluster manager asks for consultation for one of their clusters."""
    clusters = access.clusters_managed_by(request.user)
    if not clusters.exists():
        raise PermissionDenied
    form = ClusterRequestForm(request.POST or None, clusters=clusters)
    if request.method == "POST" and form.is_valid():
        try:
            created = consultations.submit_cluster_request(
                user=request.user,
                cluster_id=form.cleaned_data["cluster"].pk,
                details=form.details(),
                language=get_language(),
            )
        except ConsultationError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            messages.success(request, _("Your request was sent to the agency's consultants."))
            return redirect(_detail_url(created.pk))
    return TemplateResponse(
        request,
        "agency_services/admin/form.html",
        {
            "page_title": _("Ask for consultation"),
            "header_title": _("Ask for consultation"),
            "form": form,
            "action": reverse("agency_services_admin:create"),
        },
        status=400 if form.errors else 200,
    )


def detail(request: HttpRequest, request_id: int, forms: dict[str, Any] | None = None) -> Any:
    """One request with its sessions; consultants also get the decision and session forms."""
    consultation = _visible(request, request_id)
    forms = forms or {}
    is_consultant = access.is_consultant(request.user)
    sessions = list(consultation.sessions.all())
    years = sorted({s.date.year for s in sessions} | {consultation.preferred_from.year})
    return TemplateResponse(
        request,
        "agency_services/admin/detail.html",
        {
            "page_title": str(consultation),
            "header_title": str(consultation),
            "consultation": consultation,
            "is_consultant": is_consultant,
            "budgets": [year_budget(year=year) for year in years] if is_consultant else [],
            "decision_form": forms.get("decision") or DecisionForm(),
            "session_form": forms.get("session")
            or SessionForm(initial={"date": consultation.preferred_from}),
            "session_rows": [
                (
                    s,
                    forms.get(f"delivery-{s.pk}")
                    or DeliveryForm(prefix=f"s{s.pk}", initial={"days": s.days}),
                )
                for s in sessions
            ],
            "waiting": consultation.status == RequestStatus.SUBMITTED,
            "accepted": consultation.status == RequestStatus.ACCEPTED,
        },
        status=400 if any(f.errors for f in forms.values()) else 200,
    )


def _run(request: HttpRequest, request_id: int, form: Any, key: str, action: Any) -> Any:
    """Run `action(data)` if `form` is valid; errors go back to the detail screen."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except NotAllowed as error:
            raise PermissionDenied from error
        except ConsultationError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error.message))
        else:
            return redirect(_detail_url(request_id))
    return detail(request, request_id, forms={key: form})


@require_POST
def decide(request: HttpRequest, request_id: int) -> HttpResponse:
    _visible(request, request_id)
    form = DecisionForm(request.POST)

    def action(data: dict[str, Any]) -> None:
        consultations.decide(
            request_id=request_id,
            user=request.user,
            accept=data["decision"] == "accept",
            comment=data["comment"],
        )
        messages.success(request, _("Decision saved; the requester is told by e-mail."))

    return _run(request, request_id, form, "decision", action)


@require_POST
def plan(request: HttpRequest, request_id: int) -> HttpResponse:
    _visible(request, request_id)
    form = SessionForm(request.POST)

    def action(data: dict[str, Any]) -> None:
        consultations.plan_session(
            request_id=request_id,
            user=request.user,
            date=data["date"],
            days=data["days"],
            note=data["note"],
            override=data["override"],
            override_reason=data["override_reason"],
        )
        messages.success(request, _("Session planned."))

    return _run(request, request_id, form, "session", action)


def _visible_session(request: HttpRequest, session_id: int) -> ConsultationSession:
    session = ConsultationSession.objects.filter(pk=session_id).first()
    if session is None:
        raise Http404
    _visible(request, session.request_id)
    return session


@require_POST
def deliver(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _visible_session(request, session_id)
    form = DeliveryForm(request.POST, prefix=f"s{session.pk}")

    def action(data: dict[str, Any]) -> None:
        consultations.log_delivery(
            session_id=session_id,
            user=request.user,
            days=data["days"],
            override=data["override"],
            override_reason=data["override_reason"],
        )
        messages.success(request, _("Days delivered logged."))

    return _run(request, session.request_id, form, f"delivery-{session.pk}", action)


@require_POST
def cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _visible_session(request, session_id)
    try:
        consultations.cancel_session(session_id=session_id, user=request.user)
    except NotAllowed as error:
        raise PermissionDenied from error
    except ConsultationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Session cancelled."))
    return redirect(_detail_url(session.request_id))


def services_log_view(request: HttpRequest) -> TemplateResponse:
    """The services log of a year (`?year=`, default this year): consultants only."""
    if not access.is_consultant(request.user):
        raise PermissionDenied
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    applications = services_log.applications(year=year)
    support = services_log.international_support(year=year)
    consultancy = services_log.consultancy(year=year)
    return TemplateResponse(
        request,
        "agency_services/admin/services_log.html",
        {
            "page_title": _("Services log"),
            "header_title": _("Services log %(year)s") % {"year": year},
            "year": year,
            "previous_year": year - 1,
            "next_year": year + 1,
            "sections": [
                (_("Applications written for clusters"), applications),
                (_("Clusters supported at international business events"), support),
                (_("Clusters given consultancy"), consultancy),
            ],
            "active": services_log.active_cooperation(year=year),
        },
    )


urlpatterns = [
    path("", index, name="index"),
    path("new/", create, name="create"),
    path("<int:request_id>/", detail, name="detail"),
    path("<int:request_id>/decide/", decide, name="decide"),
    path("<int:request_id>/sessions/", plan, name="plan"),
    path("sessions/<int:session_id>/deliver/", deliver, name="deliver"),
    path("sessions/<int:session_id>/cancel/", cancel, name="cancel"),
    path("log/", services_log_view, name="services_log"),
]
