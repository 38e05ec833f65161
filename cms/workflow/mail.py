"""The e-mail of a notice, in its recipient's admin language, sent once.

Delivery protocol (the notice row is the outbox; see `notices`):

1. **Claim** (one short transaction): lock the notice; give up unless its e-mail is pending and
   not claimed by a job whose lease is still running; set the lease; commit.
2. **Send**, outside any transaction (no lock held during the SMTP conversation).
3. **Record**: mark it sent. If sending raised, the claim is released and the error re-raised,
   so django-q2 runs the job again (ORM broker: up to ``Q_CLUSTER["max_attempts"]``).
4. **Sweep** (`jobs.sweep_notice_emails`, every 5 minutes): re-enqueues each e-mail still
   pending after `SWEEP_GRACE` and not claimed (its job lost, e.g. by the Redis broker, which
   delivers at most once; failed; or its worker died and the lease expired), until it is sent
   or `SWEEP_MAX_AGE` has passed.

So a duplicated or retried job finds the notice sent (or claimed) and sends nothing; the one
window for a duplicate is a worker that dies after the mail server accepted the message and
before step 3 (milliseconds), as in the project's booking outbox. A submission that no longer
waits for review when the job runs (approved, rejected or cancelled meanwhile) is not mailed.

Language: the recipient's preferred admin language (Wagtail account settings), else the site's
default (``LANGUAGE_CODE``), as Wagtail's own notification e-mails do.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from cms.workflow.notices import EmailStatus, Event, Notice


def lease_duration() -> dt.timedelta:
    """How long a claimed e-mail is left to its job: longer than any job may run."""
    timeout = int(getattr(settings, "Q_CLUSTER", {}).get("timeout") or 60)
    return dt.timedelta(seconds=2 * timeout + 60)


def notice_url(notice: Notice) -> str:
    """The absolute admin URL that opens `notice` (and marks it read)."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("cms_workflow_notices:open", args=[notice.pk])


def language_of_user(user: Any) -> str:
    """The recipient's admin language: their Wagtail preference, else the site's default."""
    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def from_address() -> str | None:
    """Wagtail's sender of admin notifications when set, else Django's default."""
    return getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None)


def name_of(user: Any) -> str:
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.get_username()


def render(notice: Notice) -> tuple[str, str]:
    """The subject and text of `notice`'s e-mail, in the active language."""
    values = {
        "title": notice.title,
        "actor": name_of(notice.actor),
        "language": (
            translation.get_language_info(notice.language)["name_translated"]
            if notice.language
            else "-"
        ),
    }
    if notice.event == Event.TO_TRANSLATE:
        return _render_translation_work(notice, values)
    if notice.event == Event.SUBMITTED:
        subject = _("Waiting for your review: %(title)s") % values
        what = _("%(actor)s submitted “%(title)s” (%(language)s) for your review.") % values
    elif notice.event == Event.PUBLISH_FAILED:
        subject = _("Scheduled publication failed: %(title)s") % values
        what = (
            _(
                "The scheduled publication of “%(title)s” (%(language)s) failed. It stays "
                "scheduled and is tried again every minute; the reason is below."
            )
            % values
        )
    elif notice.event == Event.PAIR_FAILED:
        subject = _("Publication with the translation failed: %(title)s") % values
        what = (
            _(
                "“%(title)s” (%(language)s) and its approved translation could not go live "
                "together, so neither changed. It is tried again every minute; a publisher can "
                "also release the original alone. The reason is below."
            )
            % values
        )
    elif notice.event == Event.APPROVED:
        subject = _("Approved: %(title)s") % values
        what = _("%(actor)s approved “%(title)s” (%(language)s).") % values
    else:
        subject = _("Changes requested: %(title)s") % values
        what = _("%(actor)s asked for changes to “%(title)s” (%(language)s).") % values
    lines = [_("Hello %(name)s,") % {"name": name_of(notice.recipient)}, "", what]
    if notice.comment:
        lines += ["", _("Comment:"), notice.comment]
    lines += ["", _("Open it in the admin: %(url)s") % {"url": notice_url(notice)}]
    return subject, "\n".join(lines) + "\n"


def _render_translation_work(notice: Notice, values: dict) -> tuple[str, str]:
    """A translation loop's notice: the source changed, these texts wait to be translated."""
    subject = _("To translate: %(title)s") % values
    what = (
        _(
            "The original of “%(title)s” was published with changes: its %(language)s translation "
            "is out of date. The translation editor shows the new and changed texts."
        )
        % values
    )
    lines = [_("Hello %(name)s,") % {"name": name_of(notice.recipient)}, "", what, ""]
    if notice.publication_waits:
        lines += [_("The change is approved: its publication waits for this translation."), ""]
    if notice.changed_segments:
        lines.append(_("Texts to translate:"))
        lines += [f"- {text}" for text in notice.changed_segments]
    else:
        lines.append(_("No text changed: check the draft and submit it for review."))
    lines += ["", _("Open it in the admin: %(url)s") % {"url": notice_url(notice)}]
    return subject, "\n".join(lines) + "\n"


def claim(*, notice_id: int, now: dt.datetime | None = None) -> Notice | None:
    """Claim the pending e-mail of a notice (step 1); None when there is nothing to send."""
    now = now or timezone.now()
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update()
            .filter(pk=notice_id, email_status=EmailStatus.PENDING)
            .first()
        )
        if notice is None or (notice.email_claimed_until and notice.email_claimed_until > now):
            return None
        waiting = TaskState.objects.filter(
            pk=notice.task_state_id, status=TaskState.STATUS_IN_PROGRESS
        ).exists()
        if notice.event == Event.SUBMITTED and not waiting:
            notice.email_status = EmailStatus.NONE
            notice.save(update_fields=["email_status"])
            return None
        notice.email_claimed_until = now + lease_duration()
        notice.save(update_fields=["email_claimed_until"])
    return Notice.objects.select_related("recipient", "actor").get(pk=notice_id)


#: A new notice's e-mail is left to its own on-commit job for this long before a sweep steps in.
SWEEP_GRACE = dt.timedelta(minutes=2)
#: A notice older than this is not swept any more: its e-mail is given up (the notice stays).
SWEEP_MAX_AGE = dt.timedelta(days=2)
#: At most this many e-mails are re-enqueued by one sweep (the next sweep takes the rest).
SWEEP_BATCH = 200


def due_notice_ids(*, now: dt.datetime | None = None) -> list[int]:
    """The notices whose e-mail is pending and left to no running job, oldest first.

    Due: pending, older than `SWEEP_GRACE` (its own job was lost: the Redis broker delivers at
    most once, and a crash between commit and enqueue loses it too, or it failed and was not
    retried), younger than `SWEEP_MAX_AGE`, and not claimed by a job whose lease still runs (a
    worker that died while sending leaves an expired lease).
    """
    now = now or timezone.now()
    unclaimed = Q(email_claimed_until__isnull=True) | Q(email_claimed_until__lte=now)
    return list(
        Notice.objects.filter(
            unclaimed,
            email_status=EmailStatus.PENDING,
            created_at__lte=now - SWEEP_GRACE,
            created_at__gte=now - SWEEP_MAX_AGE,
        )
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )


def deliver_notice_email(*, notice_id: int) -> bool:
    """Send the e-mail of one notice unless it was sent or is being sent; True if sent now."""
    notice = claim(notice_id=notice_id)
    if notice is None:
        return False
    try:
        with translation.override(language_of_user(notice.recipient)):
            subject, body = render(notice)
        send_mail(subject, body, from_address(), [notice.recipient.email])
    except Exception:
        Notice.objects.filter(pk=notice_id).update(email_claimed_until=None)
        raise
    Notice.objects.filter(pk=notice_id).update(
        email_status=EmailStatus.SENT, email_sent_at=timezone.now(), email_claimed_until=None
    )
    return True
