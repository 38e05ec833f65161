"""The decision e-mail of a consultation request, in the requester's language.

Plain text. The only header built from typed input is `To`, the requester's address, which
the form or the account validated. The subject holds the typed topic with whitespace (line
breaks included) collapsed to one space.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import formats, translation
from django.utils.translation import gettext as _

from agency_services.models import ConsultationEmail, RequestStatus


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render(row: ConsultationEmail) -> tuple[str, str]:
    """Subject and body of the row's decision e-mail, in the active language."""
    request = row.request
    values = {
        "topic": _one_line(request.topic),
        "name": request.contact_name,
        "from": formats.date_format(request.preferred_from, "SHORT_DATE_FORMAT"),
        "until": formats.date_format(request.preferred_until, "SHORT_DATE_FORMAT"),
    }
    if row.decision == RequestStatus.ACCEPTED:
        subject = _("Consultation request accepted: %(topic)s") % values
        what = _(
            "Your request for marketing consultation (“%(topic)s”, preferred period "
            "%(from)s – %(until)s) has been accepted. Our consultant will contact you to plan "
            "the sessions."
        )
    else:
        subject = _("Consultation request declined: %(topic)s") % values
        what = _(
            "We are sorry: your request for marketing consultation (“%(topic)s”, preferred "
            "period %(from)s – %(until)s) has been declined."
        )
    lines = [_("Dear %(name)s,") % values, "", what % values]
    if request.decision_comment:
        lines += ["", _("The consultant's comment:"), request.decision_comment]
    lines += ["", str(settings.ORGANISATION_NAME)]
    return subject, "\n".join(lines) + "\n"


def build_message(row: ConsultationEmail) -> EmailMessage:
    """The ready message of one outbox row, rendered in the request's language."""
    with translation.override(row.request.language):
        subject, body = render(row)
    return EmailMessage(subject, body, None, [row.request.email])
