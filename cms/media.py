"""Uploaded files under /media/: images only. Documents are served by Wagtail's view.

Wagtail keeps images in ``original_images/`` and their renditions in ``images/``; both are
public. Documents live in ``documents/`` of the same storage, but a document may belong to a
collection with a view restriction (login or password), which only Wagtail's
``/documents/<id>/<name>`` view checks (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``). Serving
``documents/`` here would hand every private document to anyone who knows its file name.
"""

import posixpath

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.static import serve

# The folders of MEDIA_ROOT that hold public files (Wagtail's originals and renditions).
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")


def is_public_media(path: str) -> bool:
    """Whether `path` (relative to MEDIA_ROOT, as in the URL) lies in a public folder.

    The path is normalised first, as Django's `serve` does, so `images/../documents/x.pdf`
    counts as `documents/x.pdf`.
    """
    normalised = posixpath.normpath(path).lstrip("/")
    return normalised.split("/", 1)[0] in PUBLIC_MEDIA_FOLDERS and "/" in normalised


def serve_public_media(request: HttpRequest, path: str) -> HttpResponse:
    """Serve an image file from MEDIA_ROOT (read at request time); anything else is a 404.

    Renditions are files made once, when a page first shows them; from then on they are served
    like static files: browsers and proxies keep them ``MEDIA_MAX_AGE`` seconds (a day by
    default) and then revalidate by date (``If-Modified-Since`` answers 304). Not "immutable":
    replacing an image's file may reuse its name.
    """
    if not is_public_media(path):
        raise Http404("Not a public media file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=settings.MEDIA_MAX_AGE)
    return response
