"""The catalog of cluster-management trainings and their scheduled runs."""

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.api_fields import ChoiceLabelField, LocalizedSnippetField
from cms.api_streams import StreamJSONField
from cms.blocks import TrainerBlock
from cms.models import PAGE_TEXT_FIELDS
from cms.request_memo import memoised
from cms.visibility import SharedAncestorsMixin
from cms.workflow.snippets import ReviewedSnippetMixin
from event_booking.bookable import BookableOption, BookablePage, OfferingSpec, local_midnight
from event_booking.calendar_entries import CalendarEntry, localized_venue, page_entry
from event_booking.models import OfferingKind
from training_catalog.api_fields import TrainingRunsField


def run_dates(start: dt.date, end: dt.date) -> str:
    """A run's days as ISO dates: one date for a one-day run, else "first – last"."""
    if end == start:
        return f"{start:%Y-%m-%d}"
    return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"


class TrainingTopic(ReviewedSnippetMixin, TranslatableMixin, models.Model):
    """A topic of the catalog (e.g. cluster strategy); the slug is shared by translations."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("training topic")
        verbose_name_plural = _("training topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class TrainingLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class DeliveryLanguage(models.TextChoices):
    HUNGARIAN = "hu", _("Hungarian")
    ENGLISH = "en", _("English")
    BILINGUAL = "hu-en", _("Hungarian and English")


class TrainingPage(SharedAncestorsMixin, BookablePage, Page):
    """A paid cluster-management training with its scheduled runs.

    Bookable (`BookablePage`): each run is an offering, keyed by the run's translation key;
    the reader chooses a run by its id (either language's row).
    """

    offers_choice = True

    topic = models.ForeignKey(
        TrainingTopic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=500)
    learning_outcomes = RichTextField(
        _("learning outcomes"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    audience = models.TextField(_("audience"), blank=True)
    level = models.CharField(
        _("level"), max_length=20, choices=TrainingLevel.choices, default=TrainingLevel.INTRODUCTORY
    )
    duration_days = models.PositiveSmallIntegerField(_("duration in days"), default=1)
    duration_hours = models.PositiveSmallIntegerField(_("duration in hours"), default=8)
    delivery_language = models.CharField(
        _("delivery language"),
        max_length=8,
        choices=DeliveryLanguage.choices,
        default=DeliveryLanguage.HUNGARIAN,
    )
    price_eur = models.DecimalField(
        _("price per person (EUR)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    max_seats_per_booking = models.PositiveSmallIntegerField(
        _("maximum seats per booking"), default=5, validators=[MinValueValidator(1)]
    )
    vat_note = models.CharField(
        _("VAT note"), max_length=200, blank=True, help_text=_("For example: plus 27% VAT.")
    )
    trainers = StreamField([("trainer", TrainerBlock())], verbose_name=_("trainers"), blank=True)
    materials = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("training material"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        "topic",
        "summary",
        "learning_outcomes",
        "audience",
        MultiFieldPanel(
            [
                FieldRowPanel(["level", "delivery_language"]),
                FieldRowPanel(["duration_days", "duration_hours"]),
                FieldRowPanel(["price_eur", "vat_note", "max_seats_per_booking"]),
            ],
            heading=_("Format and price"),
        ),
        "trainers",
        "materials",
        InlinePanel("runs", heading=_("Scheduled runs"), label=_("Run")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.SearchField("audience"),
    ]

    api_fields = [
        APIField("topic", serializer=LocalizedSnippetField(fields=("name", "slug"))),
        APIField("summary"),
        APIField("learning_outcomes"),
        APIField("audience"),
        APIField("level"),
        APIField("level_display", serializer=ChoiceLabelField(source="level")),
        APIField("duration_days"),
        APIField("duration_hours"),
        APIField("delivery_language"),
        APIField(
            "delivery_language_display", serializer=ChoiceLabelField(source="delivery_language")
        ),
        APIField("price_eur"),
        APIField("vat_note"),
        APIField("max_seats_per_booking"),
        APIField("trainers", serializer=StreamJSONField()),
        APIField("materials", serializer=StreamJSONField()),
        APIField("runs", serializer=TrainingRunsField()),
        # "booking" (live seats and registration window) is added to every bookable page
        # type by event_booking (api_fields.add_booking_api_field).
    ]

    parent_page_types = ["training_catalog.TrainingIndexPage"]
    subpage_types: list[str] = []

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        TranslatableField("summary"),
        TranslatableField("learning_outcomes"),
        TranslatableField("audience"),
        TranslatableField("vat_note"),
        TranslatableField("trainers"),
        SynchronizedField("topic"),
        SynchronizedField("level"),
        SynchronizedField("duration_days"),
        SynchronizedField("duration_hours"),
        SynchronizedField("delivery_language"),
        SynchronizedField("price_eur"),
        SynchronizedField("max_seats_per_booking"),
        SynchronizedField("materials"),
        # Runs are translatable orderables: wagtail-localize keeps each run's row (and id) per
        # locale, matched by translation key, instead of recreating it on every sync. Bookings
        # refer to the translation key, which both languages share.
        SynchronizedField("runs"),
    ]

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    # --- BookablePage ---------------------------------------------------------------------

    def offering_specs(self) -> list[OfferingSpec]:
        """One offering per run. A run has dates only: it starts at midnight (Budapest) of
        its first day and ends at midnight after its last; registration has no opening time
        and closes at the run's deadline, or else at the start of its first day. Fee and
        seats per booking come from the training."""
        return [
            OfferingSpec(
                translation_key=run.translation_key,
                kind=OfferingKind.TRAINING_RUN,
                title=f"{self.title[:200]}: {run_dates(run.start_date, run.end_date)}",
                capacity=run.seats,
                max_seats_per_booking=self.max_seats_per_booking,
                registration_opens=None,
                registration_closes=run.registration_closes or local_midnight(run.start_date),
                starts_at=local_midnight(run.start_date),
                ends_at=local_midnight(run.end_date + dt.timedelta(days=1)),
                fee=self.price_eur,
            )
            for run in self.runs.all().order_by("start_date", "pk")
        ]

    @classmethod
    def runs_of(cls, page_ids: Sequence[int]) -> list["TrainingRun"]:
        """The stored runs of the trainings `page_ids` with their venues, in no particular
        order: read once per request (the API's `runs` and `booking` fields, the booking
        form), in one query."""
        ids = tuple(sorted(set(page_ids)))
        return memoised(
            ("training_runs", ids),
            lambda: list(TrainingRun.objects.filter(page_id__in=ids).select_related("venue")),
        )

    @classmethod
    def bookable_options_for(cls, pages: Sequence[Any]) -> dict[int, list[BookableOption]]:
        """The runs of each page, by start date (one query, shared: `runs_of`)."""
        options: dict[int, list[BookableOption]] = {page.pk: [] for page in pages}
        runs = sorted(
            cls.runs_of(list(options)), key=lambda run: (run.start_date, run.sort_order, run.pk)
        )
        for run in runs:
            options[run.page_id].append(
                BookableOption(
                    option_id=run.pk,
                    translation_key=run.translation_key,
                    start_date=run.start_date,
                    end_date=run.end_date,
                    venue=run.venue,
                )
            )
        return options

    def offering_key_for(self, option_id: int) -> uuid.UUID | None:
        """The key of run `option_id` when it is a run of this training (either language)."""
        return (
            TrainingRun.objects.filter(pk=option_id, page__translation_key=self.translation_key)
            .values_list("translation_key", flat=True)
            .first()
        )

    @classmethod
    def page_for_option(cls, option_id: int) -> tuple["TrainingPage", uuid.UUID] | None:
        run = TrainingRun.objects.select_related("page").filter(pk=option_id).first()
        return None if run is None else (run.page, run.translation_key)

    def calendar_entry(self, offering_key: uuid.UUID) -> CalendarEntry | None:
        """The run's all-day entry (first to last day), in this page's language."""
        run = self.runs.filter(translation_key=offering_key).select_related("venue").first()
        if run is None:
            return None
        venue = localized_venue(run.venue, self.locale)
        return page_entry(
            self,
            translation_key=run.translation_key,
            start=run.start_date,
            end=run.end_date,
            all_day=True,
            venue=venue,
            online=run.online or venue is None,
        )


class TrainingRun(TranslatableMixin, Orderable):
    """One scheduled run of a training: dates, venue and seats.

    A run exists once per locale (same `translation_key`); the seats are counted once per
    translation key, so the Hungarian and English pages sell the same seats.
    """

    page = ParentalKey(TrainingPage, on_delete=models.CASCADE, related_name="runs")
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue = models.ForeignKey(
        "cms.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for an online run."),
    )
    online = models.BooleanField(_("online"), default=False)
    seats = models.PositiveIntegerField(_("seats"), validators=[MinValueValidator(1)])
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Defaults to the day before the first day."),
    )

    panels = [
        FieldRowPanel(["start_date", "end_date"]),
        FieldRowPanel(["venue", "online"]),
        FieldRowPanel(["seats", "registration_closes"]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("training run")
        verbose_name_plural = _("training runs")

    def __str__(self) -> str:
        return f"{self.page.title}: {run_dates(self.start_date, self.end_date)}"

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
