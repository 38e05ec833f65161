"""Serializers of the booking API: what a request may carry and what a response holds.

Input serializers check types and shapes only; the rules (seats per booking, registration
window, waiting list) live in the services, which raise domain errors that the API maps to
400/409. Responses never carry personal data (name, e-mail, phone, organisation).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from event_booking.models import Booking, Side
from event_booking.services import bookings as booking_services
from event_booking.services.errors import InvalidBooking
from event_booking.services.pages import offering_page
from event_booking.services.payment import amount_payable
from event_booking.services.speed_dating_profiles import PROFILE_TEXT_LENGTH
from event_booking.tokens import manage_url

# Ids beyond these would make PostgreSQL fail with "out of range" instead of "not found".
MAX_PAGE_ID = 2**31 - 1
MAX_ROW_ID = 2**63 - 1


def _single_line(field: str, max_length: int) -> Any:
    def validate(value: str) -> str:
        try:
            return booking_services.clean_single_line(
                value, field=field, max_length=max_length, required=False
            )
        except InvalidBooking as error:
            raise serializers.ValidationError(str(error.message)) from error

    return validate


class BookingRequestSerializer(serializers.Serializer):
    """`POST /api/bookings/`: book seats of an event or of a training run."""

    page = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_ID,
        help_text=_("Id of the event or training page, in either language."),
    )
    run = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ROW_ID,
        required=False,
        allow_null=True,
        help_text=_(
            "Id of the training run (see the page's booking.runs); needed when the training "
            "has several open runs."
        ),
    )
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254)
    organisation = serializers.CharField(max_length=200, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    tax_number = serializers.CharField(
        max_length=40,
        required=False,
        allow_blank=True,
        help_text=_("For the invoice of a paid offering."),
    )
    billing_address = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        help_text=_("For the invoice of a paid offering."),
    )
    seats = serializers.IntegerField(min_value=1, max_value=1000, required=False, default=1)
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        required=False,
        help_text=_("Language of the e-mails and the manage page; default: the page's."),
    )
    consent = serializers.BooleanField(
        help_text=_("Must be true: the booker agrees to the current consent text.")
    )
    # The speed-dating profile: required for speed-dating events (checked by the booking
    # service, errors under these names), ignored for other pages.
    side = serializers.ChoiceField(
        choices=Side.values,
        required=False,
        help_text=_("Speed dating: company or researcher."),
    )
    cluster = serializers.IntegerField(
        min_value=1,
        max_value=MAX_PAGE_ID,
        required=False,
        allow_null=True,
        help_text=_("Speed dating, companies: id of one of the event's participating clusters."),
    )
    interests = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ROW_ID),
        required=False,
        max_length=50,
        help_text=_("Speed dating: ids of fields of interest (at least one)."),
    )
    offer = serializers.CharField(
        max_length=PROFILE_TEXT_LENGTH,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text=_("Speed dating: what the participant offers."),
    )
    look_for = serializers.CharField(
        max_length=PROFILE_TEXT_LENGTH,
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text=_("Speed dating: what the participant looks for."),
    )
    auto_accept = serializers.BooleanField(
        required=False, default=False, help_text=_("Speed dating: accept requests automatically.")
    )
    profile_consent = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_(
            "Speed dating: must be true: the other participants of this event may see the profile."
        ),
    )

    def validate_name(self, value: str) -> str:
        return _single_line("name", 200)(value)

    def validate_organisation(self, value: str) -> str:
        return _single_line("organisation", 200)(value)

    def validate_phone(self, value: str) -> str:
        return _single_line("phone", 40)(value)

    def validate_tax_number(self, value: str) -> str:
        return _single_line("tax_number", 40)(value)

    def validate_email(self, value: str) -> str:
        try:
            return booking_services.clean_email(value)
        except InvalidBooking as error:
            raise serializers.ValidationError(str(error.message)) from error

    def validate_consent(self, value: bool) -> bool:
        if value is not True:
            raise serializers.ValidationError(
                _("You must agree to the processing of your data to book.")
            )
        return value


class BookingSummarySerializer(serializers.Serializer):
    """A booking as its owner (or a repeated request) may see it: no personal data."""

    reference = serializers.CharField()
    status = serializers.ChoiceField(
        choices=["confirmed", "waitlisted", "cancelled", "left-waitlist"]
    )
    waitlist_position = serializers.IntegerField(
        allow_null=True, help_text=_("1 = next in line; null unless waitlisted.")
    )
    seats = serializers.IntegerField()
    amount_due = serializers.DecimalField(
        max_digits=10,
        decimal_places=2,
        allow_null=True,
        help_text=_("What the booker owes; null unless the booking is confirmed."),
    )
    currency = serializers.CharField()


class BookingCreatedSerializer(BookingSummarySerializer):
    """201: a new booking, with the token that manages it (shown once; also e-mailed)."""

    token = serializers.CharField()
    manage_url = serializers.URLField()


class BookingExistingSerializer(BookingSummarySerializer):
    """200: this address already holds an active booking of the offering; no token."""

    detail = serializers.CharField()


class OfferingSummarySerializer(serializers.Serializer):
    title = serializers.CharField()
    starts_at = serializers.DateTimeField(allow_null=True)
    ends_at = serializers.DateTimeField(allow_null=True)


class BookingDetailSerializer(BookingSummarySerializer):
    """`GET /api/bookings/<reference>/?token=...`: the booking, for its owner."""

    language = serializers.CharField()
    reminders_enabled = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    offering = OfferingSummarySerializer()
    manage_url = serializers.URLField()


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=100)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


def booking_data(booking: Booking, *, position: int | None, **extra: Any) -> dict[str, Any]:
    """The summary fields of `booking`, plus `extra`; `amount_due` is null unless the booking
    is confirmed (`services.payment.amount_payable`)."""
    payable = amount_payable(booking)
    return {
        "reference": booking.reference,
        "status": booking.status,
        "waitlist_position": position,
        "seats": booking.seats,
        "amount_due": None if payable is None else f"{payable:.2f}",
        "currency": booking.currency,
        **extra,
    }


def booking_detail_data(booking: Booking, *, position: int | None) -> dict[str, Any]:
    """The detail fields of `booking` for its owner; the offering's title is its live,
    public page's in the booker's language (`services.pages.offering_page`)."""
    offering = booking.offering
    page = offering_page(offering, booking.language)
    return booking_data(
        booking,
        position=position,
        language=booking.language,
        reminders_enabled=booking.reminders_enabled,
        created_at=booking.created_at.isoformat(),
        offering={
            "title": page.title if page is not None else offering.title,
            "starts_at": offering.starts_at.isoformat() if offering.starts_at else None,
            "ends_at": offering.ends_at.isoformat() if offering.ends_at else None,
        },
        manage_url=manage_url(booking),
    )
