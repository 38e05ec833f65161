"""The admin view that releases a held revision alone (`together.release`).

GET shows what will happen and asks to confirm; POST publishes the held source revision
without waiting for its translation. Only a user who may publish the source gets the page
(anyone else: 403, the same answer as Wagtail's own publish routes); a hold that is no longer
waiting is a 404.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder

from cms.workflow import together
from cms.workflow.holds import PublicationHold


def release_hold(request: HttpRequest, hold_id: int) -> HttpResponse:
    """Confirm (GET) and release (POST) the held revision of hold `hold_id`."""
    held = PublicationHold.objects.waiting().select_related("revision").filter(pk=hold_id).first()
    if held is None or held.revision.content_object is None:
        raise Http404
    if not together.may_release(held=held, user=request.user):
        raise PermissionDenied
    edit_url = AdminURLFinder(request.user).get_edit_url(held.revision.content_object) or ""
    if request.method == "POST":
        try:
            together.release(hold_id=held.pk, user=request.user)
        except PublicationHold.DoesNotExist as error:  # released or published meanwhile
            raise Http404 from error
        messages.success(
            request,
            _("“%(title)s” was published without waiting for its translation.")
            % {"title": held.revision.object_str},
        )
        return redirect(edit_url or "wagtailadmin_home")
    return TemplateResponse(
        request,
        "cms_workflow/holds/release.html",
        {
            "page_title": _("Publish without the translation"),
            "header_icon": "warning",
            "hold": held,
            "title": held.revision.object_str,
            "edit_url": edit_url,
        },
    )
