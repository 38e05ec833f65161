"""The plugin's admin hooks: the closed routes (`routes`) and its audit log action.

The wrapped views are registered at wagtail-localize's own paths, by a hook that runs before
wagtail-localize's (`order=-1`), so Django resolves those paths to the wrappers first while
`reverse("wagtail_localize:...")` keeps giving the same URLs.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry

from cms.workflow import routes


@hooks.register("register_admin_urls", order=-1)
def register_closed_routes() -> list:
    return [
        path("localize/update/<int:translation_source_id>/", routes.sync_translations),
        path("localize/page/<int:page_id>/convert_to_alias/", routes.convert_to_alias),
        path("localize/submit/page/<int:page_id>/", routes.submit_page_translation),
        path(
            "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            routes.edit_override,
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        routes.REFUSED, _("Refused without review"), _("Refused a route around review")
    )
