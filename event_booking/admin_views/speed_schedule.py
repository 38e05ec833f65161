"""The organisers' speed-dating schedule screens: the grid (rounds x tables, printable for
the room, CSV), the table card sheet, publishing, "fill freed slots", single-meeting edits
(move, swap, cancel, lock), no-show marks, and the outcomes report. (Publishing the
participant list and running the scheduler are `admin_views.speed_dating`.)

Viewing needs `PERM_VIEW`, changing `PERM_CHANGE` (as the bookings screens). The views parse
input and call the services (`speed_dating_agendas`, `meeting_changes`, `meeting_outcomes`);
a refused edit is shown next to its field, nothing is saved.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log

from event_booking.admin_views import PERM_CHANGE, PERM_VIEW
from event_booking.admin_views.common import DOMAIN_ERRORS, domain_message
from event_booking.exports import csv_response
from event_booking.models import (
    EventPage,
    FeedbackStage,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    Offering,
    SpeedDatingEvent,
)
from event_booking.services import meeting_changes, meeting_outcomes
from event_booking.services.errors import InvalidBooking
from event_booking.services.speed_dating_agendas import (
    GRID_CSV_HEADERS,
    grid_csv_rows,
    publish_schedule,
    schedule_grid,
    table_cards,
)
from event_booking.services.speed_dating_events import event_page, speed_event


def _event_or_404(offering_id: int) -> tuple[Offering, EventPage, SpeedDatingEvent]:
    offering = get_object_or_404(Offering, pk=offering_id)
    page = event_page(offering)
    if page is None:
        raise Http404
    return offering, page, speed_event(offering)


def _back(offering_id: int) -> HttpResponse:
    return redirect("event_booking_admin:speed_schedule", offering_id=offering_id)


@permission_required(PERM_VIEW)
def speed_schedule(request: HttpRequest, offering_id: int) -> HttpResponse:
    """The grid. `?export=csv` downloads it; `?print=grid` and `?print=cards` are the
    printable room grid and the table card sheet (pages without the admin's frame)."""
    offering, page, event = _event_or_404(offering_id)
    grid = schedule_grid(event, page)
    if request.GET.get("export") == "csv":
        filename = f"speed-dating-{offering.pk}-{timezone.localdate():%Y%m%d}"
        return csv_response(filename=filename, headers=GRID_CSV_HEADERS, rows=grid_csv_rows(grid))
    context: dict[str, Any] = {
        "page_title": offering.title,
        "page_subtitle": _("Speed-dating schedule"),
        "header_icon": "calendar",
        "offering": offering,
        "page": page,
        "event": event,
        "grid": grid,
        "tables": range(1, page.speed_tables + 1),
        "can_change": request.user.has_perm(PERM_CHANGE),
    }
    printable = request.GET.get("print")
    if printable in {"grid", "cards"}:
        context["mode"] = printable
        context["cards"] = table_cards(grid) if printable == "cards" else []
        return TemplateResponse(request, "event_booking/admin/speed_print.html", context)
    return TemplateResponse(request, "event_booking/admin/speed_schedule.html", context)


def _run(request: HttpRequest, offering_id: int, action: Any, log_action: str, done: str) -> Any:
    try:
        action()
    except DOMAIN_ERRORS as error:
        messages.error(request, domain_message(error))
    else:
        log(
            instance=get_object_or_404(Offering, pk=offering_id),
            action=log_action,
            user=request.user,
        )
        messages.success(request, done)
    return _back(offering_id)


@require_POST
@permission_required(PERM_CHANGE)
def speed_publish(request: HttpRequest, offering_id: int) -> HttpResponse:
    """Publish the schedule: participants see their agendas and get them by e-mail."""
    return _run(
        request,
        offering_id,
        lambda: publish_schedule(offering_id=offering_id),
        "event_booking.speed_publish",
        gettext("The schedule is published; every participant gets their agenda by e-mail."),
    )


@require_POST
@permission_required(PERM_CHANGE)
def speed_refill(request: HttpRequest, offering_id: int) -> HttpResponse:
    """Fill freed places of a published schedule without moving any meeting."""

    def refill() -> None:
        result = meeting_changes.refill_freed_slots(offering_id=offering_id, force=True)
        messages.info(
            request,
            gettext("%(cancelled)s meetings cancelled, %(added)s meetings added.")
            % {"cancelled": result.cancelled, "added": result.added},
        )

    return _run(
        request,
        offering_id,
        refill,
        "event_booking.speed_refill",
        gettext("Freed places filled; the people concerned are told by e-mail."),
    )


class MeetingEditForm(forms.Form):
    ACTIONS = [
        ("move", _("Move to another round or table")),
        ("swap", _("Swap places with another meeting")),
        ("cancel", _("Cancel the meeting")),
        ("lock", _("Lock (the scheduler keeps it)")),
        ("unlock", pgettext_lazy("speed dating", "Unlock")),
    ]
    action = forms.ChoiceField(label=_("What to do"), choices=ACTIONS, widget=forms.RadioSelect)
    round = forms.IntegerField(
        label=pgettext_lazy("speed dating", "Round"), required=False, min_value=1
    )
    table = forms.IntegerField(
        label=pgettext_lazy("speed dating", "Table"), required=False, min_value=1
    )
    other = forms.ModelChoiceField(
        label=_("Other meeting"), queryset=Meeting.objects.none(), required=False
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = (
            meeting.event.meetings.filter(status=MeetingStatus.SCHEDULED)
            .exclude(pk=meeting.pk)
            .select_related("company", "researcher")
        )
        self.fields["other"].label_from_instance = lambda m: (
            gettext("Round %(round)s, table %(table)s: %(company)s – %(researcher)s")
            % {
                "round": m.round,
                "table": m.table,
                "company": m.company.organisation,
                "researcher": m.researcher.organisation,
            }
        )

    def clean(self) -> dict:
        data = super().clean()
        action = data.get("action")
        if action == "move":
            for name in ("round", "table"):
                if data.get(name) is None:
                    self.add_error(name, _("Required for a move."))
        if action == "swap" and data.get("other") is None:
            self.add_error("other", _("Choose the meeting to swap with."))
        return data


def _apply(meeting: Meeting, data: dict) -> str:
    action = data["action"]
    if action == "move":
        meeting_changes.move_meeting(
            meeting_id=meeting.pk, round_number=data["round"], table=data["table"]
        )
        return gettext("Meeting moved and locked; both people are told by e-mail.")
    if action == "swap":
        meeting_changes.swap_meetings(meeting_id=meeting.pk, other_id=data["other"].pk)
        return gettext("Meetings swapped and locked; the people concerned are told by e-mail.")
    if action == "cancel":
        meeting_changes.cancel_meeting(meeting_id=meeting.pk)
        return gettext("Meeting cancelled; both people are told by e-mail.")
    meeting_changes.set_meeting_lock(meeting_id=meeting.pk, locked=action == "lock")
    return gettext("Meeting locked.") if action == "lock" else gettext("Meeting unlocked.")


@permission_required(PERM_CHANGE)
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Move, swap, cancel, lock or unlock one meeting (validated by `meeting_changes`)."""
    meeting = get_object_or_404(
        Meeting.objects.select_related(
            "event__offering", "company__booking", "researcher__booking"
        ),
        pk=meeting_id,
        status=MeetingStatus.SCHEDULED,
    )
    offering_id = meeting.event.offering_id
    form = MeetingEditForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            done = _apply(meeting, form.cleaned_data)
        except InvalidBooking as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error.message))
        except DOMAIN_ERRORS as error:
            form.add_error(None, domain_message(error))
        else:
            log(
                instance=meeting.event.offering,
                action="event_booking.speed_meeting",
                user=request.user,
            )
            messages.success(request, done)
            return _back(offering_id)
    return TemplateResponse(
        request,
        "event_booking/admin/speed_meeting.html",
        {
            "page_title": gettext("Change meeting"),
            "page_subtitle": meeting.event.offering.title,
            "header_icon": "calendar",
            "meeting": meeting,
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@permission_required(PERM_CHANGE)
def meeting_no_show(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Mark or unmark a no-show: POST `side` (company|researcher) and `no_show` (1|0)."""
    offering_id = get_object_or_404(Meeting, pk=meeting_id).event.offering_id
    try:
        meeting_outcomes.set_no_show(
            meeting_id=meeting_id,
            side=request.POST.get("side", ""),
            no_show=request.POST.get("no_show") == "1",
        )
    except DOMAIN_ERRORS as error:
        messages.error(request, domain_message(error))
    return _back(offering_id)


@permission_required(PERM_VIEW)
def speed_outcomes(request: HttpRequest, offering_id: int) -> HttpResponse:
    """Meetings held, no-shows and outcomes of one event (`meeting_outcomes.event_outcomes`)."""
    offering, _page, _event = _event_or_404(offering_id)
    figures = meeting_outcomes.event_outcomes(offering_id=offering.pk)
    stages = [
        {
            "label": label,
            "answers": figures.feedback_answers[stage],
            "average": figures.average_rating[stage],
            "outcomes": [
                (outcome_label, figures.outcomes[stage][value])
                for value, outcome_label in MeetingOutcome.choices
            ],
        }
        for stage, label in FeedbackStage.choices
    ]
    return TemplateResponse(
        request,
        "event_booking/admin/speed_outcomes.html",
        {
            "page_title": offering.title,
            "page_subtitle": _("Speed-dating outcomes"),
            "header_icon": "calendar",
            "offering": offering,
            "figures": figures,
            "stages": stages,
        },
    )
