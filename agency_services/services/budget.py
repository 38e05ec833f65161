"""The yearly consultation budget: days delivered, planned and left in a calendar year.

A session counts in the year of its date: planned sessions as planned, delivered ones as
delivered (with the days actually delivered), cancelled ones not at all. The budget of a year
is its row in Settings → Consultation budget, else the default (40 working days) of the
default site's setting. Days are working days in steps of half a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from wagtail.models import Site

from agency_services.models import (
    ConsultationBudgetYear,
    ConsultationSession,
    ConsultationSettings,
    SessionStatus,
)
from agency_services.models.budget import DEFAULT_BUDGET_DAYS

HALF_DAY = Decimal("0.5")


@dataclass(frozen=True)
class YearBudget:
    """The consultation budget of one calendar year and what is used of it."""

    year: int
    budget: Decimal
    delivered: Decimal
    planned: Decimal

    @property
    def used(self) -> Decimal:
        return self.delivered + self.planned

    @property
    def left(self) -> Decimal:
        """Days neither delivered nor planned; negative after an override."""
        return self.budget - self.used


def budget_days(*, year: int) -> Decimal:
    """The working days of `year`'s budget (the year's own row, else the default)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return DEFAULT_BUDGET_DAYS
    setting = ConsultationSettings.for_site(site)
    row = ConsultationBudgetYear.objects.filter(settings=setting, year=year).first()
    return row.days if row is not None else setting.default_days


def year_budget(*, year: int) -> YearBudget:
    """Budget, delivered, planned (and so left) days of `year`."""
    sums = dict(
        ConsultationSession.objects.filter(date__year=year)
        .exclude(status=SessionStatus.CANCELLED)
        .values_list("status")
        .annotate(total=Sum("days"))
    )
    return YearBudget(
        year=year,
        budget=budget_days(year=year),
        delivered=sums.get(SessionStatus.DELIVERED) or Decimal("0"),
        planned=sums.get(SessionStatus.PLANNED) or Decimal("0"),
    )


def is_half_days(days: Decimal) -> bool:
    """Whether `days` is a positive whole number of half days."""
    return days > 0 and (days / HALF_DAY) == (days / HALF_DAY).to_integral_value()
