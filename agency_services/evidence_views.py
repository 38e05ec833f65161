"""The evidence dashboard in the Wagtail admin (`/admin/evidence/`): the year's figures with
charts, the records behind each figure, a CSV of every figure and the printable annual report.

Only the agency's staff see any of it: users with `agency_services.view_evidence`
(Consultants and Moderators, migration 0004) and superusers; everyone else gets 403 on every
route (cluster managers, editors, translators, organisers). The figures are
`services.evidence`'s; the views only choose the year and the language.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agency_services.charts import bar_chart
from agency_services.roles import PERM_EVIDENCE
from agency_services.services import evidence
from event_booking.exports import csv_response

app_name = "agency_services_evidence"

FIRST_YEAR = 2000
LAST_YEAR = 2100
REPORT_LANGUAGES = ("hu", "en")


def may_see_evidence(user: object) -> bool:
    """Whether `user` may see the dashboard, its records, CSV and report (module docstring)."""
    return bool(getattr(user, "is_active", False) and user.has_perm(PERM_EVIDENCE))


def _require_staff(request: HttpRequest) -> None:
    if not may_see_evidence(request.user):
        raise PermissionDenied


def _year_or_404(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


def charts(figures: list[evidence.Figure]) -> list[dict]:
    """The dashboard's charts: the programme's counts, participants by kind of event, and one
    per figure that has a breakdown; each with the parts its data table shows."""
    programme = [
        evidence.Part(str(f.label), f.value) for f in figures if f.programme and not f.unit
    ]
    participants = [
        evidence.Part(str(f.label), f.value) for f in figures if f.key.startswith("participants_")
    ]
    found = [
        ("programme", _("Evidence of success"), programme),
        ("participants", _("Participants by kind of event"), participants),
    ]
    found += [(f.key, str(f.label), list(f.parts)) for f in figures if f.parts]
    return [
        {
            "id": f"chart-{key.replace('_', '-')}",
            "title": title,
            "parts": parts,
            "svg": bar_chart(f"chart-{key.replace('_', '-')}", title, parts),
        }
        for key, title, parts in found
        if parts
    ]


def dashboard(request: HttpRequest) -> TemplateResponse:
    """The figures of `?year=` (default this year) with charts and links; a year that is not a
    number between 2000 and 2100 shows this year and says so next to the year field."""
    _require_staff(request)
    this_year = timezone.localdate().year
    year, error = this_year, ""
    raw = request.GET.get("year", "").strip()
    if raw:
        try:
            year = _year_or_404(int(raw))
        except (ValueError, Http404):
            error = _("Year: enter a year between %(first)s and %(last)s.") % {
                "first": FIRST_YEAR,
                "last": LAST_YEAR,
            }
            year = this_year
    figures = evidence.figures(year=year)
    return TemplateResponse(
        request,
        "agency_services/evidence/dashboard.html",
        {
            "page_title": _("Evidence of success"),
            "header_title": _("Evidence of success %(year)s") % {"year": year},
            "year": year,
            "years": list(range(this_year, this_year - 6, -1)),
            "year_error": error,
            "programme": [f for f in figures if f.programme],
            "others": [f for f in figures if not f.programme],
            "charts": charts(figures),
            "report_languages": [
                (code, translation.get_language_info(code)["name_local"])
                for code in REPORT_LANGUAGES
            ],
        },
        status=400 if error else 200,
    )


def records(request: HttpRequest, year: int, key: str) -> TemplateResponse:
    """The records behind one figure of `year`, each linked to its admin screen."""
    _require_staff(request)
    found = evidence.figure(year=_year_or_404(year), key=key)
    if found is None:
        raise Http404
    return TemplateResponse(
        request,
        "agency_services/evidence/records.html",
        {
            "page_title": str(found.label),
            "header_title": f"{found.label} {year}: {found.display}",
            "figure": found,
            "year": year,
            "back": reverse("agency_services_evidence:dashboard") + f"?year={year}",
        },
    )


def csv_export(request: HttpRequest, year: int) -> HttpResponse:
    """Every figure of `year` (and each part of its breakdown) as CSV, in the user's language."""
    _require_staff(request)
    figures = evidence.figures(year=_year_or_404(year))
    rows = []
    for f in figures:
        rows.append([year, f.key, str(f.label), "", f.value, f.unit])
        rows += [[year, f.key, str(f.label), p.label, p.value, p.unit] for p in f.parts]
    return csv_response(
        filename=f"evidence-{year}",
        headers=[_("Year"), _("Key"), _("Figure"), _("Part"), _("Value"), _("Unit")],
        rows=rows,
    )


def report(request: HttpRequest, year: int, language: str) -> TemplateResponse:
    """The printable annual report of `year` in `language` (hu or en), whatever the user's
    admin language: the programme's list first, numbered as the programme numbers it."""
    _require_staff(request)
    if language not in REPORT_LANGUAGES:
        raise Http404
    with translation.override(language):
        figures = evidence.figures(year=_year_or_404(year))
        response = TemplateResponse(
            request,
            "agency_services/evidence/report.html",
            {
                "year": year,
                "language": language,
                "programme": [f for f in figures if f.programme and f.key != "website_share"],
                "others": [f for f in figures if not f.programme],
                "charts": charts(figures)[:2],
            },
        )
        response.render()
    return response


urlpatterns = [
    path("", dashboard, name="dashboard"),
    path("<int:year>/csv/", csv_export, name="csv"),
    path("<int:year>/report/<str:language>/", report, name="report"),
    path("<int:year>/<slug:key>/", records, name="records"),
]
