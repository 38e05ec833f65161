"""The plugin's admin hooks: the closed routes (`routes`), its audit log actions, the
translation editor's "Submit for review" (`translation_review`) for pages and snippets, the
translator rule of reviewed snippets (`snippets.may_edit`), the notices' page, menu item
and dashboard panel (`views`, `panels`), and the translation report (`report_views`, in the
Reports menu instead of wagtail-localize's) with the translators' dashboard panel.

The wrapped views are registered at wagtail-localize's own paths, by a hook that runs before
wagtail-localize's (`order=-1`), so Django resolves those paths to the wrappers first while
`reverse("wagtail_localize:...")` keeps giving the same URLs.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogActionRegistry, log
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, WorkflowMixin

from cms.workflow import (
    audit,
    conf,
    panels,
    report_views,
    routes,
    snippets,
    together,
    translation_review,
    urls,
)

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


@hooks.register("register_admin_urls")
def register_notice_urls() -> list:
    return [
        path("workflow/notices/", include(urls, namespace="cms_workflow_notices")),
        path(
            "workflow/preview/",
            include((urls.preview_urlpatterns, "cms_workflow_previews")),
        ),
        path("workflow/holds/", include((urls.hold_urlpatterns, "cms_workflow_holds"))),
    ]


class PreviewLinkMenuItem(ActionMenuItem):
    """ "Preview link" in the page editor's action menu: the front end preview of the latest
    revision (`previews`); shown when the page's language has a preview URL."""

    label = _("Preview link for the website")
    name = "cms-workflow-preview-link"
    icon_name = "view"
    order = 90

    def is_shown(self, context: dict) -> bool:
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and page.locale.language_code in conf.preview_urls()
            and self.get_user_page_permissions_tester(context).can_edit()
        )

    def get_url(self, parent_context: dict) -> str:
        return reverse("cms_workflow_previews:link", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_preview_link_menu_item() -> PreviewLinkMenuItem:
    return PreviewLinkMenuItem()


@hooks.register("register_admin_urls", order=-1)
def register_report_urls() -> list:
    """The translation report; wagtail-localize's own report URL leads to it."""
    return [
        path(
            "workflow/translations/",
            include(
                ([path("", report_views.translation_report, name="index")], "cms_workflow_report")
            ),
        ),
        path(
            "localize/reports/translations/",
            RedirectView.as_view(pattern_name="cms_workflow_report:index", query_string=True),
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item() -> MenuItem:
    return MenuItem(
        _("Translations"),
        reverse("cms_workflow_report:index"),
        name="cms-workflow-translations",
        icon_name="site",
        order=9000,
    )


@hooks.register("construct_reports_menu")
def hide_localize_report(request: HttpRequest, menu_items: list) -> None:
    """The plugin's report replaces wagtail-localize's in the Reports menu."""
    theirs = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != theirs]


@hooks.register("construct_homepage_panels")
def add_to_translate_panel(request: HttpRequest, panels_list: list) -> None:
    panels_list.append(panels.ToTranslatePanel())


@hooks.register("register_admin_menu_item")
def register_notices_menu_item() -> panels.NoticesMenuItem:
    return panels.NoticesMenuItem(
        _("Notices"), reverse("cms_workflow_notices:index"), name="notices", icon_name="mail"
    )


@hooks.register("construct_homepage_panels")
def add_waiting_for_you_panel(request: HttpRequest, panels_list: list) -> None:
    panels_list.append(panels.WaitingForYouPanel())


@hooks.register("register_log_actions")
def register_log_actions(actions: LogActionRegistry) -> None:
    actions.register_action(
        routes.REFUSED, _("Refused without review"), _("Refused a route around review")
    )
    actions.register_action(
        audit.SUBMIT_TRANSLATION,
        _("Submit translation for review"),
        _("Translation submitted for review from the translation editor"),
    )
    actions.register_action(
        audit.SYNC, _("Sync translations"), _("Translations synced with the source")
    )
    actions.register_action(
        audit.HOLD,
        _("Held for the translation"),
        _("Approved; held until its translation is approved"),
    )
    actions.register_action(
        audit.HOLD_SUPERSEDED,
        _("Hold replaced"),
        _("A held version was replaced by a later approval"),
    )
    actions.register_action(
        audit.RELEASED,
        _("Released alone"),
        _("Held version published without waiting for the translation"),
    )
    actions.register_action(
        audit.PUBLISHED_TOGETHER,
        _("Published with the translation"),
        _("Published together with its translation"),
    )
    actions.register_action(
        audit.PUBLISH_TOGETHER_FAILED,
        _("Publication with the translation failed"),
        _("Publication with the translation failed (neither changed; it is retried)"),
    )
    actions.register_action(
        audit.SCHEDULED_PUBLICATION_FAILED,
        _("Scheduled publication failed"),
        _("Scheduled publication failed (it is retried)"),
    )


def _submit_for_review(request: HttpRequest, obj: Any, *, can_edit: Callable[[], bool]) -> bool:
    """Handle the translation editor's "Submit for review" POST on `obj`; False: not ours.

    Only a POST carrying `SUBMIT_FOR_REVIEW` on the target of a synced translation is handled;
    everything else goes on to wagtail-localize's editor unchanged.
    """
    if request.method != "POST" or SUBMIT_FOR_REVIEW not in request.POST:
        return False
    translation = translation_review.translation_of(obj)
    if translation is None:
        return False
    if not can_edit():
        raise PermissionDenied
    try:
        translation_review.submit_for_review(translation=translation, obj=obj, user=request.user)
    except translation_review.ReviewError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The translation was submitted for review."))
    return True


@hooks.register("before_edit_page", order=-1)
def submit_translation_for_review(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The translation editor's "Submit for review" (runs before wagtail-localize's own hook)."""

    def can_edit() -> bool:
        return page.permissions_for_user(request.user).can_edit()

    if _submit_for_review(request, page, can_edit=can_edit):
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_edit_page", order=-1)
def show_requested_changes(request: HttpRequest, page: Page) -> None:
    """On opening a translation whose reviewer requested changes, say so at the top with the
    comment (the editor's review section below repeats it with the "Submit for review" button).
    """
    if request.method != "GET" or translation_review.translation_of(page) is None:
        return
    review = translation_review.review_state(page)
    if review is not None and review.changes_requested:
        message = _("Changes requested by the reviewer.")
        if review.comment:
            message = _("Changes requested by the reviewer: %(comment)s") % {
                "comment": review.comment
            }
        messages.warning(request, message)


@hooks.register("before_edit_page")
def show_held_publication(request: HttpRequest, page: Page) -> None:
    """On opening a page whose approved version is held for its translation (`together`), or a
    translation that such a version waits for, say so at the top, with the release button for
    a user who may publish the original."""
    if request.method != "GET":
        return
    held = together.waiting_hold(page)
    if held is None:
        return
    values = {"title": held.revision.object_str}
    if held.object_id != str(page.pk):
        messages.info(
            request,
            _(
                "The approved version of “%(title)s” waits for this translation: when a reviewer "
                "approves it, both go live at once."
            )
            % values,
        )
        return
    buttons = []
    if together.may_release(held=held, user=request.user):
        release_url = reverse("cms_workflow_holds:release", args=[held.pk])
        buttons.append(messages.button(release_url, _("Publish without the translation")))
    message = _(
        "An approved version of “%(title)s” is held: it goes live with its translation once "
        "the translation is approved."
    )
    if held.last_error:
        message = _(
            "An approved version of “%(title)s” is held, and publishing it with its translation "
            "failed: %(reason)s"
        )
        values["reason"] = held.last_error
    messages.warning(request, message % values, buttons=buttons)


@hooks.register("before_edit_snippet", order=-1)
def review_snippet_translation(request: HttpRequest, instance: Any) -> HttpResponse | None:
    """The translator rule and "Submit for review" for snippets with workflows.

    Runs before wagtail-localize's hook (which renders its translation editor): a translator
    (`snippets.may_edit`) is refused a snippet in the source language, whether it is opened,
    saved or reverted; the translation editor's "Submit for review" is handled here.
    """
    if not isinstance(instance, TranslatableMixin):
        return None
    if not snippets.may_edit(request.user, instance):
        routes.refuse(request, instance, "edit_source_snippet")
    if is_publish_request(request) and not snippets.may_publish(request.user, instance):
        routes.refuse(request, instance, "publish_snippet")
    if isinstance(instance, WorkflowMixin) and _submit_for_review(
        request, instance, can_edit=lambda: True
    ):
        return HttpResponseRedirect(request.path)
    return None


def is_publish_request(request: HttpRequest) -> bool:
    """Whether a snippet view's POST publishes: the editor's "Publish" (``action-publish``,
    also on create, revert and scheduling) or the translation editor's (``action=publish``)."""
    return request.method == "POST" and (
        bool(request.POST.get("action-publish")) or request.POST.get("action") == "publish"
    )


@hooks.register("before_create_snippet", order=-1)
def refuse_publishing_new_snippet(request: HttpRequest, model: type) -> None:
    """A new snippet with drafts is published only in its publisher's review language."""
    if not (issubclass(model, DraftStateMixin) and is_publish_request(request)):
        return
    language = request.GET.get("locale") or Locale.get_default().language_code
    if not snippets.may_publish_new(request.user, model, language):
        log(
            instance=request.user,
            action=routes.REFUSED,
            user=request.user,
            data={"route": "publish_new_snippet", "model": model._meta.label, "locale": language},
        )
        raise PermissionDenied


@hooks.register("construct_snippet_action_menu")
def hide_publishing(menu_items: list, request: HttpRequest, context: dict) -> None:
    """No "Publish"/"Unpublish" in the menu of a snippet the user may not publish."""
    model = context.get("model")
    if model is None or not issubclass(model, DraftStateMixin):
        return
    instance = context.get("instance")
    if instance is not None:
        allowed = snippets.may_publish(request.user, instance)
    else:
        language = request.GET.get("locale") or Locale.get_default().language_code
        allowed = snippets.may_publish_new(request.user, model, language)
    if not allowed:
        menu_items[:] = [item for item in menu_items if item.name not in PUBLISHING_ITEMS]


PUBLISHING_ITEMS = ("action-publish", "action-unpublish")


@hooks.register("before_unpublish")
def allow_unpublishing(request: HttpRequest, instance: Any) -> None:
    """The admin's unpublish view takes a reviewed snippet offline (`snippets` docstring), for
    a user who may publish it (its language's review group); anyone else is refused."""
    if isinstance(instance, DraftStateMixin) and not snippets.may_publish(request.user, instance):
        routes.refuse(request, instance, "unpublish_snippet")
    snippets.mark_unpublishing(instance)
