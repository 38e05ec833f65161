"""The API side of preview links (`previews`): a draft revision in the page detail's shape.

`PreviewViewSetMixin` goes before a Wagtail `PagesAPIViewSet` (the site's own, so the preview
has exactly the shape of its page detail) and is registered as an endpoint, e.g. ``preview``:
``GET /api/v2/preview/?token=...`` answers the revision the token names, built in memory
(`Revision.as_object`: nothing is saved, the public listing never sees it). Without a valid
token (missing, tampered, expired, another page's revision): the API's JSON 404. Every answer,
404s included, carries ``Cache-Control: private, no-store``: no shared or browser cache keeps a
draft. ``/preview/<id>/`` is always a JSON 404: the token is the only way in.
"""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.request import Request
from rest_framework.response import Response

from cms.workflow import previews

NO_STORE = "private, no-store"


class PreviewViewSetMixin:
    """Serve `?token=` previews through the pages endpoint it is mixed into (module docstring)."""

    def listing_view(self, request: Request) -> Response:
        revision = previews.revision_for_token(request.GET.get("token", ""))
        if revision is None:
            raise Http404(_("This preview link is not valid or has expired."))
        self.preview_page = revision.as_object()
        self.action = "detail_view"  # the page detail's serializer (detail-only fields too)
        self.api_pages = [self.preview_page]
        return Response(self.get_serializer(self.preview_page).data)

    def detail_view(self, request: Request, pk: int) -> Response:
        raise Http404(_("This preview link is not valid or has expired."))

    def get_object(self) -> Any:
        return self.preview_page

    def finalize_response(self, request: Any, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = NO_STORE
        return response

    @classmethod
    def get_urlpatterns(cls) -> list:
        """The listing (``?token=``) and the detail route, which always answers the JSON 404:
        there is no way in but the token."""
        return [url for url in super().get_urlpatterns() if url.name in {"listing", "detail"}]
