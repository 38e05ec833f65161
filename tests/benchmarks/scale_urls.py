"""The benchmark server's URLs plus plain Wagtail over the same pages, for `bench_scale.py`.

- `/plain/api/v2/pages/`: Wagtail's own `PagesAPIViewSet` (wagtail.api.v2), none of the
  project's query work (no `select_related`, no batched fields, no extra filters).
- `/plain/<language>/<path>/`: plain page serving: Wagtail's routing (`Page.route` from the
  language's home page, as `wagtail.views.serve` does) and a basic template of the kind a
  Wagtail tutorial writes (title, intro fields, the description stream, the logo rendition),
  without the project's templates, menus, prefetching or context.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.template import engines
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from tests.benchmarks.server_urls import urlpatterns as server_urlpatterns

plain_api = WagtailAPIRouter("plainapi")
plain_api.register_endpoint("pages", PagesAPIViewSet)

PLAIN_TEMPLATE = engines["django"].from_string(
    """{% load wagtailcore_tags wagtailimages_tags %}<!doctype html>
<html lang="{{ page.locale.language_code }}"><head><meta charset="utf-8">
<title>{{ page.seo_title|default:page.title }}</title></head>
<body><header><a href="{% pageurl page.get_parent %}">{{ page.get_parent.title }}</a></header>
<main><h1>{{ page.title }}</h1>
{% if page.logo %}{% image page.logo max-400x400 %}{% endif %}
<p>{{ page.summary }}</p>
{% for block in page.description %}{% include_block block %}{% endfor %}
</main></body></html>"""
)


def plain_serve(request: HttpRequest, language: str, path: str) -> HttpResponse:
    """Find the page as Wagtail's `serve` view does and render the basic template."""
    home = Page.objects.filter(depth=2, locale__language_code=language).first()
    if home is None:
        raise Http404
    components = [part for part in path.split("/") if part]
    page, _args, _kwargs = home.specific.route(request, components)
    return HttpResponse(PLAIN_TEMPLATE.render({"page": page, "request": request}))


urlpatterns = [
    path("plain/api/v2/", plain_api.urls),
    path("plain/<str:language>/<path:path>", plain_serve),
    *server_urlpatterns,
]
