"""The evidence dashboard's data types: a `Figure` of a year with the `Row`s behind it and the
`Part`s its chart draws, the formatting of values with their units in the active language,
and the admin links of the records behind a figure (`services.evidence` computes them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import ngettext

from agency_services.models import ClusterApplication, ConsultationSession, EventSupport
from event_booking.models import Offering

PERCENT = "%"
DAYS = "days"


@dataclass(frozen=True)
class Row:
    """One record behind a figure: what it is, a link to it in the admin, and why it counts."""

    label: str
    url: str = ""
    detail: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class Part:
    """One bar of a figure's chart (and one line of its data table and CSV)."""

    label: str
    value: Decimal | int
    unit: str = ""

    @property
    def display(self) -> str:
        return display(self.value, self.unit)


@dataclass(frozen=True)
class Figure:
    """One figure of the year; `value` in `unit` ("" a count, "%", "days" or a currency)."""

    key: str
    label: str
    value: Decimal | int
    unit: str = ""
    rows: tuple[Row, ...] = ()
    parts: tuple[Part, ...] = ()
    note: str = ""
    programme: bool = False

    @property
    def display(self) -> str:
        return display(self.value, self.unit)


def display(value: Decimal | int, unit: str) -> str:
    """`value` formatted for the active language, with its unit."""
    if isinstance(value, Decimal):
        text = number_format(value.normalize() if value == value.to_integral() else value)
    else:
        text = number_format(value)
    if unit == PERCENT:
        return f"{text} %"
    if unit == DAYS:
        return ngettext("%(n)s day", "%(n)s days", int(value) if value == 1 else 2) % {"n": text}
    return f"{text} {unit}" if unit else text


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal:
    """`part` of `whole` in per cent, to one decimal (0 of nothing)."""
    if not whole:
        return Decimal("0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


# --- links ----------------------------------------------------------------------------------


def page_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def admin_url(obj: Any) -> str:
    """The admin screen of a record of the services log (pages, offerings, sessions, rows)."""
    if isinstance(obj, ClusterApplication):
        return reverse("cluster_applications:edit", args=[obj.pk])
    if isinstance(obj, EventSupport):
        return reverse("event_support:edit", args=[obj.pk])
    if isinstance(obj, ConsultationSession):
        return reverse("agency_services_admin:detail", args=[obj.request_id])
    if isinstance(obj, Offering):
        return offering_url(obj.pk)
    return page_url(obj.pk)


def offering_url(offering_id: int) -> str:
    return reverse("event_booking_admin:offering_bookings", args=[offering_id])
