"""The dashboard panels "Waiting for you" and "To translate" (pages and snippets), and the
menu items "Notices" (with the unread count) and "Translations" (the report)."""

from typing import Any

from django.template.loader import get_template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.models import Locale

from cms.workflow import conf, notify, report
from cms.workflow.notices import Notice

#: At most this many unread notices and waiting items are shown on the dashboard.
PANEL_LIMIT = 10


class DashboardPanel(Component):
    """A dashboard panel rendered only when `is_empty(context)` is false."""

    def is_empty(self, context: dict) -> bool:
        raise NotImplementedError

    def render_html(self, parent_context: Any = None) -> str:
        context = self.get_context_data(parent_context)
        if self.is_empty(context):
            return ""
        context["request"] = parent_context["request"]
        return get_template(self.template_name).render(context)


class WaitingForYouPanel(DashboardPanel):
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

    def is_empty(self, context: dict) -> bool:
        return not (context["notices"] or context["states"])


class NoticesMenuItem(MenuItem):
    """ "Notices", with the number of unread ones in the label."""

    def render_component(self, request: Any) -> LinkMenuItem:
        unread = Notice.objects.for_user(request.user).unread().count()
        label = _("Notices (%(count)s)") % {"count": unread} if unread else _("Notices")
        return LinkMenuItem(
            self.name, label, reverse("cms_workflow_notices:index"), icon_name=self.icon_name
        )


class ToTranslatePanel(DashboardPanel):
    """The translators' work on pages and snippets, oldest first: "To translate" (missing, in
    progress or outdated) and "Rejected, to fix" (the reviewer asked for changes), per language.

    Shown to members of a language's translator group (`conf.translator_groups`) when there is
    something in it; a fixed number of queries per language (`report.rows`).
    """

    name = "cms_workflow_to_translate"
    template_name = "cms_workflow/report/panel.html"
    order = 60

    def languages(self, user: Any) -> list[Locale]:
        groups = conf.translator_groups()
        names = set(user.groups.filter(name__in=groups.values()).values_list("name", flat=True))
        codes = [code for code, name in groups.items() if name in names]
        return list(Locale.objects.filter(language_code__in=codes).order_by("language_code"))

    def get_context_data(self, parent_context: Any) -> dict:
        user = parent_context["request"].user
        work = []
        for locale in self.languages(user):
            todo, fix = report.translators_work(locale, limit=PANEL_LIMIT)
            if todo or fix:
                work.append({"locale": locale, "to_translate": todo, "to_fix": fix})
        return {"work": work}

    def is_empty(self, context: dict) -> bool:
        return not context["work"]
