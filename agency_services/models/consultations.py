"""Consultation requests, their planned and delivered sessions, and their decision e-mails.

A request comes from a cluster manager in the admin (for one of their clusters) or from a
visitor through the public form (the cluster is then optional: a visitor may not represent a
cluster that has a page yet). Consultants decide on it and plan sessions; a session's days
count against the budget of the calendar year it falls in (`services.budget`).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for a decision")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class RequestSource(models.TextChoices):
    ADMIN = "admin", _("Cluster manager (admin)")
    PUBLIC = "public", _("Public form")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class ConsultationRequest(models.Model):
    """One request for marketing consultation."""

    cluster = models.ForeignKey(
        "cluster_pages.ClusterProfilePage",
        verbose_name=_("cluster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=5, default="hu")
    source = models.CharField(_("source"), max_length=10, choices=RequestSource.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=200)
    needs = models.TextField(_("what you need"), max_length=4000)
    preferred_from = models.DateField(_("preferred period from"))
    preferred_until = models.DateField(_("preferred period until"))
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED
    )
    decision_comment = models.TextField(_("comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consultation request")
        verbose_name_plural = _("consultation requests")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.topic}"


class ConsultationSession(models.Model):
    """A planned or delivered consultation session of an accepted request.

    `days` are working days in steps of half a day: the planned length while planned, the
    length delivered once delivered. `over_budget` records that it was planned or logged past
    the year's budget with an explicit override (the audit log has who and why).
    """

    request = models.ForeignKey(
        ConsultationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    date = models.DateField(_("date"))
    days = models.DecimalField(
        _("working days"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    over_budget = models.BooleanField(_("over budget (override)"), default=False)
    delivered_at = models.DateTimeField(_("logged as delivered at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation session")
        verbose_name_plural = _("consultation sessions")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["status", "date"])]

    def __str__(self) -> str:
        return f"{self.date} ({self.days})"


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class ConsultationEmail(models.Model):
    """The outbox row of one decision e-mail (unique per request and decision), sent once."""

    request = models.ForeignKey(
        ConsultationRequest, on_delete=models.CASCADE, related_name="emails"
    )
    decision = models.CharField(_("decision"), max_length=12, choices=RequestStatus.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "decision"], name="one_email_per_consultation_decision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.decision} ({self.status})"
