"""Scheduled publication: approved go-live and expiry dates honoured on time, once.

Replaces Wagtail's ``publish_scheduled`` command (advised to run hourly from cron, no locking,
stops at the first failing revision) with a django-q2 job (`jobs.publish_scheduled`, declared
twice in `jobs.SCHEDULES`, half a minute apart, so it runs about every 30 seconds: django-q2's
finest schedule is a minute and its scheduler looks every 30 s; a go-live time is honoured
within about 30-60 s).

Contract of `run`:

- **Only approved revisions go live**: a revision is due when Wagtail stored its
  ``approved_go_live_at`` (set by an approval or a direct publish with a future go-live date)
  and that time has come. Wagtail publishes that revision, not the latest: a draft saved after
  the approval stays a draft (the page shows "unpublished changes").
- **Once**: each due revision is taken in its own transaction with
  ``select_for_update(skip_locked=True)`` and re-checked after locking: a second worker running
  at the same time skips a revision being published, and finds it no longer due afterwards
  (publishing clears ``approved_go_live_at``). On SQLite (no row locks) runs are serialised by
  the database itself.
- **Each on its own**: a revision whose publication raises is rolled back alone: its schedule
  stays, so the next run retries it, and the others are published. Each failure is in the audit
  log (`audit.SCHEDULED_PUBLICATION_FAILED`) and reported once per revision, as a notice with
  its e-mail, to the submitter (who started the revision's last workflow, else its author) and
  to the moderators of its language (`notify.record_publication_failure`).
- **Held pairs** (`together`): a source revision held for its translations goes live with them
  at its go-live time once they are approved, or at the next run after a failed attempt; taken
  the same way (`together.publish_due_hold`), each pair in its own transaction.
- **Expiry**: a live page or snippet whose ``expire_at`` has passed is unpublished (marked
  expired), each in its own transaction, taken the same way.

Audit: Wagtail logs scheduling ("wagtail.publish.schedule"), unscheduling
("wagtail.schedule.cancel"), scheduled publication ("wagtail.publish.scheduled") and expiry
("wagtail.unpublish.scheduled"); failures are logged here.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision

from cms.workflow import audit, notify, together

logger = logging.getLogger(__name__)

PUBLISHED = "wagtail.publish.scheduled"
EXPIRED = "wagtail.unpublish.scheduled"
#: At most this many revisions (and as many expired objects) per run; the next run takes the rest.
BATCH = 500
PUBLISHED_NOW, SKIPPED, FAILED = "published", "skipped", "failed"


@dataclass
class RunResult:
    """What one run did: ids of the revisions published, the revisions that failed, and the
    (model label, pk) of the objects unpublished on expiry."""

    published: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    expired: list[tuple[str, Any]] = field(default_factory=list)
    #: Ids of the held pairs (`together`) published, and of those that failed.
    pairs_published: list[int] = field(default_factory=list)
    pairs_failed: list[int] = field(default_factory=list)


def scheduled_models() -> list[type[models.Model]]:
    """Page and every other model with drafts (snippets), as Wagtail's command has them."""
    others = [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]
    return [Page, *others]


def due_revision_ids(*, now: dt.datetime) -> list[int]:
    """The revisions whose approved go-live time has come, earliest first (unlocked read)."""
    return list(
        Revision.objects.filter(approved_go_live_at__lte=now)
        .order_by("approved_go_live_at", "pk")
        .values_list("pk", flat=True)[:BATCH]
    )


def lock_due_revision(*, revision_id: int, now: dt.datetime) -> Revision | None:
    """Lock the revision if it is still due and no other run holds it; None otherwise.

    Must run inside a transaction (the lock lasts until its end).
    """
    return (
        Revision.objects.select_for_update(skip_locked=True)
        .filter(pk=revision_id, approved_go_live_at__lte=now)
        .first()
    )


def publish_due_revision(*, revision_id: int, now: dt.datetime | None = None) -> str:
    """Publish one due revision in its own transaction.

    Returns `PUBLISHED_NOW`, `SKIPPED` (not due any more, or held by another run) or `FAILED`:
    a failure is rolled back (the schedule stays for the next run), logged and reported.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            revision = lock_due_revision(revision_id=revision_id, now=now)
            if revision is None:
                return SKIPPED
            revision.publish(log_action=PUBLISHED)
    except Exception as error:
        logger.exception("scheduled publication of revision %s failed", revision_id)
        try:
            report_failure(revision_id=revision_id, error=error)
        except Exception:  # a failing report must not stop the other revisions either
            logger.exception("reporting the failure of revision %s failed", revision_id)
        return FAILED
    return PUBLISHED_NOW


def report_failure(*, revision_id: int, error: Exception) -> None:
    """Audit-log the failed publication and notify the submitter and the moderators (once)."""
    revision = Revision.objects.filter(pk=revision_id).select_related("user").first()
    if revision is None:
        return
    obj = revision.content_object
    if obj is None:
        return
    reason = f"{type(error).__name__}: {error}"[:500]
    with transaction.atomic():
        audit.log_scheduled_failure(instance=obj, revision=revision, reason=reason)
        notify.record_publication_failure(revision=revision, obj=obj, reason=reason)


def expired_objects(*, now: dt.datetime) -> list[tuple[type[models.Model], Any]]:
    """(model, pk) of the live objects whose expiry time has passed (unlocked read)."""
    found: list[tuple[type[models.Model], Any]] = []
    for model in scheduled_models():
        pks = (
            model._default_manager.filter(live=True, expire_at__lte=now)
            .order_by("expire_at")
            .values_list("pk", flat=True)[:BATCH]
        )
        found += [(model, pk) for pk in pks]
    return found


def unpublish_expired(*, model: type[models.Model], pk: Any, now: dt.datetime) -> bool:
    """Unpublish one expired object in its own transaction; True if unpublished now."""
    try:
        with transaction.atomic():
            obj = (
                model._default_manager.select_for_update(skip_locked=True)
                .filter(pk=pk, live=True, expire_at__lte=now)
                .first()
            )
            if obj is None:
                return False
            obj.unpublish(set_expired=True, log_action=EXPIRED)
    except Exception:
        logger.exception("unpublishing expired %s %s failed", model._meta.label, pk)
        return False
    return True


def run(*, now: dt.datetime | None = None) -> RunResult:
    """Unpublish what expired, then publish every due revision and held pair (module
    docstring).

    Idempotent and safe to run in several workers at once: what another run holds is skipped,
    what was done is no longer due.
    """
    now = now or timezone.now()
    result = RunResult()
    for model, pk in expired_objects(now=now):
        if unpublish_expired(model=model, pk=pk, now=now):
            result.expired.append((model._meta.label, pk))
    for revision_id in due_revision_ids(now=now):
        outcome = publish_due_revision(revision_id=revision_id, now=now)
        if outcome == PUBLISHED_NOW:
            result.published.append(revision_id)
        elif outcome == FAILED:
            result.failed.append(revision_id)
    for hold_id in together.due_hold_ids(now=now):
        outcome = together.publish_due_hold(hold_id=hold_id, now=now)
        if outcome == together.PUBLISHED_NOW:
            result.pairs_published.append(hold_id)
        elif outcome == together.FAILED:
            result.pairs_failed.append(hold_id)
    return result
