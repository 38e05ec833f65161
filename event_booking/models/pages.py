"""Event pages: brokerage days, seminars, speed dating and international business events."""

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.api_fields import VENUE_FIELDS, ChoiceLabelField, LocalizedManyField, LocalizedSnippetField
from cms.api_streams import StreamJSONField
from cms.blocks import BodyBlock
from cms.models import PAGE_TEXT_FIELDS, Venue
from cms.visibility import SharedAncestorsMixin
from event_booking.bookable import BookableOption, BookablePage, OfferingSpec
from event_booking.calendar_entries import CalendarEntry, localized_venue, page_entry
from event_booking.models.offerings import OfferingKind
from event_booking.models.speed_dating import Objective, SidesThatMeet
from event_booking.scheduler.weights import MAX_SCORE


class EventKind(models.TextChoices):
    BUSINESS_BROKERAGE = "business-brokerage", _("Business brokerage day")
    SEMINAR = "seminar", _("Seminar")
    SPEED_DATING = "speed-dating", _("Speed dating")
    INTERNATIONAL = "international", _("International business event")
    CLUSTER_SEMINAR_DAY = "cluster-seminar-day", _("Cluster seminar day")


class EventPage(SharedAncestorsMixin, BookablePage, Page):
    """One event. Times are stored aware and shown in Europe/Budapest (TIME_ZONE).

    Bookable (`BookablePage`): it sells one offering, keyed by the page's translation key.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    summary = models.TextField(_("summary"), max_length=500, blank=True)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        "cms.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_link = models.URLField(_("online link"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    participating_clusters = ParentalManyToManyField(
        "cluster_pages.ClusterProfilePage",
        verbose_name=_("participating clusters"),
        blank=True,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Seats in all; empty means unlimited.")
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    max_seats_per_booking = models.PositiveSmallIntegerField(
        _("maximum seats per booking"), default=5, validators=[MinValueValidator(1)]
    )
    fee = models.DecimalField(
        _("fee (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("0 means free."),
    )
    description = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)

    # Speed dating (kind SPEED_DATING only; required then, ignored otherwise).
    speed_rounds = models.PositiveSmallIntegerField(_("rounds"), null=True, blank=True)
    speed_meeting_minutes = models.PositiveSmallIntegerField(
        _("meeting length (minutes)"), null=True, blank=True
    )
    speed_break_minutes = models.PositiveSmallIntegerField(
        _("break between rounds (minutes)"), default=5
    )
    speed_tables = models.PositiveSmallIntegerField(_("tables"), null=True, blank=True)
    speed_field = models.ForeignKey(
        "event_booking.FieldOfInterest",
        verbose_name=_("scientific field"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    speed_sides = models.CharField(
        _("who meets whom"),
        max_length=24,
        choices=SidesThatMeet.choices,
        default=SidesThatMeet.COMPANIES_RESEARCHERS,
    )
    speed_request_deadline = models.DateTimeField(
        _("meeting request deadline"), null=True, blank=True
    )
    speed_max_requests = models.PositiveSmallIntegerField(
        _("maximum requests per participant"), default=8
    )
    speed_objective = models.CharField(
        _("objective"), max_length=12, choices=Objective.choices, default=Objective.MOST_WANTED
    )
    speed_min_meetings = models.PositiveSmallIntegerField(
        _("N (meetings everyone should get)"),
        null=True,
        blank=True,
        help_text=_("Empty: as many as the scheduler can give everyone."),
    )

    content_panels = [
        *Page.content_panels,
        "kind",
        "summary",
        MultiFieldPanel(
            [
                FieldRowPanel(["start", "end"]),
                FieldRowPanel(["venue", "online_link"]),
                "organiser",
                FieldPanel("participating_clusters", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["capacity", "max_seats_per_booking", "fee"]),
                FieldRowPanel(["registration_opens", "registration_closes"]),
            ],
            heading=_("Registration"),
        ),
        "description",
    ]
    speed_dating_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(["speed_rounds", "speed_meeting_minutes", "speed_break_minutes"]),
                FieldRowPanel(["speed_tables", "speed_field", "speed_sides"]),
                FieldRowPanel(["speed_request_deadline", "speed_max_requests"]),
                FieldRowPanel(["speed_objective", "speed_min_meetings"]),
            ],
            heading=_("Speed dating"),
            help_text=_("Only for events of kind speed dating; required there."),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(speed_dating_panels, heading=_("Speed dating")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("organiser"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("kind_display", serializer=ChoiceLabelField(source="kind")),
        APIField("summary"),
        APIField("start"),
        APIField("end"),
        APIField("venue", serializer=LocalizedSnippetField(fields=VENUE_FIELDS)),
        # Never the join link itself: confirmed bookings get it (services.joining).
        APIField("is_online", serializer=serializers.BooleanField(read_only=True)),
        APIField("organiser"),
        APIField("participating_clusters", serializer=LocalizedManyField()),
        APIField("capacity"),
        APIField("registration_opens"),
        APIField("registration_closes"),
        APIField("max_seats_per_booking"),
        APIField("fee"),
        APIField("description", serializer=StreamJSONField()),
        # "booking" (live seats and registration window) is added to every bookable page
        # type by event_booking (api_fields.add_booking_api_field).
    ]

    parent_page_types = ["event_booking.EventIndexPage"]
    subpage_types: list[str] = []

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        TranslatableField("summary"),
        TranslatableField("organiser"),
        TranslatableField("description"),
        SynchronizedField("kind"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("venue"),
        SynchronizedField("online_link"),
        SynchronizedField("participating_clusters"),
        SynchronizedField("capacity"),
        SynchronizedField("max_seats_per_booking"),
        SynchronizedField("registration_opens"),
        SynchronizedField("registration_closes"),
        SynchronizedField("fee"),
        SynchronizedField("speed_rounds"),
        SynchronizedField("speed_meeting_minutes"),
        SynchronizedField("speed_break_minutes"),
        SynchronizedField("speed_tables"),
        SynchronizedField("speed_field"),
        SynchronizedField("speed_sides"),
        SynchronizedField("speed_request_deadline"),
        SynchronizedField("speed_max_requests"),
        SynchronizedField("speed_objective"),
        SynchronizedField("speed_min_meetings"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def is_online(self) -> bool:
        """Held online (it has a join link, which only confirmed bookings see)."""
        return bool(self.online_link)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes < self.registration_opens
        ):
            errors["registration_closes"] = _("Registration cannot close before it opens.")
        if self.kind == EventKind.SPEED_DATING:
            errors.update(self.speed_dating_errors())
        if errors:
            raise ValidationError(errors)

    def speed_dating_errors(self) -> dict[str, Any]:
        """Field errors of the speed-dating settings (each required; the rounds must fit
        between the start and the end; requests close before the event starts)."""
        errors: dict[str, Any] = {}
        required = _("Required for a speed-dating event.")
        at_least_one = _("Must be at least 1.")
        for name in ("speed_rounds", "speed_meeting_minutes", "speed_tables"):
            value = getattr(self, name)
            if value is None:
                errors[name] = required
            elif value < 1:
                errors[name] = at_least_one
        if self.speed_max_requests is not None and self.speed_max_requests < 1:
            errors["speed_max_requests"] = at_least_one
        elif self.speed_max_requests and self.speed_max_requests > MAX_SCORE:
            errors["speed_max_requests"] = _("At most %(max)s.") % {"max": MAX_SCORE}
        if self.speed_field_id is None:
            errors["speed_field"] = required
        if self.speed_request_deadline is None:
            errors["speed_request_deadline"] = required
        elif self.start and self.speed_request_deadline >= self.start:
            errors["speed_request_deadline"] = _("The deadline must be before the event starts.")
        if self.speed_objective == Objective.AT_LEAST_N and self.speed_min_meetings == 0:
            errors["speed_min_meetings"] = at_least_one
        if (
            self.speed_min_meetings
            and self.speed_rounds
            and self.speed_min_meetings > self.speed_rounds
        ):
            errors["speed_min_meetings"] = _("Nobody can have more meetings than rounds.")
        if not errors and self.start and self.end:
            needed = self.speed_rounds * self.speed_meeting_minutes + (
                (self.speed_rounds - 1) * self.speed_break_minutes
            )
            if self.start + dt.timedelta(minutes=needed) > self.end:
                errors["speed_rounds"] = _(
                    "%(rounds)s rounds need %(minutes)s minutes: more than the event lasts."
                ) % {"rounds": self.speed_rounds, "minutes": needed}
        return errors

    # --- BookablePage ---------------------------------------------------------------------

    def offering_specs(self) -> list[OfferingSpec]:
        """One offering; registration closes at the deadline, or else when the event starts."""
        return [
            OfferingSpec(
                translation_key=self.translation_key,
                kind=OfferingKind.EVENT,
                title=self.title[:255],
                capacity=self.capacity,
                max_seats_per_booking=self.max_seats_per_booking,
                registration_opens=self.registration_opens,
                registration_closes=self.registration_closes or self.start,
                starts_at=self.start,
                ends_at=self.end,
                fee=self.fee,
            )
        ]

    @classmethod
    def bookable_options_for(cls, pages: Sequence[Any]) -> dict[int, list[BookableOption]]:
        """One option per event, without an id. No query: the venue is left out (it is the
        page's own, shown by the page), so a listing of events does not load venues."""
        return {
            page.pk: [
                BookableOption(
                    option_id=None,
                    translation_key=page.translation_key,
                    start_date=timezone.localtime(page.start).date(),
                    end_date=timezone.localtime(page.end).date(),
                )
            ]
            for page in pages
        }

    def calendar_entry(self, offering_key: uuid.UUID) -> CalendarEntry | None:
        return self.event_entry() if offering_key == self.translation_key else None

    def event_entry(self, venue: Venue | None = None) -> CalendarEntry:
        """The calendar entry of this event in its language; `venue` already localized
        (looked up when omitted)."""
        if venue is None:
            venue = localized_venue(self.venue, self.locale)
        return page_entry(
            self,
            translation_key=self.translation_key,
            start=self.start,
            end=self.end,
            all_day=False,
            venue=venue,
            online_link=self.online_link,
            online=bool(self.online_link) and venue is None,
        )
