"""Public `.ics` downloads and the events feed (thin views over `event_booking.calendars`).

The language comes from the URL prefix (`/hu/...`, `/en/...`). Only live, publicly visible
pages are served; anything else is a 404, like the page itself.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from event_booking import calendars

_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _ics_response(body: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=_CONTENT_TYPE)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def events_feed(request: HttpRequest) -> HttpResponse:
    """`/<lang>/events/feed.ics`: upcoming live events of that language, for subscription."""
    language = get_language()
    response = _ics_response(
        calendars.events_feed(language), f"events-{language}.ics", download=False
    )
    response["Cache-Control"] = "public, max-age=900"
    return response


@require_safe
def event_calendar(request: HttpRequest, page_id: int) -> HttpResponse:
    """`/<lang>/events/<page_id>.ics`: one event, in the URL's language when translated."""
    found = calendars.event_ics(page_id, get_language())
    if found is None:
        raise Http404
    return _ics_response(*found, download=True)


@require_safe
def training_run_calendar(request: HttpRequest, run_id: int) -> HttpResponse:
    """`/<lang>/trainings/runs/<run_id>.ics`: one training run, all-day entries."""
    found = calendars.option_ics(run_id, get_language())
    if found is None:
        raise Http404
    return _ics_response(*found, download=True)
