"""The dashboard panel "Waiting for you" and the menu item "Notices" with the unread count."""

from typing import Any

from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem

from cms.workflow import notify
from cms.workflow.notices import Notice

#: At most this many unread notices and waiting items are shown on the dashboard.
PANEL_LIMIT = 10


class WaitingForYouPanel(Component):
    """The user's unread notices and the items waiting for their review.

    Shown only when there is something in it.
    """

    name = "cms_workflow_waiting_for_you"
    template_name = "cms_workflow/notices/panel.html"
    order = 50

    def get_context_data(self, parent_context: Any) -> dict:
        user = parent_context["request"].user
        unread = Notice.objects.for_user(user).unread().select_related("actor")
        return {
            "notices": list(unread[:PANEL_LIMIT]),
            "unread_count": unread.count(),
            "states": notify.waiting_for_review(user, limit=PANEL_LIMIT),
        }

    def render_html(self, parent_context: Any = None) -> str:
        context = self.get_context_data(parent_context)
        if not (context["notices"] or context["states"]):
            return ""
        context["request"] = parent_context["request"]
        return get_template(self.template_name).render(context)


class NoticesMenuItem(MenuItem):
    """ "Notices", with the number of unread ones in the label."""

    def render_component(self, request: Any) -> LinkMenuItem:
        unread = Notice.objects.for_user(request.user).unread().count()
        label = _("Notices (%(count)s)") % {"count": unread} if unread else _("Notices")
        return LinkMenuItem(
            self.name, label, reverse("cms_workflow_notices:index"), icon_name=self.icon_name
        )
