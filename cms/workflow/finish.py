"""What happens when a workflow is approved: the approved revision is published.

Set as ``WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow.finish.publish_approved"``. Wagtail's
own finish action publishes as the last approver and checks their publish permission. For a
snippet that permission is per model (``publish_<model>``), not per language: a translation
reviewer would need it to approve an English venue, and would then be able to publish
Hungarian venues directly, without review. The approval is the authorisation: only a user the
task lets approve (`LocaleApprovalTask`: the group of the object's language) can finish the
workflow, so the publication runs without a second, coarser check. Pages are published the
same way (their approvers may publish them anyway, `reviewers`).

Wagtail imports this module while it defines its own models: it imports no model.
"""

from typing import Any


def publish_approved(workflow_state: Any, user: Any = None) -> None:
    """Publish the latest revision of the approved object, as `user` (for the history)."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
