"""Signal receivers: review events of the plugin's task become notices (`notify`).

Wagtail sends its own workflow e-mails synchronously, inside the request, from receivers of
`workflow_submitted` (to superusers), `workflow_approved` and `workflow_rejected` (to the
submitter). For a workflow that contains a `LocaleApprovalTask` the plugin's notices replace
them (else every approval would be mailed twice, once outside django-q2 and in the site's
language instead of the recipient's); other workflows keep Wagtail's e-mails. Wagtail's
receivers are replaced under their own `dispatch_uid`, so this works whichever app's `ready`
runs first.
"""

from typing import Any

from wagtail.admin import signal_handlers as wagtail_mails
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_approved,
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from cms.workflow import notify
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
