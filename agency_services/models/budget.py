"""The consultation budget: working days per calendar year, a Wagtail site setting."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

#: The programme's budget of marketing consultation: 40 working days a year.
DEFAULT_BUDGET_DAYS = Decimal("40")


@register_setting(icon="calendar")
class ConsultationSettings(ClusterableModel, BaseSiteSetting):
    """Settings → Consultation budget: the default days per year and per-year exceptions."""

    default_days = models.DecimalField(
        _("working days per year"),
        max_digits=5,
        decimal_places=1,
        default=DEFAULT_BUDGET_DAYS,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Used for every year that has no budget of its own below."),
    )

    panels = [FieldPanel("default_days"), InlinePanel("years", label=_("Budget of a year"))]

    class Meta:
        verbose_name = _("consultation budget")


class ConsultationBudgetYear(Orderable):
    settings = ParentalKey(ConsultationSettings, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    days = models.DecimalField(
        _("working days"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0"))],
    )

    panels = [FieldPanel("year"), FieldPanel("days")]

    class Meta:
        verbose_name = _("budget of a year")
        constraints = [
            models.UniqueConstraint(fields=["settings", "year"], name="one_budget_per_year")
        ]
