"""A URLconf with views that fail or refuse, to see the 500 and 403 pages in both languages."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


def forbidden_view(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(
        path("broken/", broken_view),
        path("forbidden/", forbidden_view),
        prefix_default_language=True,
    ),
    *site_urlpatterns,
]
