"""The public consultation request form: `/hu/tanacsadas/` and `/en/consultation/`.

GET shows the form in the URL's language. POST (CSRF-protected) validates, calls
`consultations.submit_public_request` and redirects to the same address with a thank-you
message (post/redirect/get). Errors re-render the form with each error next to its field and
a summary (status 400; nothing is stored). Spam: a filled honeypot field is answered like a
success but stores nothing; more than `CONSULTATION_RATE_LIMIT` posts from one address
answer 429 with a message.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.throttling import SimpleRateThrottle
from wagtail.models import Locale

from agency_services.forms import PublicRequestForm
from agency_services.services.consultations import submit_public_request
from agency_services.services.errors import ConsultationError
from event_booking.api import rate_limit_is_valid

logger = logging.getLogger(__name__)
DEFAULT_RATE_LIMIT = "10/hour"


class ConsultationRateThrottle(SimpleRateThrottle):
    """Per-IP limit of form posts, `settings.CONSULTATION_RATE_LIMIT` (a DRF rate such as
    `10/hour`; empty: off; malformed: the default, logged)."""

    scope = "consultations"

    def get_rate(self) -> str | None:
        value = getattr(settings, "CONSULTATION_RATE_LIMIT", DEFAULT_RATE_LIMIT) or ""
        if not rate_limit_is_valid(value):
            # A typo in the environment must not turn every post into a 500, nor drop the limit.
            logger.error(
                "CONSULTATION_RATE_LIMIT=%r is not a rate; using %s", value, DEFAULT_RATE_LIMIT
            )
            return DEFAULT_RATE_LIMIT
        return value.replace(" ", "") or None

    def get_cache_key(self, request: HttpRequest, view: object) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def _render(request: HttpRequest, form: PublicRequestForm, status: int = 200) -> HttpResponse:
    form.mark_invalid_fields()
    translated_urls = {
        code: translate_url(request.path, code) for code, _name in settings.LANGUAGES
    }
    return TemplateResponse(
        request,
        "agency_services/consultation_form.html",
        {"form": form, "translated_urls": translated_urls},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def consultation_request(request: HttpRequest) -> HttpResponse:
    """The form (see the module docstring)."""
    locale = Locale.get_active()
    if request.method == "GET":
        return _render(request, PublicRequestForm(locale=locale))
    form = PublicRequestForm(request.POST, locale=locale)
    if not ConsultationRateThrottle().allow_request(request, None):
        form.is_valid()
        form.add_error(None, _("Too many requests from your network. Wait an hour and try again."))
        return _render(request, form, status=429)
    if form.is_spam():
        logger.info("Consultation form: honeypot filled, nothing stored")
        messages.success(request, _("Thank you: we have received your request."))
        return redirect(request.path)
    if not form.is_valid():
        return _render(request, form, status=400)
    data = form.cleaned_data
    try:
        submit_public_request(
            details=form.details(),
            organisation=data["organisation"],
            contact_name=data["contact_name"],
            email=data["email"],
            language=get_language(),
            cluster_id=data["cluster"],
        )
    except ConsultationError as error:
        form.add_error(error.field if error.field in form.fields else None, str(error.message))
        return _render(request, form, status=400)
    messages.success(
        request,
        _("Thank you: we have received your request. Our consultants will answer you by e-mail."),
    )
    return redirect(request.path)
