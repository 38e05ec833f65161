"""Who hears of a review event, as an in-admin notice and (after commit) an e-mail.

Contract of `record_event`: called inside the transaction that changes the task state (Wagtail
runs its workflow actions atomically), it writes one `Notice` per recipient and enqueues each
notice's e-mail job with `transaction.on_commit`: a rolled-back action notifies nobody. Calling
it twice for the same event is harmless: the notices are unique per (recipient, task state,
event) and an e-mail already sent or claimed is not sent again (`mail.deliver_notice_email`).

Recipients (never the user who acted, never an inactive user):

- a submission (`Event.SUBMITTED`) goes to the approvers the `LocaleApprovalTask` picks for the
  object's language (members of that group), and to superusers unless Wagtail's
  ``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS`` is False (superusers also hear when the
  language has no group, as they are then its only approvers);
- an approval or a request for changes goes to the user who submitted the object for review
  (the workflow's ``requested_by``), with the reviewer's comment.

Translation work (`record_translation_work`, called by the translation loop, `loop`): the
active members of the language's translator group (``CMS_WORKFLOW["TRANSLATOR_GROUPS"]``;
superusers when the language has none) hear that a source change waits to be translated, once
per piece of work (the notice's `work` key): a second publication before the translation caught
up only refreshes the unread notice's list of texts.

A failed scheduled publication (`record_publication_failure`, called by `scheduled`): the
submitter (who started the revision's last workflow, else the revision's author) and the
moderators of its language (the review group's active members, and superusers as for a
submission) hear of it once per revision (work key ``"publish:<revision id>"``), however often
the job retries it.

The e-mail follows the recipient's Wagtail account settings ("submitted", "approved",
"rejected" notifications) and needs an address; the in-admin notice is always written.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_q.tasks import async_task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.users.models import UserProfile

from cms.workflow import conf
from cms.workflow.models import LocaleApprovalTask, language_of
from cms.workflow.notices import EmailStatus, Event, Notice

#: The job that sends a notice's e-mail (django-q2 addresses jobs by dotted path).
EMAIL_JOB = "cms.workflow.jobs.send_notice_email"


def approvers(*, task: LocaleApprovalTask, obj: Any) -> Any:
    """The active users who may approve `obj` on `task` and hear of its submission."""
    return members_and_superusers(task.approving_group_name(obj))


def members_and_superusers(group: str | None) -> Any:
    """The active members of `group`, and superusers unless Wagtail's
    ``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS`` is False (always when there is no group)."""
    include_superusers = getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True)
    who = Q(groups__name=group) if group else Q(pk__in=[])
    if include_superusers or not group:
        who |= Q(is_superuser=True)
    return get_user_model().objects.filter(who, is_active=True).distinct()


def recipients(*, task_state: TaskState, event: str, actor: Any) -> list[Any]:
    """The users who hear of `event` on `task_state` (see the module docstring)."""
    workflow_state = task_state.workflow_state
    if event == Event.SUBMITTED:
        users = list(approvers(task=task_state.task.specific, obj=workflow_state.content_object))
    else:
        requested_by = workflow_state.requested_by
        users = [requested_by] if requested_by is not None and requested_by.is_active else []
    actor_id = getattr(actor, "pk", None)
    return [user for user in users if user.pk != actor_id]


def wants_email(user: Any, event: str) -> bool:
    """Whether `user` has an address and wants e-mails of this kind (Wagtail account setting)."""
    profile = UserProfile.get_for_user(user)
    return bool(user.email) and getattr(profile, f"{event}_notifications", True)


def write_notice(
    *, user: Any, event: str, key: dict[str, Any], defaults: dict[str, Any]
) -> tuple[Notice, bool]:
    """Get or create `user`'s notice of `event` identified by `key` (the task state, or the piece
    of work), and enqueue its e-mail after commit while it is pending.

    `defaults` are the notice's other fields; the title and the link are cut to their columns,
    and whether an e-mail is due follows the user's settings (`wants_email`). Enqueuing again a
    pending e-mail is harmless: the job claims the notice before sending.
    """
    defaults = {
        **defaults,
        "title": defaults["title"][:255],
        "link": defaults["link"][:500],
        "email_status": EmailStatus.PENDING if wants_email(user, event) else EmailStatus.NONE,
    }
    notice, created = Notice.objects.get_or_create(
        recipient=user, event=event, **key, defaults=defaults
    )
    if notice.email_status == EmailStatus.PENDING:
        transaction.on_commit(lambda pk=notice.pk: async_task(EMAIL_JOB, pk))
    return notice, created


def record_event(*, task_state: TaskState, event: str, actor: Any = None) -> list[Notice]:
    """Write the notices of `event` on `task_state` and enqueue their e-mails after commit.

    Returns the notices written now (those that existed already are not returned again).
    """
    workflow_state = task_state.workflow_state
    obj = workflow_state.content_object
    if hasattr(obj, "specific"):
        obj = obj.specific
    comment = task_state.get_comment() if event != Event.SUBMITTED else ""
    link = AdminURLFinder().get_edit_url(obj) or ""
    # The title of the revision under review (the live object may still show the old one).
    revision = task_state.revision
    title = revision.object_str if revision is not None and revision.object_str else str(obj)
    written: list[Notice] = []
    with transaction.atomic():
        for user in recipients(task_state=task_state, event=event, actor=actor):
            notice, created = write_notice(
                user=user,
                event=event,
                key={"task_state": task_state},
                defaults={
                    "actor": actor if getattr(actor, "pk", None) else None,
                    "revision_id": task_state.revision_id,
                    "content_type_id": workflow_state.base_content_type_id,
                    "object_id": workflow_state.object_id,
                    "title": title,
                    "language": language_of(obj) or "",
                    "comment": comment,
                    "link": link,
                },
            )
            if created:
                written.append(notice)
    return written


def translators(*, language: str) -> Any:
    """The active users who translate into `language` (module docstring)."""
    group = conf.translator_groups().get(language)
    who = Q(groups__name=group) if group else Q(is_superuser=True)
    return get_user_model().objects.filter(who, is_active=True).distinct().order_by("pk")


def translation_link(*, target: Any, source: Any) -> str:
    """Where a translator starts: the translation's editor (wagtail-localize's, for a synced
    translation), else the source's editor (its "Translate" action)."""
    finder = AdminURLFinder()
    return (finder.get_edit_url(target) if target is not None else None) or (
        finder.get_edit_url(source) or ""
    )


def record_translation_work(
    *, status: Any, source: Any, target: Any, segments: list[str], held: bool = False
) -> list[Notice]:
    """Tell the translators of `status.locale` that `source` changed (a `TO_TRANSLATE` notice
    each, with `segments`, the texts to translate) and enqueue the e-mails after commit.
    `held`: the change is an approved revision whose publication waits for the translation
    (`together`); the notice says so.

    `status` is the loop's `TranslationStatus`; `target` the translation (None when it could not
    be created). Once per piece of work (module docstring). Returns the notices written now.
    """
    language = status.locale.language_code
    work = f"{status.pk}:{status.made_from_revision_id or 0}"
    about = target if target is not None else source
    content_type = ContentType.objects.get_for_model(about.get_translation_model())
    link = translation_link(target=target, source=source)
    written: list[Notice] = []
    with transaction.atomic():
        for user in translators(language=language):
            notice, created = write_notice(
                user=user,
                event=Event.TO_TRANSLATE,
                key={"work": work},
                defaults={
                    "revision_id": getattr(target, "latest_revision_id", None),
                    "content_type": content_type,
                    "object_id": str(about.pk),
                    "title": str(about),
                    "language": language,
                    "changed_segments": segments,
                    "publication_waits": held,
                    "link": link,
                },
            )
            if created:
                written.append(notice)
            elif notice.read_at is None and (
                notice.changed_segments != segments or notice.publication_waits != held
            ):
                notice.changed_segments, notice.publication_waits = segments, held
                notice.save(update_fields=["changed_segments", "publication_waits"])
    return written


def mark_read(*, notice_id: int, user: Any) -> Notice:
    """Mark `user`'s notice read (once: the first opening's time is kept) and return it.

    Raises:
        Notice.DoesNotExist: no such notice, or it belongs to someone else.
    """
    with transaction.atomic():
        notice = Notice.objects.select_for_update().for_user(user).get(pk=notice_id)
        if notice.read_at is None:
            notice.read_at = timezone.now()
            notice.save(update_fields=["read_at"])
    return notice


def mark_all_read(*, user: Any) -> int:
    """Mark all of `user`'s unread notices read; returns how many were unread."""
    return Notice.objects.for_user(user).unread().update(read_at=timezone.now())


def waiting_for_review(user: Any, *, limit: int = 10) -> list[TaskState]:
    """The task states `user` may approve or reject now, newest first (at most `limit`)."""
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("workflow_state", "workflow_state__requested_by", "revision")
        .order_by("-started_at")[:limit]
    )
    return [state for state in states if state.workflow_state.content_object is not None]


def moderators(*, language: str) -> Any:
    """The active members of `language`'s review group, and superusers (module docstring)."""
    return members_and_superusers(conf.review_groups().get(language))


def submitter_of(revision: Revision) -> Any:
    """Who submitted `revision` for review (its workflow's requester), else its author."""
    state = (
        WorkflowState.objects.filter(
            base_content_type_id=revision.base_content_type_id,
            object_id=revision.object_id,
            current_task_state__revision=revision,
        )
        .select_related("requested_by")
        .order_by("-created_at")
        .first()
    )
    return (state.requested_by if state else None) or revision.user


def record_publication_failure(
    *, revision: Revision, obj: Any, reason: str, together: bool = False
) -> list[Notice]:
    """Tell the submitter and the moderators that `revision`'s scheduled publication failed
    (a `PUBLISH_FAILED` notice each, with `reason`); once per revision (module docstring).
    `together`: the publication of a held revision with its translations failed (`PAIR_FAILED`).

    Call it inside a transaction: the e-mails are enqueued on commit. Returns the new notices.
    """
    if hasattr(obj, "specific"):
        obj = obj.specific
    language = language_of(obj) or ""
    users = {user.pk: user for user in moderators(language=language)}
    submitter = submitter_of(revision)
    if submitter is not None and submitter.is_active:
        users[submitter.pk] = submitter
    event = Event.PAIR_FAILED if together else Event.PUBLISH_FAILED
    link = AdminURLFinder().get_edit_url(obj) or ""
    written: list[Notice] = []
    for user in users.values():
        notice, created = write_notice(
            user=user,
            event=event,
            key={"work": f"{'pair' if together else 'publish'}:{revision.pk}"},
            defaults={
                "revision": revision,
                "content_type_id": revision.base_content_type_id,
                "object_id": revision.object_id,
                "title": revision.object_str or str(obj),
                "language": language,
                "comment": reason,
                "link": link,
            },
        )
        if created:
            written.append(notice)
    return written
