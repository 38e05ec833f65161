"""`PublicationHold`: an approved source revision held back until its translations are approved.

wagtail-localize cannot hold a source until its translation is ready (its issue #634): a
Hungarian update goes live at once and the English page disagrees with it until a translator
catches up. A hold is the plugin's record of "approved, not live, waiting": one row per held
revision, with the translations that were approved for it so far. `together` changes holds;
this module only describes them.

States: `WAITING` (the revision is held; at most one waiting hold per object), then
`PUBLISHED` (the source and its translations went live together), `RELEASED` (a publisher
published the source alone) or `SUPERSEDED` (a later approval of the same object replaced it).
"""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision


class HoldStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for the translation")
    PUBLISHED = "published", _("Published with the translation")
    RELEASED = "released", _("Released alone")
    SUPERSEDED = "superseded", _("Replaced by a later approval")


class PublicationHoldQuerySet(models.QuerySet):
    def waiting(self) -> "PublicationHoldQuerySet":
        return self.filter(status=HoldStatus.WAITING)

    def for_key(self, translation_key: Any) -> "PublicationHoldQuerySet":
        """The holds of the object (in any language) with this translation key."""
        return self.filter(translation_key=translation_key)


class PublicationHold(models.Model):
    # The held object by its base content type (Page for every page), as Revision stores it.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    translation_key = models.UUIDField(db_index=True)
    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="+", verbose_name=_("held revision")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=HoldStatus.choices, default=HoldStatus.WAITING
    )
    # Language code -> the approved revision of that translation, waiting to go live with it.
    approved_translations = models.JSONField(default=dict, blank=True)
    # The held revision's go-live time: the pair goes live then (None: as soon as it is ready).
    go_live_at = models.DateTimeField(_("go-live time"), null=True, blank=True)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    held_at = models.DateTimeField(_("held since"), default=timezone.now)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("released by"),
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # The last failed attempt to publish the pair ("" when none failed).
    last_error = models.TextField(_("last error"), blank=True)
    failed_at = models.DateTimeField(_("last failure"), null=True, blank=True)

    objects = PublicationHoldQuerySet.as_manager()

    class Meta:
        verbose_name = _("held publication")
        verbose_name_plural = _("held publications")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="waiting"),
                name="cms_workflow_one_waiting_hold",
            )
        ]

    def __str__(self) -> str:
        return f"{self.revision.object_str} [{self.get_status_display()}]"

    @property
    def is_waiting(self) -> bool:
        return self.status == HoldStatus.WAITING
