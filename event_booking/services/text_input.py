"""Cleaning what people type: one-line and multi-line text inputs of bookings and profiles.

Refused: line breaks in one-line fields (they could inject e-mail headers), control characters,
and the invisible text-direction and zero-width characters that let a name pose as another in
the admin, exports and e-mails. Errors are `InvalidBooking` naming the field.
"""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext_lazy as _

from event_booking.services.errors import InvalidBooking

# Characters that could break an e-mail header or fake a line break: control characters and
# the Unicode line/paragraph separators.
FORBIDDEN_CATEGORIES = {"Cc", "Zl", "Zp"}

#: Invisible characters that let a name pose as another in the admin, exports and e-mails:
#: bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the
#: left-to-right and right-to-left marks (U+200E/F), zero-width space, non-joiner and joiner
#: (U+200B-200D), the word joiner (U+2060) and the zero-width no-break space (U+FEFF).
INVISIBLE_CHARACTERS = frozenset(
    [chr(code) for code in range(0x202A, 0x202F)]
    + [chr(code) for code in range(0x2066, 0x206A)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff"]
)

#: How the fields that refuse invisible characters are named in their error message.
FIELD_LABELS = {
    "name": _("Name"),
    "organisation": _("Organisation"),
    "phone": _("Phone"),
    "tax_number": _("Tax number"),
    "billing_address": _("Billing address"),
    "offer": _("What you offer"),
    "look_for": _("What you look for"),
}


def _refuse_invisible(value: str, *, field: str) -> None:
    if any(char in INVISIBLE_CHARACTERS for char in value):
        raise InvalidBooking(
            _(
                "%(field)s contains invisible or text-direction characters (such as a "
                "right-to-left override or a zero-width space): please type it again."
            )
            % {"field": FIELD_LABELS.get(field, field)},
            field=field,
        )


def clean_single_line(value: str, *, field: str, max_length: int, required: bool) -> str:
    """Trim a one-line text input (name, organisation, phone) and refuse what could inject
    e-mail headers (line breaks and other control characters) or disguise the text
    (text-direction and zero-width characters, see INVISIBLE_CHARACTERS).

    Raises:
        InvalidBooking: on the given `field`.
    """
    value = (value or "").strip()
    if any(unicodedata.category(char) in FORBIDDEN_CATEGORIES for char in value):
        raise InvalidBooking(
            _("Line breaks and control characters are not allowed here."), field=field
        )
    _refuse_invisible(value, field=field)
    if required and not value:
        raise InvalidBooking(_("This field is required."), field=field)
    if len(value) > max_length:
        raise InvalidBooking(
            _("Enter at most %(max)d characters.") % {"max": max_length}, field=field
        )
    return value


def clean_multiline(value: str, *, field: str, max_length: int) -> str:
    """Trim a multi-line text input (line breaks and tabs allowed; other control, text-direction
    and zero-width characters refused).

    Raises:
        InvalidBooking: on the given `field`.
    """
    value = (value or "").strip().replace("\r\n", "\n")
    if any(
        unicodedata.category(char) in FORBIDDEN_CATEGORIES and char not in "\n\t" for char in value
    ):
        raise InvalidBooking(_("Control characters are not allowed here."), field=field)
    _refuse_invisible(value, field=field)
    if len(value) > max_length:
        raise InvalidBooking(
            _("Enter at most %(max)d characters.") % {"max": max_length}, field=field
        )
    return value
