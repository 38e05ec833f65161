"""URL configuration: API and admin outside the language prefixes, the site under /hu/, /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from agency_services import views as agency_views
from cms import routing, views
from cms.api import api_router
from cms.health import HealthzView
from cms.media import serve_public_media
from cms.openapi import EnglishSchemaView
from cms.sitemaps import LocalizedSitemap
from event_booking import calendar_views

urlpatterns = [
    # Load balancers' and monitors' probe: database, cache, broker; JSON, 200 or 503.
    path("healthz", HealthzView.as_view(), name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # The booking JSON API (event_booking/api.py) and its OpenAPI schema.
    path("api/bookings/", include("event_booking.api")),
    path("api/schema/", EnglishSchemaView.as_view(), name="api-schema"),
    # Both languages' pages; the middleware keeps this route out of the /hu/ redirect.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
]

if settings.SERVE_MEDIA:
    # Uploaded images only; documents go through Wagtail's view above, which checks their
    # collection's view restrictions (cms/media.py). A front web server may take this over
    # (SERVE_MEDIA=0), and must then serve the image folders only (README, Configuration).
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_public_media)]

urlpatterns += i18n_patterns(
    # Translated route: /hu/kereses/ and /en/search/ (the msgstr is in locale/hu/).
    path(_("search/"), views.search, name="search"),
    # The public consultation request form: /hu/tanacsadas/, /en/consultation/ (agency_services).
    path(_("consultation/"), agency_views.consultation_request, name="consultation_request"),
    # Calendars (event_booking/calendars.py); before Wagtail's catch-all. Slugs have no dots.
    path("events/feed.ics", calendar_views.events_feed, name="events_feed"),
    path("events/<int:page_id>.ics", calendar_views.event_calendar, name="event_calendar"),
    path(
        "trainings/runs/<int:run_id>.ics",
        calendar_views.training_run_calendar,
        name="training_run_calendar",
    ),
    # Booking form POST and "manage my booking" pages (event_booking/urls.py).
    path("bookings/", include("event_booking.urls")),
    # Wagtail's page serving, with the page found in one query (cms/routing.py).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
