"""The Wagtail `Site` of a request, and Wagtail's site root paths, from the shared lookups.

Wagtail finds the site with a query on every request (`Site.find_for_request`) and reads its
site root paths, which every page URL needs, from the cache (`Site.get_site_root_paths`). Both
change only when a Site or a home page changes, so a web process keeps them across requests
(`cms.shared_lookups`). `site_for_request` leaves both on the request where Wagtail looks for
them (`request._wagtail_site`, `request._wagtail_cached_site_root_paths`), so Wagtail's own
code (its `serve` view, `Page.get_url`) uses them too. The lookup itself is Wagtail's
(`Site._find_for_request`, the part of `find_for_request` below its per-request attribute), so
its rules (host and port, then the default site) stay Wagtail's.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

from cms.shared_lookups import shared


def site_for_request(request: HttpRequest | None) -> Site | None:
    """`Site.find_for_request(request)`, kept across requests (read-only: it is shared)."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = shared(
            ("site", hostname, port), lambda: Site._find_for_request(request)
        )
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = shared(
            "site_root_paths", Site.get_site_root_paths
        )
    return request._wagtail_site
