"""The admin's notices page, the view that opens a notice, and the preview link page.

Thin views: a user sees and opens only their own notices (another user's notice is a 404, so
its existence is not revealed); opening marks it read (`notify.mark_read`) and goes on to the
reviewed object's editor, or back to the list when the object has no editor any more.
`preview_link` shows the front end preview link of a page revision to a user who may edit the
page (`previews.link_for`); anyone else, or a language without a preview URL: a 404.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, Revision

from cms.workflow import conf, notify, previews
from cms.workflow.notices import Notice

PER_PAGE = 50


def notice_index(request: HttpRequest) -> HttpResponse:
    """All of the user's notices, newest first, unread ones marked."""
    notices = Notice.objects.for_user(request.user).select_related("actor")
    page = Paginator(notices, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "cms_workflow/notices/index.html",
        {
            "page_title": _("Notices"),
            "header_icon": "mail",
            "notices": page,
            "unread_count": Notice.objects.for_user(request.user).unread().count(),
        },
    )


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    """Mark all of the user's notices read and show the list again."""
    notify.mark_all_read(user=request.user)
    return redirect("cms_workflow_notices:index")


def open_notice(request: HttpRequest, notice_id: int) -> HttpResponse:
    """Mark the user's notice read and go to what it is about."""
    try:
        notice = notify.mark_read(notice_id=notice_id, user=request.user)
    except Notice.DoesNotExist as error:
        raise Http404 from error
    return redirect(notice.link or "cms_workflow_notices:index")


def preview_link(
    request: HttpRequest, page_id: int, revision_id: int | None = None
) -> HttpResponse:
    """The preview link of a revision of the page (its latest when none is given)."""
    page = get_object_or_404(Page, pk=page_id)
    revisions = Revision.page_revisions.filter(object_id=str(page.pk))
    revision = (
        get_object_or_404(revisions, pk=revision_id)
        if revision_id is not None
        else revisions.order_by("-created_at", "-pk").first()
    )
    if revision is None:
        raise Http404
    try:
        link = previews.link_for(revision=revision, user=request.user)
    except previews.PreviewNotAllowed as error:
        raise Http404 from error
    return TemplateResponse(
        request,
        "cms_workflow/previews/link.html",
        {
            "page_title": _("Preview link"),
            "header_icon": "view",
            "title": revision.object_str or page.title,
            "link": link,
            "minutes": conf.preview_max_age() // 60,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
        headers={"Cache-Control": "private, no-store"},
    )
