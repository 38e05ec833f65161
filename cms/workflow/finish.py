"""What happens when a workflow is approved: the approved revision is published.

Set as ``WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow.finish.publish_approved"``. Wagtail's
own finish action publishes as the last approver and checks their publish permission. For a
snippet that permission is per model (``publish_<model>``), not per language: a translation
reviewer would need it to approve an English venue, and would then be able to publish
Hungarian venues directly, without review. The approval is the authorisation: only a user the
task lets approve (`LocaleApprovalTask`: the group of the object's language) can finish the
workflow, so the publication runs without a second, coarser check. Pages are published the
same way (their approvers may publish them anyway, `reviewers`).

Publish together (`together`): an approval "with its translation" holds the revision instead
of publishing it, and the approval of a translation that a held revision waits for publishes
both (or, before the held revision's go-live time, leaves that to the scheduled job).

Wagtail imports this module while it defines its own models (`WorkflowState.on_finish` is
resolved at class definition): it imports no model at module level.
"""

from typing import Any


def publish_approved(workflow_state: Any, user: Any = None) -> None:
    """Publish the latest revision of the approved object, as `user` (for the history), hold
    it for its translation, or publish it with the source it completes (module docstring)."""
    from cms.workflow import approval_choice, together  # loaded once a workflow can finish

    obj = workflow_state.content_object
    revision = obj.get_latest_revision()
    if approval_choice.wants_hold(workflow_state, obj):
        together.hold(obj=obj, revision=revision, user=user)
    elif not together.translation_approved(obj=obj, revision=revision, user=user):
        revision.publish(user=user, skip_permission_checks=True)
