"""`PageCacheMiddleware`: serve anonymous readers' pages and API responses from the cache.

It sits inside the session, CSRF, authentication, message and CSP middlewares (MIDDLEWARE in
cms/settings.py), so a hit still gets the reader's own CSRF cookie, `Vary` and security
headers, and sits outside the views, so a hit runs no view and no SQL (with Redis).

Never cached, never served from the cache:
- anything but GET; a request with a session cookie (a logged-in editor, a password-protected
  page the reader unlocked), a messages cookie (a notice after a booking) or an Authorization
  header; `/admin/` (previews included), which no view declares anyway;
- a response its view did not declare (`declare.py`: Wagtail's page serving and the API's
  listings and details do), that is not a 200, sets a cookie, varies by cookie, is private or
  no-store, streams, used the CSP nonce, queued a message or wrote the session.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, has_vary_header

from cms.page_cache import store
from cms.page_cache.declare import declaration_of

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"


def is_cacheable_request(request: HttpRequest) -> bool:
    """Whether `request` may be answered from the cache (and its response stored)."""
    if request.method != "GET" or request.path_info.startswith("/admin/"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and _messages_cookie() not in cookies


def _messages_cookie() -> str:
    return getattr(settings, "MESSAGE_COOKIE_NAME", "messages")


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether `response` holds or depends on something of this reader's."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return True
    if has_vary_header(response, "Cookie"):
        return True
    directives = {d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & {"private", "no-store", "no-cache"}:
        return True
    if getattr(request, "_csp_nonce", None):
        return True
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    messages = getattr(request, "_messages", None)
    return bool(messages is not None and getattr(messages, "_queued_messages", None))


class PageCacheMiddleware:
    """Serves hits and stores misses (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.PAGE_CACHE["ENABLED"] or not is_cacheable_request(request):
            return self.get_response(request)
        started = time.time_ns()
        try:
            hit = store.fetch(request)
        except Exception:  # a cache that is down costs speed, not the page
            logger.exception("Page cache read failed")
            hit = None
        if hit is not None:
            hit[HEADER] = "hit"
            return hit
        response = self.get_response(request)
        declaration = declaration_of(request)
        if declaration is None or not declaration.tags or is_personal(request, response):
            return response
        try:
            stored = store.save(request, response, declaration, started)
        except Exception:
            logger.exception("Page cache write failed")
            stored = False
        response[HEADER] = "miss" if stored else "not-stored"
        return response
