"""The admin home's summary panel of the evidence dashboard: this year's programme figures.

Shown only to those who may see the dashboard (`evidence_views.may_see_evidence`); for anyone
else it renders nothing (and computes nothing).
"""

from __future__ import annotations

from typing import Any

from django.template.loader import get_template
from django.utils import timezone
from wagtail.admin.ui.components import Component

from agency_services.evidence_views import may_see_evidence
from agency_services.services import evidence


class EvidencePanel(Component):
    name = "agency_services_evidence"
    template_name = "agency_services/evidence/panel.html"
    order = 60

    def render_html(self, parent_context: Any = None) -> str:
        request = parent_context["request"]
        if not may_see_evidence(request.user):
            return ""
        year = timezone.localdate().year
        context = {"request": request, "year": year}
        context["figures"] = evidence.programme_figures(year=year)
        return get_template(self.template_name).render(context)
