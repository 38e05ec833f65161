"""Offerings: what can be booked, once across languages.

An event page and each training run exist once per locale (Hungarian source, English
translation), and wagtail-localize may rewrite those rows on every sync. Bookings therefore
refer to an `Offering`, keyed by the translation key that all translations of the event page
(or of the training run) share. The offering mirrors the bookable facts of its source
(capacity, window, fee, dates) when the page is published, and its row is what the booking
service locks, so seats are counted once for both languages.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferingKind(models.TextChoices):
    EVENT = "event", _("Event")
    TRAINING_RUN = "training-run", _("Training run")


class Offering(models.Model):
    translation_key = models.UUIDField(_("translation key"), unique=True, default=uuid.uuid4)
    page_translation_key = models.UUIDField(
        _("page translation key"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The event or training page it belongs to (shared by its translations)."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OfferingKind.choices)
    title = models.CharField(
        _("title"), max_length=255, help_text=_("The source-language title, for organisers.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty means unlimited.")
    )
    max_seats_per_booking = models.PositiveSmallIntegerField(
        _("maximum seats per booking"), default=5
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    fee = models.DecimalField(_("fee per seat"), max_digits=8, decimal_places=2, default=0)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    closed_at = models.DateTimeField(
        _("registration closed at"),
        null=True,
        blank=True,
        help_text=_("Set when registration was closed (automatically at the deadline)."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("False once its page or run is removed.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("offering")
        verbose_name_plural = _("offerings")
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_all_day(self) -> bool:
        """A training run is booked by the day: its start (local midnight) has no time of
        day worth showing, only its dates (which its title carries)."""
        return self.kind == OfferingKind.TRAINING_RUN
