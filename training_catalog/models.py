"""The catalog of cluster-management trainings and their scheduled runs."""

from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import QueryDict
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
from cms.models import PAGE_TEXT_FIELDS, HomeSection, ListingPage
from event_booking.api_fields import BookingAvailabilityField
from training_catalog.api_fields import TrainingRunsField

if TYPE_CHECKING:
    from cms.listing import Listing


class TrainingTopic(TranslatableMixin, models.Model):
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


class TrainingIndexPage(ListingPage):
    """Lists the trainings, filterable by topic."""

    subpage_types = ["training_catalog.TrainingPage"]
    home_section = HomeSection(
        name="trainings",
        heading=_("Trainings"),
        link_label=_("All trainings"),
        empty_message=_("No training runs are scheduled at the moment."),
        teaser_template="training_catalog/training_teaser.html",
        limit=3,
        position=20,
    )

    class Meta:
        verbose_name = _("training index page")

    def get_listing(self, params: QueryDict) -> "Listing":
        from training_catalog.queries import training_listing  # queries imports this module

        return training_listing(self, params)

    def teasers(self, *, limit: int) -> list[Page]:
        """Trainings with a coming run, soonest first (`upcoming_trainings`)."""
        from training_catalog.queries import upcoming_trainings  # queries imports this module

        return upcoming_trainings(self, limit=limit)


class TrainingPage(Page):
    """A paid cluster-management training with its scheduled runs."""

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
        # Live seats and registration window (event_booking/api_fields.py).
        APIField("booking", serializer=BookingAvailabilityField()),
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
        return f"{self.page.title}: {self.start_date:%Y-%m-%d} – {self.end_date:%Y-%m-%d}"

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
