"""The services log's manual records: applications written for clusters, and support at
international business events that no event page of ours records (see `services.services_log`
for the derived records)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel


class ApplicationResult(models.TextChoices):
    PENDING = "pending", _("Pending")
    WON = "won", _("Won")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ClusterApplication(models.Model):
    """A funding application the agency wrote for a cluster."""

    cluster = models.ForeignKey(
        "cluster_pages.ClusterProfilePage",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    programme = models.CharField(_("programme"), max_length=200)
    title = models.CharField(_("title"), max_length=255, blank=True)
    submitted_on = models.DateField(_("submitted on"))
    result = models.CharField(
        _("result"), max_length=10, choices=ApplicationResult.choices, default="pending"
    )
    note = models.TextField(_("note"), blank=True)

    panels = [
        PageChooserPanel("cluster", "cluster_pages.ClusterProfilePage"),
        FieldRowPanel([FieldPanel("programme"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("submitted_on"), FieldPanel("result")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("application for a cluster")
        verbose_name_plural = _("applications for clusters")
        ordering = ["-submitted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.programme} ({self.submitted_on})"


class EventSupport(models.Model):
    """A cluster supported at an international business event entered by hand."""

    cluster = models.ForeignKey(
        "cluster_pages.ClusterProfilePage",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    event_name = models.CharField(_("event"), max_length=255)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    note = models.TextField(_("how the agency supported it"), blank=True)

    panels = [
        PageChooserPanel("cluster", "cluster_pages.ClusterProfilePage"),
        FieldRowPanel([FieldPanel("event_name"), FieldPanel("date"), FieldPanel("place")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("support at an international event")
        verbose_name_plural = _("support at international events")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.event_name} ({self.date})"
