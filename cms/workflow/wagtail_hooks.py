"""The plugin's admin hooks: the closed routes (`routes`), its audit log action, and the
translation editor's "Submit for review" (`translation_review`).

The wrapped views are registered at wagtail-localize's own paths, by a hook that runs before
wagtail-localize's (`order=-1`), so Django resolves those paths to the wrappers first while
`reverse("wagtail_localize:...")` keeps giving the same URLs.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import LogActionRegistry
from wagtail.models import Page

from cms.workflow import routes, translation_review

# The name of the translation editor's "Submit for review" button (templates use it too).
SUBMIT_FOR_REVIEW = "cms-workflow-submit-for-review"


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
        path("locales/new/", routes.add_locale),
        path("locales/edit/<str:pk>/", routes.edit_locale),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        routes.REFUSED, _("Refused without review"), _("Refused a route around review")
    )


@hooks.register("before_edit_page", order=-1)
def submit_translation_for_review(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The translation editor's "Submit for review" (runs before wagtail-localize's own hook).

    Only a POST carrying `SUBMIT_FOR_REVIEW` on the target page of a synced translation is
    handled here; everything else goes on to wagtail-localize's editor unchanged.
    """
    if request.method != "POST" or SUBMIT_FOR_REVIEW not in request.POST:
        return None
    translation = translation_review.translation_of(page)
    if translation is None:
        return None
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    try:
        translation_review.submit_for_review(translation=translation, page=page, user=request.user)
    except translation_review.ReviewError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The translation was submitted for review."))
    return redirect("wagtailadmin_pages:edit", page.pk)
