"""The public booking form of event and training pages, and what it offers for a page.

`booking_setup(page)` reads (never changes) what a page can be booked for right now: the
offering of an event, or the open runs of a training, with availability, fee and the current
consent text; or why the form is replaced by a notice (not open yet, closed, over). The form
itself only checks the shape of the input; the booking service re-checks everything under
the offering's lock and has the last word (its errors are put next to the same fields).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.template.defaultfilters import date as date_filter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Page

from cms.localization import localized_all, shown_only
from event_booking.bookable import is_bookable
from event_booking.models import ConsentText, Offering, Side
from event_booking.services.availability import (
    Availability,
    availability_of,
    registration_error,
    with_seat_counts,
)
from event_booking.services.consent import consent_text, current_consent
from event_booking.services.errors import (
    BookingError,
    OfferingOver,
    RegistrationClosed,
    RegistrationNotOpen,
)
from event_booking.services.offerings import resolve_offering
from event_booking.services.payment import Price, price_of
from event_booking.services.speed_dating_profiles import (
    PROFILE_TEXT_LENGTH,
    cluster_choices,
    interest_choices,
    is_speed_dating,
)

OPEN = "open"
NOT_YET_OPEN = "not-yet-open"
CLOSED = "closed"
OVER = "over"
UNAVAILABLE = "unavailable"

#: Name of the honeypot field: hidden from people, tempting for bots. Not "website" or "url",
#: which browsers' autofill may complete for a real person.
HONEYPOT_FIELD = "contact_me_by_fax"


def honeypot_field() -> forms.CharField:
    """The honeypot: a text field hidden by CSS (`.booking-hp`) that people leave empty."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


@dataclass(frozen=True)
class RunChoice:
    """One open training run on the form: the run's id in the page's language."""

    run_id: int
    offering: Offering
    availability: Availability
    start_date: dt.date
    end_date: dt.date
    venue_name: str = ""


@dataclass(frozen=True)
class BookingSetup:
    """What the booking area of a page shows.

    `state` is OPEN (show the form), NOT_YET_OPEN, CLOSED, OVER or UNAVAILABLE (no notice at
    all: not a bookable page, or a preview). For an open event `offering` and `availability`
    are set; for an open training `runs` lists its open runs (one or more).
    """

    page: Page
    state: str
    language: str
    offering: Offering | None = None
    availability: Availability | None = None
    runs: list[RunChoice] = field(default_factory=list)
    consent: ConsentText | None = None
    opens: dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.state == OPEN

    @property
    def fee(self) -> Decimal:
        offerings = [self.offering] if self.offering else [run.offering for run in self.runs]
        return max((o.fee for o in offerings), default=Decimal("0"))

    @property
    def currency(self) -> str:
        offering = self.offering or (self.runs[0].offering if self.runs else None)
        return offering.currency if offering else "EUR"

    @property
    def is_paid(self) -> bool:
        return self.fee > 0

    @property
    def price_per_seat(self) -> Price:
        """The fee per seat with its VAT and gross amount."""
        return price_of(self.fee)

    @property
    def max_seats(self) -> int:
        offerings = [self.offering] if self.offering else [run.offering for run in self.runs]
        return max((o.max_seats_per_booking for o in offerings), default=1)

    @property
    def consent_text(self) -> str:
        return consent_text(self.consent, self.language) if self.consent else ""


def _state_of(error: BookingError | None) -> str:
    if error is None:
        return OPEN
    if isinstance(error, RegistrationNotOpen):
        return NOT_YET_OPEN
    if isinstance(error, OfferingOver):
        return OVER
    return CLOSED


def booking_setup(page: Page) -> BookingSetup:
    """What the booking area of `page` shows now (see `BookingSetup`). Read-only: a GET
    never creates an offering; a page whose offering does not exist is UNAVAILABLE.

    Only a live, public bookable page can be booked; anything else (a draft in preview,
    another page type) is UNAVAILABLE and shows nothing.
    """
    page = page.specific
    language = page.locale.language_code if page.pk else "hu"
    unavailable = BookingSetup(page=page, state=UNAVAILABLE, language=language)
    if not is_bookable(page) or not page.pk or not page.live:
        return unavailable
    try:
        consent = current_consent()
    except BookingError:
        return unavailable
    now = timezone.now()
    if not page.offers_choice:
        try:
            offering = resolve_offering(page_id=page.pk, shown=page).offering
        except RegistrationClosed:
            return BookingSetup(page=page, state=CLOSED, language=language)
        except BookingError:
            return unavailable
        return BookingSetup(
            page=page,
            state=_state_of(registration_error(offering, now=now)),
            language=language,
            offering=offering,
            availability=availability_of(offering, now=now),
            consent=consent,
            opens=offering.registration_opens,
        )
    return _choice_setup(page, language=language, consent=consent, now=now)


def _choice_setup(
    page: Page, *, language: str, consent: ConsentText, now: dt.datetime
) -> BookingSetup:
    """A page with a choice (a training's runs): its options open for registration."""
    options = page.bookable_options()
    if not options:
        return BookingSetup(page=page, state=UNAVAILABLE, language=language)
    offerings = {
        o.translation_key: o
        for o in with_seat_counts(
            Offering.objects.filter(translation_key__in=[o.translation_key for o in options])
        )
    }
    venues = shown_only(localized_all([o.venue for o in options if o.venue], page.locale))
    venue_names = {v.translation_key: v.name for v in venues}
    choices = []
    for option in options:
        offering = offerings.get(option.translation_key)
        if offering is None or registration_error(offering, now=now) is not None:
            continue
        choices.append(
            RunChoice(
                run_id=option.option_id,
                offering=offering,
                availability=availability_of(offering, now=now),
                start_date=option.start_date,
                end_date=option.end_date,
                venue_name=venue_names.get(option.venue.translation_key, "")
                if option.venue
                else "",
            )
        )
    if not choices:
        return BookingSetup(page=page, state=CLOSED, language=language)
    return BookingSetup(page=page, state=OPEN, language=language, runs=choices, consent=consent)


def _run_label(choice: RunChoice) -> str:
    dates = date_filter(choice.start_date, "DATE_FORMAT")
    if choice.end_date != choice.start_date:
        dates = f"{dates} – {date_filter(choice.end_date, 'DATE_FORMAT')}"
    parts = [dates]
    if choice.venue_name:
        parts.append(choice.venue_name)
    left = choice.availability.seats_left
    if left is None:
        pass
    elif left == 0:
        parts.append(str(_("full: you join the waiting list")))
    else:
        parts.append(
            ngettext("%(count)d seat left", "%(count)d seats left", left) % {"count": left}
        )
    return ", ".join(parts)


def add_profile_fields(form: forms.Form, page: Page, *, language: str) -> None:
    """The speed-dating profile fields (see `services.speed_dating_profiles`): one seat, the
    organisation required, side, cluster (companies), interests, offer, look for, automatic
    acceptance and the explicit profile-visibility consent (unticked by default)."""
    fields = form.fields
    fields["seats"].widget = forms.HiddenInput()
    fields["organisation"].required = True
    fields["organisation"].help_text = _("Other participants of this event see it.")
    fields["side"] = forms.ChoiceField(
        label=_("I take part as"), choices=Side.choices, widget=forms.RadioSelect
    )
    clusters = cluster_choices(page)
    if clusters:
        fields["cluster"] = forms.TypedChoiceField(
            label=_("Cluster (companies)"),
            coerce=int,
            required=False,
            empty_value=None,
            choices=[("", "—"), *clusters],
        )
    fields["interests"] = forms.TypedMultipleChoiceField(
        label=_("Fields of interest"),
        coerce=int,
        choices=interest_choices(language),
        widget=forms.CheckboxSelectMultiple,
    )
    for name, label in (("offer", _("What you offer")), ("look_for", _("What you look for"))):
        fields[name] = forms.CharField(
            label=label,
            max_length=PROFILE_TEXT_LENGTH,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("Shown to the other participants as you write it."),
        )
    fields["auto_accept"] = forms.BooleanField(
        label=_("Accept meeting requests automatically"), required=False
    )
    fields["profile_consent"] = forms.BooleanField(
        label=_("Other participants of this event may see my profile (needed for matchmaking)."),
        error_messages={
            "required": _(
                "Agree that the other participants of this event see your profile: "
                "matchmaking needs it."
            )
        },
    )


class BookingForm(forms.Form):
    """The booking form of one page. Build it with the page's `BookingSetup`.

    Fields: name, email, organisation, phone, seats, `run` (only when a training has several
    open runs), tax number and billing address (only for paid offerings, then required with
    the organisation), the consent checkbox with the consent version shown, and a honeypot.
    """

    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send the confirmation and the link to manage your booking here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    seats = forms.IntegerField(label=_("Number of seats"), min_value=1, initial=1)
    consent = forms.BooleanField(
        label=_("I have read the privacy notice above and agree to the processing of my data."),
        error_messages={"required": _("You must agree to the processing of your data to book.")},
    )
    consent_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, setup: BookingSetup, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "booking-%s")
        super().__init__(*args, **kwargs)
        self.setup = setup
        self.fields["seats"].widget.attrs.update({"min": 1, "max": setup.max_seats})
        self.fields["seats"].help_text = _("At most %(max)d per booking.") % {
            "max": setup.max_seats
        }
        if setup.consent:
            self.fields["consent_version"].initial = setup.consent.version
        if len(setup.runs) > 1:
            self.fields["run"] = forms.TypedChoiceField(
                label=_("Date"),
                coerce=int,
                choices=[(choice.run_id, _run_label(choice)) for choice in setup.runs],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a date.")},
            )
            self.order_fields(["run"])
        if setup.is_paid:
            self.fields["organisation"].required = True
            self.fields["organisation"].help_text = _("The invoice is made out to it.")
            self.fields["tax_number"] = forms.CharField(label=_("Tax number"), max_length=40)
            self.fields["billing_address"] = forms.CharField(
                label=_("Billing address"),
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
            )
        if is_speed_dating(setup.page):
            add_profile_fields(self, setup.page, language=setup.language)
        self.fields[HONEYPOT_FIELD] = honeypot_field()

    @property
    def honeypot(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]

    def visible_booking_fields(self) -> list[forms.BoundField]:
        """The fields a person fills in, in order, without the honeypot and consent."""
        skip = {HONEYPOT_FIELD, "consent", "consent_version"}
        return [self[name] for name in self.fields if name not in skip]

    def clean_seats(self) -> int:
        seats = self.cleaned_data["seats"]
        if seats > self.setup.max_seats:
            raise forms.ValidationError(
                _("You can book at most %(max)d seats at once."),
                params={"max": self.setup.max_seats},
            )
        return seats

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _(
                    "Your booking could not be accepted. Please try again without filling in "
                    "hidden fields."
                ),
                code="honeypot",
            )
        shown = cleaned.get("consent_version")
        if self.setup.consent and shown is not None and shown != self.setup.consent.version:
            self.add_error(
                "consent",
                _(
                    "The privacy notice has changed since the page was loaded: please read it "
                    "again and confirm."
                ),
            )
        return cleaned

    #: Shorter names in the error summary for fields whose label is a whole sentence.
    SUMMARY_LABELS: dict[str, Any] = {"consent": _("Privacy notice")}

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id, short name, first error) of each visible field with an error, in order:
        the links of the error summary above the form."""
        return [
            (field.auto_id, str(self.SUMMARY_LABELS.get(field.name, field.label)), field.errors[0])
            for field in self
            if field.errors and not field.is_hidden
        ]

    def mark_invalid_fields(self) -> None:
        """Set `aria-invalid` on every field that has an error (after validation)."""
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"
                self.fields[name].widget.attrs["aria-describedby"] = f"booking-{name}-error"
