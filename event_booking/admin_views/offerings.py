"""The offerings screen: every offering with its seat counts and amounts due."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_required

from event_booking.admin_views import PERM_ERASE, PERM_VIEW
from event_booking.models import Offering
from event_booking.services import organiser
from event_booking.services.offerings import upcoming


class OfferingFilterForm(forms.Form):
    WHEN_CHOICES = [
        ("upcoming", _("Upcoming")),
        ("past", _("Past")),
        ("all", _("All")),
    ]
    q = forms.CharField(label=_("Search by title"), required=False)
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)


@permission_required(PERM_VIEW)
def offering_index(request: HttpRequest) -> HttpResponse:
    """All offerings with their seat counts and amounts due; upcoming ones by default."""
    form = OfferingFilterForm(request.GET or None)
    query, when = "", "upcoming"
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        when = form.cleaned_data["when"] or "upcoming"
    offerings = Offering.objects.all()
    if when == "upcoming":
        offerings = offerings.filter(upcoming())
    elif when == "past":
        offerings = offerings.exclude(upcoming())
    if query:
        offerings = offerings.filter(title__icontains=query)
    offerings = organiser.offerings_with_counts(offerings).order_by("starts_at", "id")
    rows = [
        {
            "offering": offering,
            "seats_left": organiser.seats_left(offering, offering.confirmed_seats),
        }
        for offering in offerings
    ]
    return TemplateResponse(
        request,
        "event_booking/admin/offering_index.html",
        {
            "page_title": _("Bookings"),
            "header_icon": "calendar",
            "form": form,
            "rows": rows,
            "when": when,
            "can_erase": request.user.has_perm(PERM_ERASE),
        },
    )
