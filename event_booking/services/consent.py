"""The privacy consent text a booker agrees to, versioned.

The booking form and the API show (and the booking stores) the newest version. A changed
text is a new `ConsentText` row with a higher version, added by a data migration (as
`event_booking/migrations/0003_offering_page_key_consent_v1.py` adds version 1); there is no
admin screen for it, and an old row is never edited, so every booking keeps pointing at the
words its booker agreed to.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from event_booking.models import ConsentText
from event_booking.services.errors import BookingError


def current_consent() -> ConsentText:
    """The newest consent text.

    Raises:
        BookingError: no consent text exists (migration 0003 creates version 1), so no
            booking can be taken.
    """
    consent = ConsentText.objects.order_by("-version").first()
    if consent is None:
        raise BookingError(_("Bookings are not possible: no consent text has been published."))
    return consent


def consent_text(consent: ConsentText, language: str) -> str:
    """The text of `consent` in `language` ("en" gives English, anything else Hungarian)."""
    return consent.text_en if language == "en" else consent.text_hu
