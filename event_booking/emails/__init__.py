"""Rendering booking e-mails: HTML with a plain-text part, in the booking's language.

`build_message(outbox)` turns one outbox row into a ready `EmailMultiAlternatives`. Everything
is rendered inside `translation.override(booking.language)`: the subject and texts (gettext,
plain-English msgids), the offering's title (its page's translation in that language when
live, else the source page, see `calendars.offering_entry`), dates and numbers (formatted for
the language, times in Europe/Budapest). The offering's page is the live, *public* one
(`services.pages.offering_page`): a translation behind a password is never named.
Speed-dating kinds add their agenda (with its `.ics`) or feedback link (`emails.speed_dating`).
Templates: `event_booking/emails/message.{txt,html}`. The organisation's name in the header,
the signature and the sender's display name is `settings.ORGANISATION_NAME` in that language;
the sender's address is the one in `DEFAULT_FROM_EMAIL` (its display name is not used).

Header safety: the only header built from something a person typed is `To`, and it holds the
booking's address only after `validate_email` accepted it (no display name: a name is user
text). The subject holds the editor-written title with every run of whitespace, line breaks
included, collapsed to one space. An invalid address raises `UndeliverableAddress`, which the
delivery job records as a permanent failure instead of retrying.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from event_booking import calendars
from event_booking.calendar_entries import CalendarEntry
from event_booking.emails.speed_dating import speed_context, speed_texts
from event_booking.models import Booking, BookingStatus, EmailKind, EmailOutbox
from event_booking.services.joining import join_link_for
from event_booking.services.payment import Price, amount_payable, price_of
from event_booking.services.waitlist import waitlist_position
from event_booking.tokens import manage_url

#: Kinds that confirm a seat: they carry the offering's `.ics` when it has a date.
KINDS_WITH_CALENDAR = (EmailKind.CONFIRMATION, EmailKind.PROMOTED)

TEMPLATE_TEXT = "event_booking/emails/message.txt"
TEMPLATE_HTML = "event_booking/emails/message.html"


class UndeliverableAddress(ValueError):
    """The booking's address is not a valid e-mail address: retrying cannot help."""


@dataclass(frozen=True)
class Texts:
    subject: str
    heading: str
    lead: str


def _texts(kind: str, title: str, waitlist_position: int | None) -> Texts:
    """Subject, heading and opening paragraph of one kind, in the active language."""
    if kind == EmailKind.CONFIRMATION:
        return Texts(
            _("Booking confirmed: %(title)s") % {"title": title},
            _("Your booking is confirmed"),
            _("Thank you for your booking. Your seats are reserved; the details are below."),
        )
    if kind == EmailKind.WAITLISTED:
        lead = _(
            "All seats are taken, so we have put you on the waiting list. If seats become "
            "free, you move up automatically and we will write to you at once."
        )
        if waitlist_position:
            place = _("Your place on the waiting list: %(position)s.")
            lead = f"{lead} {place % {'position': waitlist_position}}"
        return Texts(
            _("You are on the waiting list: %(title)s") % {"title": title},
            _("You are on the waiting list"),
            lead,
        )
    if kind == EmailKind.PROMOTED:
        return Texts(
            _("A seat is yours: %(title)s") % {"title": title},
            _("Good news: your booking is confirmed"),
            _(
                "Seats have become free and your booking has moved from the waiting list to "
                "confirmed. Your seats are reserved; the details are below."
            ),
        )
    if kind == EmailKind.CANCELLED:
        return Texts(
            _("Booking cancelled: %(title)s") % {"title": title},
            _("Your booking is cancelled"),
            _(
                "Your booking has been cancelled and its seats are released. If this was a "
                "mistake, you are welcome to book again while registration is open."
            ),
        )
    if kind == EmailKind.REMINDER:
        return Texts(
            _("Reminder: %(title)s starts soon") % {"title": title},
            _("See you soon"),
            _("This is a reminder of your booking below: it starts within a day."),
        )
    if kind == EmailKind.MANAGE_LINK:
        return Texts(
            _("Your booking link: %(title)s") % {"title": title},
            _("Your booking link"),
            _(
                "Someone (we hope you) asked to book again with this address. You already have "
                "a booking; use the link below to see, change or cancel it. If it was not you, "
                "you can ignore this message."
            ),
        )
    if kind == EmailKind.SPEED_REQUEST_REMINDER:
        return Texts(
            _("Choose whom to meet: %(title)s") % {"title": title},
            _("You have not requested any meetings yet"),
            _(
                "The request deadline is in two days. Open the link below to see the other "
                "participants' profiles and send your meeting requests: the schedule is made "
                "from them."
            ),
        )
    if speed := speed_texts(kind, title):
        return Texts(*speed)
    raise ValueError(f"Unknown e-mail kind: {kind!r}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def format_when(entry: CalendarEntry) -> str:
    """The date (and time, in Budapest) of an entry, formatted for the active language."""
    if entry.start is None:
        return ""
    if entry.all_day:
        first = formats.date_format(entry.start, "DATE_FORMAT")
        if entry.end is None or entry.end == entry.start:
            return first
        return f"{first} – {formats.date_format(entry.end, 'DATE_FORMAT')}"
    start = entry.start
    text = f"{formats.date_format(start, 'DATE_FORMAT')} {formats.time_format(start)}"
    end = entry.end
    if isinstance(end, dt.datetime):
        if end.date() == start.date():
            text += f"–{formats.time_format(end)}"
        else:
            text += f" – {formats.date_format(end, 'DATE_FORMAT')} {formats.time_format(end)}"
    return _("%(when)s (Budapest time)") % {"when": text}


def _payment(booking: Booking, kind: str) -> str | None:
    """Which payment note the message carries: "due", "if_confirmed" or none (free)."""
    if not booking.amount_due or booking.amount_due <= 0 or kind == EmailKind.CANCELLED:
        return None
    if amount_payable(booking):
        return "due"
    if booking.status == BookingStatus.WAITLISTED:
        return "if_confirmed"
    return None


def _money(amount: Decimal) -> str:
    return formats.number_format(amount, 2, use_l10n=True, force_grouping=True)


def _vat_text(price: Price, currency: str) -> str:
    """What follows the net amount due: "net + 27% VAT (270.00 EUR) = 1,270.00 EUR", in the
    active language; empty when no VAT is charged."""
    if not price.vat_percent:
        return ""
    net_and_rate = _("net + %(percent)s%% VAT") % {
        "percent": formats.number_format(price.vat_percent, use_l10n=True)
    }
    return f"{net_and_rate} ({_money(price.vat)} {currency}) = {_money(price.gross)} {currency}"


def message_language(booking: Booking) -> str:
    """The booking's language if the site offers it, else the default language."""
    codes = {code for code, _name in settings.LANGUAGES}
    return booking.language if booking.language in codes else settings.LANGUAGE_CODE


def sender(organisation_name: str) -> str:
    """`From` of booking e-mails: the organisation's name (already translated) and the address
    of `DEFAULT_FROM_EMAIL`."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return str(Address(display_name=organisation_name, addr_spec=address))


def build_message(outbox: EmailOutbox) -> EmailMultiAlternatives:
    """The e-mail for one outbox row, ready to send (see the module docstring).

    Raises:
        UndeliverableAddress: the booking's address is not valid.
    """
    booking = outbox.booking
    try:
        validate_email(booking.email)
    except ValidationError as error:
        raise UndeliverableAddress(f"Invalid recipient address for {booking.reference}") from error
    language = message_language(booking)
    with translation.override(language):
        entry = calendars.offering_entry(booking.offering, language)
        title = _one_line(entry.title)
        texts = _texts(outbox.kind, title, waitlist_position(booking))
        amount_due = booking.amount_due or Decimal("0")
        context = {
            "kind": outbox.kind,
            "texts": texts,
            "booking": booking,
            "name": booking.name,
            "entry": entry,
            "title": title,
            "when": format_when(entry),
            "status": booking.get_status_display(),
            "language": language,
            "payment": _payment(booking, outbox.kind),
            "amount_due": _money(amount_due),
            "vat": _vat_text(price_of(amount_due), booking.currency),
            "currency": booking.currency,
            "billing_address": _one_line(booking.billing_address),
            "manage_url": manage_url(booking),
            "join_link": join_link_for(booking, entry.online_link),
            "site_name": str(settings.ORGANISATION_NAME),
            "has_calendar": False,
            "show_manage_link": True,
        }
        ics = None
        if outbox.kind in KINDS_WITH_CALENDAR:
            ics = calendars.entry_ics(entry, join_link=context["join_link"])
            context["has_calendar"] = ics is not None
        extra, speed_ics = speed_context(booking, outbox.kind, language)
        context.update(extra)
        ics = ics or speed_ics
        text_body = render_to_string(TEMPLATE_TEXT, context)
        html_body = render_to_string(TEMPLATE_HTML, context)
        subject = _one_line(texts.subject)
        from_email = sender(context["site_name"])
    message = EmailMultiAlternatives(
        subject=subject,
        body=text_body,
        from_email=from_email,
        to=[booking.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html_body, "text/html")
    if ics is not None:
        message.attach(f"{booking.reference}.ics", ics, "text/calendar")
    return message
