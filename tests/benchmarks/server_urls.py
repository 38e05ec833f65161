"""The project's URLs plus `/bench/ping/`, a trivial JSON view (the benchmarks' baseline)."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from cms.urls import urlpatterns as project_urlpatterns


def ping(request: HttpRequest) -> JsonResponse:
    """No database, no template: what the server and middleware cost by themselves."""
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/ping/", ping), *project_urlpatterns]
