"""The admin's translation report (`report`), replacing wagtail-localize's in the Reports menu.

A thin view: the filters are a form (a bad value is an error naming the field, never a 500),
the rows come from `report.rows`, `?format=csv` downloads them. Any admin user may see it, as
wagtail-localize's report (titles and states only, no content).
"""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from cms.workflow import report, status


class ReportFilters(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        help_text=gettext_lazy(
            "Snippets are not in the page tree: a section or page filter lists pages only."
        ),
    )
    section = forms.TypedChoiceField(
        label=gettext_lazy("Section"), required=False, coerce=int, empty_value=None
    )
    within = forms.IntegerField(
        label=gettext_lazy("At or below page (id)"), required=False, min_value=1
    )
    sort = forms.ChoiceField(
        label=gettext_lazy("Sort"),
        required=False,
        choices=[
            ("waiting", gettext_lazy("Waiting longest first")),
            ("-waiting", gettext_lazy("Waiting shortest first")),
        ],
    )

    def __init__(self, *args: Any, locales: list[Locale], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.fields["state"].choices = [("", _("All states"))] + [
            (state.value, state.label) for state in status.State
        ]
        self.fields["kind"].choices = [("", _("All kinds")), *report.kinds()]
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.pk, section.title) for section in report.sections()
        ]


def translation_report(request: HttpRequest) -> HttpResponse:
    """The report page, or its CSV export with `?format=csv` (same filters)."""
    locales = report.target_locales()
    form = ReportFilters(request.GET or None, locales=locales)
    rows: list[report.ReportRow] = []
    locale = locales[0] if locales else None
    if form.is_bound and not form.is_valid():
        locale = None
    elif form.is_bound:
        data = form.cleaned_data
        code = data["language"] or (locale.language_code if locale else "")
        locale = next((item for item in locales if item.language_code == code), None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if locale is not None:
        rows = report.rows(
            locale=locale,
            state=filters.get("state") or None,
            kind=filters.get("kind") or None,
            section_id=filters.get("section"),
            within_id=filters.get("within"),
            sort=filters.get("sort") or "waiting",
        )
    if request.GET.get("format") == "csv" and locale is not None:
        response = HttpResponse(report.to_csv(rows), content_type="text/csv; charset=utf-8")
        filename = f"translations-{locale.language_code}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    coverage = status.coverage(locale) if locale is not None else None
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(
        request,
        "cms_workflow/report/index.html",
        {
            "page_title": _("Translations"),
            "header_icon": "site",
            "form": form,
            "rows": rows,
            "locale": locale,
            "coverage": coverage,
            "coverage_percent": round(coverage.share * 100) if coverage else None,
            "csv_query": query.urlencode(),
        },
    )
