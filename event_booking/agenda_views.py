"""A speed-dating participant's pages behind their manage link: the agenda (HTML, printable
on one A4 page), the agenda as `.ics`, and the feedback form after the event.

Same rules as the manage page (`event_booking.views`): the token comes with the request, a
wrong one is a 404 like an unknown reference, and the pages are private (`no-store`,
`noindex`). A booking without a speed-dating profile gets a 404 too. Before the schedule is
published the agenda page says so and the `.ics` is a 404 (`speed_dating_agendas`).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from event_booking.models import (
    Booking,
    BookingStatus,
    Meeting,
    MeetingOutcome,
    Participant,
    Side,
)
from event_booking.services import meeting_outcomes
from event_booking.services.errors import BookingError, InvalidBooking
from event_booking.services.speed_dating_agendas import agenda_for, agenda_ics
from event_booking.views import _booking_or_404, _private, manage_path, offering_details


def _participant_or_404(request: HttpRequest, reference: str) -> tuple[Booking, Participant, str]:
    token = request.POST.get("token") if request.method == "POST" else request.GET.get("token")
    booking = _booking_or_404(reference, token)
    participant = Participant.objects.filter(booking=booking).first()
    if participant is None:
        raise Http404
    return booking, participant, token


@require_safe
def agenda(request: HttpRequest, reference: str) -> HttpResponse:
    """The participant's agenda (or a notice that the schedule is not published yet)."""
    booking, participant, token = _participant_or_404(request, reference)
    language = translation.get_language()
    items = agenda_for(participant)
    with translation.override(language):
        ics_url = reverse("booking_agenda_ics", kwargs={"reference": booking.reference})
    return _private(
        TemplateResponse(
            request,
            "event_booking/booking/agenda.html",
            {
                "booking": booking,
                "participant": participant,
                "details": offering_details(booking, language),
                "items": items,
                "is_confirmed": booking.status == BookingStatus.CONFIRMED,
                "token": token,
                "ics_url": ics_url,
                "manage_url": manage_path(booking, language=language),
            },
        )
    )


@require_safe
def agenda_calendar(request: HttpRequest, reference: str) -> HttpResponse:
    """The participant's meetings as `.ics`, one entry per meeting."""
    booking, participant, _token = _participant_or_404(request, reference)
    body = agenda_ics(participant, translation.get_language())
    if body is None:
        raise Http404
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meetings-{booking.reference}.ics"'
    return _private(response)


class FeedbackForm(forms.Form):
    """A rating (1-5) and an outcome per meeting; meetings left blank are not answered."""

    def __init__(self, *args: object, meetings: list[Meeting], side: str, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.rows = []
        for meeting in meetings:
            partner = meeting.researcher if side == Side.COMPANY else meeting.company
            rating = forms.TypedChoiceField(
                label=pgettext_lazy("speed dating", "Rating"),
                choices=[("", "–"), *[(n, str(n)) for n in range(1, 6)]],
                coerce=int,
                required=False,
            )
            outcome = forms.ChoiceField(
                label=pgettext_lazy("speed dating", "Outcome"),
                choices=[("", "–"), *MeetingOutcome.choices],
                required=False,
            )
            self.fields[f"rating_{meeting.pk}"] = rating
            self.fields[f"outcome_{meeting.pk}"] = outcome
            self.rows.append((meeting, partner))

    def clean(self) -> dict:
        data = super().clean()
        for meeting, _partner in self.rows:
            rating, outcome = data.get(f"rating_{meeting.pk}"), data.get(f"outcome_{meeting.pk}")
            if bool(rating) != bool(outcome):
                missing = f"outcome_{meeting.pk}" if rating else f"rating_{meeting.pk}"
                self.add_error(missing, _("Give both a rating and an outcome, or neither."))
        return data

    def answers(self) -> list[tuple[int, int, str]]:
        return [
            (m.pk, self.cleaned_data[f"rating_{m.pk}"], self.cleaned_data[f"outcome_{m.pk}"])
            for m, _partner in self.rows
            if self.cleaned_data.get(f"rating_{m.pk}")
        ]

    def bound_rows(self) -> list[tuple[Meeting, Participant, forms.BoundField, forms.BoundField]]:
        return [
            (m, partner, self[f"rating_{m.pk}"], self[f"outcome_{m.pk}"])
            for m, partner in self.rows
        ]


@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: HttpRequest, reference: str) -> HttpResponse:
    """Rate each held meeting after the event (`meeting_outcomes.record_feedback`)."""
    booking, participant, token = _participant_or_404(request, reference)
    is_open = meeting_outcomes.feedback_open(participant)
    meetings = meeting_outcomes.meetings_to_rate(participant) if is_open else []
    stage = meeting_outcomes.feedback_stage(participant)
    given = {
        f.meeting_id: f for f in participant.feedback.filter(stage=stage, meeting__in=meetings)
    }
    initial = {}
    for meeting_id, answer in given.items():
        initial[f"rating_{meeting_id}"] = answer.rating
        initial[f"outcome_{meeting_id}"] = answer.outcome
    data = request.POST if request.method == "POST" else None
    form = FeedbackForm(data, meetings=meetings, side=participant.side, initial=initial)
    if data is not None and is_open and form.is_valid():
        try:
            with_errors = _save_answers(participant, form)
        except BookingError as error:
            form.add_error(None, str(error.message))
            with_errors = True
        if not with_errors:
            messages.success(request, _("Thank you: your answers are saved."))
            path = reverse("booking_feedback", kwargs={"reference": booking.reference})
            return _private(HttpResponseRedirect(f"{path}?token={token}"))
    return _private(
        TemplateResponse(
            request,
            "event_booking/booking/feedback.html",
            {
                "booking": booking,
                "details": offering_details(booking, translation.get_language()),
                "is_open": is_open,
                "form": form,
                "token": token,
                "stage": stage,
                "manage_url": manage_path(booking, language=translation.get_language()),
            },
            status=400 if data is not None and form.errors else 200,
        )
    )


def _save_answers(participant: Participant, form: FeedbackForm) -> bool:
    """Record each answer; a refused one is shown next to its field. Returns whether any
    was refused."""
    refused = False
    for meeting_id, rating, outcome in form.answers():
        try:
            meeting_outcomes.record_feedback(
                participant_id=participant.pk, meeting_id=meeting_id, rating=rating, outcome=outcome
            )
        except InvalidBooking as error:
            field = f"{error.field}_{meeting_id}" if error.field in {"rating", "outcome"} else None
            form.add_error(field, str(error.message))
            refused = True
    return refused
