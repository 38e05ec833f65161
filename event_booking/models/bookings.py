"""Bookings, their consent record and the e-mail outbox."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from event_booking.models.offerings import Offering


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waitlisted")
    CANCELLED = "cancelled", _("Cancelled")
    LEFT_WAITLIST = "left-waitlist", _("Left the waiting list")


ACTIVE_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)


class ConsentText(models.Model):
    """A version of the privacy consent text shown on the booking form.

    The version a person agreed to is stored with the booking; a changed text is a new row.
    """

    version = models.PositiveIntegerField(_("version"), unique=True)
    text_hu = models.TextField(_("text (Hungarian)"))
    text_en = models.TextField(_("text (English)"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"v{self.version}"


class Booking(models.Model):
    """One person's booking of one or more seats of an offering.

    Waiting-list order is `(waitlisted_at, id)`: the moment the booking took the offering's
    lock. Personal fields are blanked by anonymisation; the row (and its seat count) stays.
    """

    reference = models.CharField(_("reference"), max_length=16, unique=True)
    offering = models.ForeignKey(
        Offering, verbose_name=_("offering"), on_delete=models.PROTECT, related_name="bookings"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("booked through page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=BookingStatus.choices)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    language = models.CharField(_("language"), max_length=5, default="hu")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    tax_number = models.CharField(_("tax number"), max_length=40, blank=True)
    billing_address = models.TextField(_("billing address"), blank=True)
    amount_due = models.DecimalField(_("amount due"), max_digits=10, decimal_places=2, default=0)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    consent = models.ForeignKey(
        ConsentText, verbose_name=_("consent version"), on_delete=models.PROTECT, null=True
    )
    reminders_enabled = models.BooleanField(_("reminders"), default=True)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    manage_link_sent_at = models.DateTimeField(_("manage link last re-sent"), null=True, blank=True)
    secret = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["created_at", "id"]
        constraints = [
            # One active booking per person and offering: a double click cannot book twice.
            models.UniqueConstraint(
                fields=["offering", "email"],
                condition=Q(status__in=["confirmed", "waitlisted"]),
                name="one_active_booking_per_email",
            ),
        ]
        indexes = [models.Index(fields=["offering", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return self.reference


class EmailKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Confirmation")
    WAITLISTED = "waitlisted", _("Waiting-list notice")
    PROMOTED = "promoted", _("Promotion notice")
    REMINDER = "reminder", _("Reminder")
    CANCELLED = "cancelled", _("Cancellation notice")
    MANAGE_LINK = "manage-link", _("Manage link (re-sent)")
    SPEED_REQUEST_REMINDER = "sd-request-reminder", _("Speed dating: request reminder")
    SPEED_SCHEDULE = "sd-schedule", _("Speed dating: schedule published")
    SPEED_SCHEDULE_CHANGED = "sd-schedule-changed", _("Speed dating: schedule changed")
    SPEED_FEEDBACK = "sd-feedback", _("Speed dating: feedback request")
    SPEED_FOLLOW_UP = "sd-follow-up", _("Speed dating: six-month follow-up")


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not sent (no longer relevant)")


class EmailOutbox(models.Model):
    """One e-mail that must reach one booking's address, at most once.

    Unique on (booking, kind, sequence): a job run twice, or two workers at once, find the
    same row and send it once. `sequence` lets a later, distinct message of the same kind (the
    manage-link re-send) exist without weakening that guarantee.
    """

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(_("kind"), max_length=20, choices=EmailKind.choices)
    sequence = models.PositiveIntegerField(default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # While a worker sends: the end of its lease. After a failed attempt: when to retry.
    # Nobody claims a pending row before this moment (see event_booking.jobs.deliver_email).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "kind", "sequence"], name="one_email_per_booking_kind"
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.booking_id}:{self.kind}"
