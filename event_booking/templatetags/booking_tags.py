"""`{% booking_form page %}`: the booking area of an event or training page.

Put it in the page template's `{% block booking %}`. It shows the form when registration is
open, otherwise a notice (opens on ..., closed, already took place); on a page that cannot be
booked (a preview, another page type) it shows nothing. After a failed POST the view renders
the page with the bound form in the context as `booking_form`, which the tag then shows with
its errors instead of an empty form.
"""

from typing import Any

from django import template
from wagtail.models import Page

from event_booking.forms import BookingForm, booking_setup
from event_booking.services.public_pages import limit_cached_until

register = template.Library()


@register.inclusion_tag("event_booking/booking/form.html", takes_context=True)
def booking_form(context: template.Context, page: Page) -> dict[str, Any]:
    bound = context.get("booking_form")
    if isinstance(bound, BookingForm) and bound.setup.page.pk == page.pk:
        setup, form = bound.setup, bound
    else:
        setup = booking_setup(page)
        form = BookingForm(setup=setup) if setup.is_open else None
    offerings = [setup.offering] if setup.offering else [run.offering for run in setup.runs]
    limit_cached_until(context.get("request"), offerings)
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "messages": context.get("messages"),
        "page": page,
        "setup": setup,
        "form": form,
    }
