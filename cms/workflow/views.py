"""The admin's notices page and the view that opens a notice.

Thin views: a user sees and opens only their own notices (another user's notice is a 404, so
its existence is not revealed); opening marks it read (`notify.mark_read`) and goes on to the
reviewed object's editor, or back to the list when the object has no editor any more.
"""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.workflow import notify
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
