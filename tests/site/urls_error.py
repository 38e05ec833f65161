"""A URLconf with a view that fails, to see the 500 page in both languages."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [
    *i18n_patterns(path("broken/", broken_view), prefix_default_language=True),
    *site_urlpatterns,
]
