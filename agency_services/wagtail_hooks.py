"""The agency's services in the Wagtail admin: "Consultations" (requests, budget, services
log), the services log's manual records (applications, support at international events), the
evidence dashboard (menu item, URLs, the admin home's summary panel), and the audit-log
actions.

The "Consultations" menu item is shown to consultants and to cluster managers who manage a
cluster (`services.access`); each view checks again. The record screens are Wagtail model
viewsets gated by the Consultants' model permissions.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from agency_services import admin_views, evidence_views
from agency_services.evidence_panel import EvidencePanel
from agency_services.models import ClusterApplication, EventSupport
from agency_services.services import access


class ConsultationsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:  # noqa: ANN001 (Wagtail's signature)
        return access.may_use_consultations(request.user)


@hooks.register("register_admin_urls")
def register_consultation_urls() -> list:
    return [path("consultations/", include((admin_views, "agency_services_admin")))]


@hooks.register("register_admin_menu_item")
def register_consultations_menu_item() -> MenuItem:
    return ConsultationsMenuItem(
        _("Consultations"),
        reverse("agency_services_admin:index"),
        name="consultations",
        icon_name="help",
        order=260,
    )


class EvidenceMenuItem(MenuItem):
    def is_shown(self, request) -> bool:  # noqa: ANN001 (Wagtail's signature)
        return evidence_views.may_see_evidence(request.user)


@hooks.register("register_admin_urls")
def register_evidence_urls() -> list:
    return [path("evidence/", include((evidence_views, "agency_services_evidence")))]


@hooks.register("register_admin_menu_item")
def register_evidence_menu_item() -> MenuItem:
    return EvidenceMenuItem(
        _("Evidence of success"),
        reverse("agency_services_evidence:dashboard"),
        name="evidence",
        icon_name="table",
        order=280,
    )


@hooks.register("construct_homepage_panels")
def add_evidence_panel(request, panels: list) -> None:  # noqa: ANN001 (Wagtail's signature)
    panels.append(EvidencePanel())


class ApplicationViewSet(ModelViewSet):
    model = ClusterApplication
    icon = "doc-full"
    menu_label = _("Applications for clusters")
    add_to_admin_menu = False
    list_display = ["programme", "cluster", "submitted_on", "result"]
    list_filter = ["result"]


class EventSupportViewSet(ModelViewSet):
    model = EventSupport
    icon = "globe"
    menu_label = _("Support at international events")
    add_to_admin_menu = False
    list_display = ["event_name", "cluster", "date", "place"]


class ServicesLogGroup(ModelViewSetGroup):
    menu_label = _("Services log")
    menu_icon = "list-ul"
    menu_order = 270
    items = (ApplicationViewSet("cluster_applications"), EventSupportViewSet("event_support"))


@hooks.register("register_admin_viewset")
def register_services_log_viewsets() -> ModelViewSetGroup:
    return ServicesLogGroup()


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions) -> None:  # noqa: ANN001 (Wagtail's registry)
    actions.register_action(
        "agency_services.submit", _("Request consultation"), _("Consultation requested")
    )
    actions.register_action(
        "agency_services.accept", _("Accept request"), _("Consultation request accepted")
    )
    actions.register_action(
        "agency_services.decline", _("Decline request"), _("Consultation request declined")
    )
    actions.register_action(
        "agency_services.plan_session", _("Plan session"), _("Consultation session planned")
    )
    actions.register_action(
        "agency_services.deliver", _("Log days delivered"), _("Consultation days delivered")
    )
    actions.register_action(
        "agency_services.cancel_session", _("Cancel session"), _("Consultation session cancelled")
    )
    actions.register_action(
        "agency_services.budget_override",
        _("Override the budget"),
        _("Consultation budget exceeded by override"),
    )
