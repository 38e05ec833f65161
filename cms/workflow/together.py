"""Publish together: a source revision and its translations go live at once, or not at all.

When a moderator approves a revision in the site's source language "with its translation"
(`approval_choice`: "Approve, publish with its translation", or plain "Approve" where the page
type or section defaults to it), the workflow finishes without publishing
(`finish.publish_approved` calls `hold`): the revision is *held* (`holds.PublicationHold`),
approved but not live. The translation loop (`loop.sync_source` with the held revision)
brings the held text to the translators at once, and their notice says that a publication
waits for them.

When a reviewer approves a translation of the held revision (`translation_approved`), its
revision is recorded on the hold; once every other language has one, the source and the
translations are published in one transaction (`publish_pair`), or, when the held revision has
a go-live time still to come, by the scheduled job at that time (`publish_due_hold`). A failure
rolls back every publication of the pair (both languages stay as they were), is written on the
hold, in the audit log and, once per hold, as a notice with its e-mail to the submitter and the
moderators; the job tries the pair again each run. A translation "of the held revision" is one
synchronised with it (`TranslationStatus.source_revision` is the held revision) with every
segment translated; an older translation approved meanwhile is published alone, as without a
hold, and the hold keeps waiting.

A user who may publish the source (its language's review group) can `release` the held revision
alone. Holding, releasing, superseding and every publication (or failure) of a pair are in the
audit log (`audit`).

Services take keyword arguments and run in a transaction; jobs take ids (`publish_due_hold`).
"""

import datetime as dt
import logging
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_q.tasks import async_task
from wagtail.models import Locale, Page, Revision, TranslatableMixin

from cms.workflow import audit, notify, snippets
from cms.workflow.holds import HoldStatus, PublicationHold
from cms.workflow.loop import is_fully_translated
from cms.workflow.translation_status import TranslationStatus

logger = logging.getLogger(__name__)

#: The translation loop's job; with a revision id it synchronises the held revision.
SYNC_JOB = "cms.workflow.jobs.sync_translations"

PUBLISHED_NOW, SKIPPED, FAILED = "published", "skipped", "failed"


def _base_content_type(obj: Any) -> ContentType:
    return ContentType.objects.get_for_model(obj.get_translation_model())


def _go_live_at(revision: Revision) -> dt.datetime | None:
    value = revision.content.get("go_live_at")
    return parse_datetime(value) if isinstance(value, str) else value


def hold(*, obj: Any, revision: Revision, user: Any) -> PublicationHold:
    """Hold `revision` of `obj` until its translations are approved (module docstring).

    A waiting hold of the same object is superseded (the newer approval wins). The translation
    loop is enqueued on commit for the held revision. Runs in the approval's transaction.
    """
    with transaction.atomic():
        content_type = _base_content_type(obj)
        _supersede_waiting(obj=obj, user=user)
        held = PublicationHold.objects.create(
            content_type=content_type,
            object_id=str(obj.pk),
            translation_key=obj.translation_key,
            revision=revision,
            go_live_at=_go_live_at(revision),
            held_by=user,
        )
        audit.log_hold(instance=obj, hold=held, action=audit.HOLD, user=user)
        ids = (content_type.pk, obj.pk, revision.pk)
        transaction.on_commit(lambda: async_task(SYNC_JOB, *ids))
    return held


def source_published(obj: Any) -> None:
    """`obj` (a source) was published: a waiting hold of another revision is superseded (a
    later version went live by another route; its translation must not publish the older one).
    """
    _supersede_waiting(obj=obj, keep_revision_id=obj.live_revision_id)


def _supersede_waiting(*, obj: Any, keep_revision_id: int | None = None, user: Any = None) -> None:
    """Supersede the waiting holds of `obj` (but one of `keep_revision_id`)."""
    with transaction.atomic():
        for held in (
            PublicationHold.objects.select_for_update()
            .waiting()
            .for_key(obj.translation_key)
            .exclude(revision_id=keep_revision_id)
        ):
            _finish(held, HoldStatus.SUPERSEDED, user=user, action=audit.HOLD_SUPERSEDED)


def _finish(held: PublicationHold, status: str, *, user: Any, action: str) -> None:
    """End `held` with `status`, by `user` (None: the job, or another route), audit-logged."""
    held.status, held.finished_at, held.finished_by = status, timezone.now(), user
    held.save(update_fields=["status", "finished_at", "finished_by"])
    audit.log_hold(instance=held.revision.content_object, hold=held, action=action, user=user)


def waiting_hold(obj: Any) -> PublicationHold | None:
    """The waiting hold of `obj`'s source (for a source, its own), if any."""
    return (
        PublicationHold.objects.waiting()
        .for_key(obj.translation_key)
        .select_related("revision")
        .first()
    )


def required_languages(held: PublicationHold) -> set[str]:
    """The languages whose approved translation the held revision waits for: every locale but
    the source's."""
    source_locale = held.revision.content.get("locale")
    return set(Locale.objects.exclude(pk=source_locale).values_list("language_code", flat=True))


def is_ready(held: PublicationHold) -> bool:
    """Whether every language waited for has its approved translation on the hold."""
    return required_languages(held) <= set(held.approved_translations)


def is_due(held: PublicationHold, now: dt.datetime | None = None) -> bool:
    return held.go_live_at is None or held.go_live_at <= (now or timezone.now())


def covers(*, held: PublicationHold, obj: Any) -> bool:
    """Whether translation `obj`'s latest revision translates the held revision: synchronised
    with it and every segment translated (a translation edited by hand, not synced, counts as
    soon as the loop marked it)."""
    synced = TranslationStatus.objects.filter(
        translation_key=obj.translation_key,
        locale_id=obj.locale_id,
        source_revision_id=held.revision_id,
    ).exists()
    return synced and is_fully_translated(obj)


def translation_approved(*, obj: Any, revision: Revision, user: Any) -> bool:
    """A reviewer approved translation `obj` (its `revision`): if a hold waits for it, record
    it there and publish the pair when ready and due. True when the hold took it (the finish
    action publishes nothing else); False: no hold waits for this translation, publish it alone.
    """
    if not isinstance(obj, TranslatableMixin) or obj.locale_id == Locale.get_default().pk:
        return False
    with transaction.atomic():
        held = (
            PublicationHold.objects.select_for_update()
            .waiting()
            .for_key(obj.translation_key)
            .select_related("revision")
            .first()
        )
        if held is None or not covers(held=held, obj=obj):
            return False
        held.approved_translations = {
            **held.approved_translations,
            obj.locale.language_code: revision.pk,
        }
        held.save(update_fields=["approved_translations"])
        if is_ready(held) and is_due(held):
            publish_pair(held=held, user=user)
    return True


def publish_pair(*, held: PublicationHold, user: Any = None, log_action: str = "") -> bool:
    """Publish the held revision and its approved translations in one transaction (savepoint);
    True when all went live. On any failure none did: the failure is recorded and reported
    (module docstring), and False returned. Call with the hold locked."""
    try:
        with transaction.atomic():
            publish = {"user": user, "skip_permission_checks": True}
            if log_action:
                publish["log_action"] = log_action
            held.revision.publish(**publish)
            for revision_id in held.approved_translations.values():
                Revision.objects.get(pk=revision_id).publish(**publish)
            _finish(held, HoldStatus.PUBLISHED, user=user, action=audit.PUBLISHED_TOGETHER)
    except Exception as error:
        logger.exception("publishing held revision %s with its translations failed", held.pk)
        _record_failure(held=held, error=error)
        return False
    return True


def _record_failure(*, held: PublicationHold, error: Exception) -> None:
    """Write the failure on the hold (its row as the rolled-back savepoint left it), log it,
    and report it the first time."""
    reason = f"{type(error).__name__}: {error}"[:500]
    held.refresh_from_db()
    first = not held.last_error
    held.last_error, held.failed_at = reason, timezone.now()
    held.save(update_fields=["last_error", "failed_at"])
    obj = held.revision.content_object
    audit.log_hold(
        instance=obj, hold=held, action=audit.PUBLISH_TOGETHER_FAILED, data={"reason": reason}
    )
    if first:
        notify.record_publication_failure(
            revision=held.revision, obj=obj, reason=reason, together=True
        )


def may_release(*, held: PublicationHold, user: Any) -> bool:
    """Whether `user` may publish the held source alone: they may publish it directly."""
    obj = held.revision.content_object
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    return snippets.may_publish(user, obj)


def release(*, hold_id: int, user: Any) -> PublicationHold:
    """Publish the held revision alone, as `user` (audit-logged). A go-live time still to come
    schedules it, as Wagtail's publish does. Translations approved for the pair stay approved
    drafts (their reviewers publish them).

    Raises:
        PermissionDenied: `user` may not publish the source.
        PublicationHold.DoesNotExist: the hold is not waiting any more.
    """
    with transaction.atomic():
        held = (
            PublicationHold.objects.select_for_update()
            .select_related("revision")
            .get(pk=hold_id, status=HoldStatus.WAITING)
        )
        if not may_release(held=held, user=user):
            raise PermissionDenied
        held.revision.publish(user=user, skip_permission_checks=True)
        _finish(held, HoldStatus.RELEASED, user=user, action=audit.RELEASED)
    return held


def due_hold_ids(*, now: dt.datetime) -> list[int]:
    """Waiting holds whose go-live time has come (or that have none), oldest first: the job
    publishes those that are ready (a pair approved before its time, or one that failed)."""
    return list(
        PublicationHold.objects.waiting()
        .exclude(approved_translations={})
        .exclude(go_live_at__gt=now)
        .order_by("held_at", "pk")
        .values_list("pk", flat=True)
    )


def lock_waiting_hold(*, hold_id: int) -> PublicationHold | None:
    """Lock the hold if it is still waiting and no other run holds it; None otherwise. Must run
    inside a transaction (the lock lasts until its end)."""
    return (
        PublicationHold.objects.select_for_update(skip_locked=True)
        .waiting()
        .filter(pk=hold_id)
        .select_related("revision")
        .first()
    )


def publish_due_hold(*, hold_id: int, now: dt.datetime | None = None) -> str:
    """Publish one ready, due pair in its own transaction, the hold taken with
    ``select_for_update(skip_locked)`` so that two workers never publish it twice. Returns
    `PUBLISHED_NOW`, `SKIPPED` (not ready, not due, done, or held by another run) or `FAILED`
    (recorded and reported; retried next run)."""
    now = now or timezone.now()
    with transaction.atomic():
        held = lock_waiting_hold(hold_id=hold_id)
        if held is None or not is_ready(held) or not is_due(held, now):
            return SKIPPED
        published = publish_pair(held=held, log_action="wagtail.publish.scheduled")
    return PUBLISHED_NOW if published else FAILED
