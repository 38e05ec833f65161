"""Admin hooks of the cluster pages: assigning a cluster's managers (`cluster_pages.managers`).

- the audit log action `cluster_pages.assign_managers` (who joined or left a cluster's group);
- `after_edit_page`: applies the edit form's "Cluster managers" choice once the page is saved;
- the permission to assign managers, offered in Settings > Groups.
"""

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry, LogFormatter
from wagtail.models import ModelLogEntry, Page

from cluster_pages import managers


@hooks.register("register_log_actions")
def register_log_actions(actions: LogActionRegistry) -> None:
    @actions.register_action(managers.LOG_ACTION)
    class AssignManagers(LogFormatter):
        label = _("Assign cluster managers")

        def format_message(self, log_entry: ModelLogEntry) -> str:
            data = log_entry.data or {}
            return _("Cluster managers changed: added %(added)s; removed %(removed)s.") % {
                "added": ", ".join(data.get("added", [])) or "-",
                "removed": ", ".join(data.get("removed", [])) or "-",
            }


# Before hooks that may answer with a response of their own (which would stop the others).
@hooks.register("after_edit_page", order=-10)
def assign_managers_after_save(request: HttpRequest, page: Page) -> None:
    chosen = getattr(page, "managers_to_assign", None)
    if chosen is not None:
        managers.assign_cluster_managers(cluster=page, users=chosen, by=request.user)


@hooks.register("register_permissions")
def register_permissions() -> QuerySet:
    app_label, codename = managers.ASSIGN_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
