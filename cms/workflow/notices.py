"""`Notice`: what a user of the admin is told about a review, and its e-mail's delivery state.

Wagtail 8 has no inbox in the admin. A notice is one event of a review told to one user: a
submission to each approver, an approval or a request for changes (with the reviewer's comment)
to the submitter; or a translation loop's work (`TO_TRANSLATE`, see `loop`) told to each
translator of the language, with the texts to translate. It is shown in the dashboard's
"Waiting for you" panel and the admin's notices page until it is opened, and it is the outbox
row of its e-mail: one row per (recipient, task state, event), or per (recipient, work, event)
for the loop, so the same event can never notify the same person twice.

E-mail states: `PENDING` (to send), `SENT`, `NONE` (no e-mail wanted: the recipient has no
address, is inactive or turned that kind of notification off in their Wagtail account).
`email_claimed_until` is the lease of the job that is sending it (see `mail`).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision, TaskState


class Event(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Changes requested")
    TO_TRANSLATE = "to_translate", _("To translate")
    PUBLISH_FAILED = "publish_failed", _("Scheduled publication failed")
    PAIR_FAILED = "pair_failed", _("Publication with the translation failed")


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("To send")
    SENT = "sent", _("Sent")
    NONE = "none", _("No e-mail")


class NoticeQuerySet(QuerySet):
    def for_user(self, user: object) -> "NoticeQuerySet":
        """The notices of `user` (never anyone else's)."""
        return self.filter(recipient=user)

    def unread(self) -> "NoticeQuerySet":
        return self.filter(read_at__isnull=True)


class Notice(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cms_workflow_notices",
        verbose_name=_("recipient"),
    )
    event = models.CharField(_("what happened"), max_length=16, choices=Event.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # The review the notice is about; None for a translation loop's notice (`TO_TRANSLATE`).
    task_state = models.ForeignKey(
        TaskState,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("task"),
    )
    # A translation loop's piece of work ("<status id>:<source revision it was made from>"):
    # one notice per recipient and work, however often the source is published meanwhile.
    work = models.CharField(max_length=64, blank=True, default="")
    changed_segments = models.JSONField(_("texts to translate"), default=list, blank=True)
    # A translation loop's notice for a held revision (`together`): its publication waits for
    # this translation.
    publication_waits = models.BooleanField(_("publication waits"), default=False)
    revision = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    # The reviewed object (a page or a snippet), by its base content type as Wagtail's
    # WorkflowState stores it.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    content_object = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(_("language"), max_length=16, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_status = models.CharField(
        _("e-mail"), max_length=16, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    email_claimed_until = models.DateTimeField(null=True, blank=True)
    email_sent_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "task_state", "event"], name="cms_workflow_notice_once"
            ),
            models.UniqueConstraint(
                fields=["recipient", "work", "event"],
                condition=~models.Q(work=""),
                name="cms_workflow_notice_work_once",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="cms_workflow_notice_unread")]

    def __str__(self) -> str:
        return f"{self.get_event_display()}: {self.title}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
