"""Signal receivers: review events of the plugin's task become notices (`notify`); publications
drive the translation loop (`on_published`, see `loop`).

Wagtail sends its own workflow e-mails synchronously, inside the request, from receivers of
`workflow_submitted` (to superusers), `workflow_approved` and `workflow_rejected` (to the
submitter). For a workflow that contains a `LocaleApprovalTask` the plugin's notices replace
them (else every approval would be mailed twice, once outside django-q2 and in the site's
language instead of the recipient's); other workflows keep Wagtail's e-mails. Wagtail's
receivers are replaced under their own `dispatch_uid`, so this works whichever app's `ready`
runs first.
"""

from typing import Any

from django.db import transaction
from django_q.tasks import async_task
from wagtail.admin import signal_handlers as wagtail_mails
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    published,
    task_approved,
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from cms.workflow import loop, notify, together
from cms.workflow.models import LocaleApprovalTask
from cms.workflow.notices import Event

WAGTAIL_WORKFLOW_MAILS = (
    (workflow_submitted, wagtail_mails.workflow_submission_email_notifier,
     "workflow_state_submitted_email_notification"),
    (workflow_rejected, wagtail_mails.workflow_rejection_email_notifier,
     "workflow_state_rejected_email_notification"),
    (workflow_approved, wagtail_mails.workflow_approval_email_notifier,
     "workflow_state_approved_email_notification"),
)  # fmt: skip


def uses_plugin_task(workflow_state: WorkflowState) -> bool:
    """Whether the plugin notifies for this workflow (it has a `LocaleApprovalTask`)."""
    return LocaleApprovalTask.objects.filter(
        workflow_tasks__workflow_id=workflow_state.workflow_id
    ).exists()


def _unless_plugin_task(notifier: Any) -> Any:
    def send(sender: type, instance: WorkflowState, **kwargs: Any) -> Any:
        if uses_plugin_task(instance):
            return None
        return notifier(instance=instance, **kwargs)

    return send


def _on_task_event(event: str) -> Any:
    def receive(sender: type, instance: TaskState, user: Any = None, **kwargs: Any) -> None:
        if isinstance(instance.task.specific, LocaleApprovalTask):
            notify.record_event(task_state=instance, event=event, actor=user)

    return receive


#: The translation loop's job (`jobs.sync_translations`).
SYNC_JOB = "cms.workflow.jobs.sync_translations"


def on_published(sender: type, instance: Any, **kwargs: Any) -> None:
    """A source publication starts the translation loop after commit (`loop`) and supersedes a
    hold of an older revision (`together.source_published`); a translation's publication (its
    approval) may make it current again (`loop.record_approval`).

    Wagtail sends `published` for pages (beside `page_published`) and snippets with drafts.
    """
    if loop.is_loop_source(instance):
        together.source_published(instance)
        content_type_id, object_id = loop.base_content_type(instance).pk, instance.pk
        transaction.on_commit(lambda: async_task(SYNC_JOB, content_type_id, object_id))
    else:
        loop.record_approval(obj=instance)


def connect() -> None:
    """Connect the receivers (called by the app's `ready`)."""
    for signal, notifier, uid in WAGTAIL_WORKFLOW_MAILS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(
            _unless_plugin_task(notifier), sender=WorkflowState, dispatch_uid=uid, weak=False
        )
    for signal, event in (
        (task_submitted, Event.SUBMITTED),
        (task_approved, Event.APPROVED),
        (task_rejected, Event.REJECTED),
    ):
        signal.connect(_on_task_event(event), weak=False, dispatch_uid=f"cms_workflow:{event}")
    published.connect(on_published, dispatch_uid="cms_workflow:translation_loop")
