"""Cache entries and tag versions (Django's cache framework, the `PAGE_CACHE["ALIAS"]` cache).

An entry is stored under a key made of the request's host, path, query string and language
(and the Accept header under /api/), with the version of each of its tags at the time it was
stored. A hit reads the entry, then the tags' current versions in one `get_many`: two cache
reads, no SQL with Redis (two SELECTs on the database cache). Invalidation (`bump`) gives
tags new versions, so every entry that shows them is stale at once on every web process; old
entries are simply never read again and expire.

Versions are strings: `b<nanoseconds>` when a change bumped the tag, `i<nanoseconds><random>`
when the first entry showing it created it. A missing tag (never created, or evicted by
Redis or by the database cache's culling) makes an entry stale, never fresh.

The race between a change and a render: a reader that read the old rows, then stored its entry
with the version the change's bump had just written, would keep stale content until the next
bump. So an entry is not stored when one of its tags was bumped after the request started
(less `PAGE_CACHE["CLOCK_SKEW_SECONDS"]`, for the clocks of several machines): the change
may have missed it. After a change, its pages are stored again from a second later on.

The CSRF token: the booking form on event and training pages carries one. The stored copy
holds a placeholder instead, and each hit puts the reader's own token in (`get_token`, which
also makes Django's CSRF middleware set the reader's cookie), so one reader's token is never
served to another and the form keeps working.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

from cms.page_cache.declare import Declaration

logger = logging.getLogger(__name__)

# As long as a real (masked) token, so the page's length does not change when it is put in.
CSRF_PLACEHOLDER = b"cms-page-cache-csrf-token-placeholder".ljust(64, b"x")
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
# Headers of the view's response that are stored; the middlewares around the cache add
# the others (cookies, Vary, security headers, CSP) to every response, hit or miss.
_STORED_HEADERS = {"content-type", "content-language", "allow", "link", "vary", "x-robots-tag"}


def is_enabled() -> bool:
    """Whether the page cache is on (`PAGE_CACHE["ENABLED"]`)."""
    return bool(settings.PAGE_CACHE["ENABLED"])


def _clock_skew_ns() -> int:
    # How far the clocks of two web or worker machines may differ (NTP keeps them far closer).
    return int(settings.PAGE_CACHE["CLOCK_SKEW_SECONDS"] * 1_000_000_000)


def _cache() -> Any:
    return caches[settings.PAGE_CACHE["ALIAS"]]


def _tag_key(tag: str) -> str:
    return f"pagecache:tag:{tag}"


def entry_key(request: HttpRequest) -> str:
    """The cache key of the response to `request`."""
    parts = [
        request.scheme or "",
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
    ]
    if request.path_info.startswith("/api/"):
        parts.append(request.META.get("HTTP_ACCEPT", ""))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"pagecache:entry:{digest}"


def bump(tags: Iterable[str]) -> None:
    """Give `tags` new versions: every cached response showing one of them is stale."""
    tags = sorted(set(tags))
    if not tags:
        return
    version = f"b{time.time_ns()}"
    _cache().set_many({_tag_key(tag): version for tag in tags}, timeout=None)


def current_versions(tags: Iterable[str]) -> dict[str, str]:
    """Tag -> its current version; a tag without one gets its first (`add` never overwrites
    a version a concurrent bump has just written). A tag the cache keeps no version of even
    then is left out."""
    cache = _cache()
    keys = {tag: _tag_key(tag) for tag in tags}
    current = cache.get_many(keys.values())
    missing = [key for key in keys.values() if key not in current]
    if missing:
        for key in missing:
            cache.add(key, _initial_version(), timeout=None)
        current = cache.get_many(keys.values())
    return {tag: current[key] for tag, key in keys.items() if key in current}


def _initial_version() -> str:
    return f"i{time.time_ns()}{secrets.token_hex(4)}"


def fetch(request: HttpRequest) -> HttpResponse | None:
    """The cached response to `request` if there is one and none of its tags changed."""
    cache = _cache()
    entry = cache.get(entry_key(request))
    if entry is None:
        return None
    versions = entry["tags"]
    current = cache.get_many([_tag_key(tag) for tag in versions])
    if any(current.get(_tag_key(tag)) != version for tag, version in versions.items()):
        return None
    content = entry["content"]
    if entry["csrf"]:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def save(
    request: HttpRequest, response: HttpResponse, declaration: Declaration, started: int
) -> bool:
    """Store `response` under `request`'s key with its tags' versions; False when a tag
    changed after `started` (nanoseconds) or the response would not be stored whole."""
    current = current_versions(declaration.tags)
    versions = {}
    for tag in declaration.tags:
        version = current.get(tag)
        if version is None:
            return False
        if version.startswith("b") and int(version[1:]) >= started - _clock_skew_ns():
            return False
        versions[tag] = version
    content, replaced = _CSRF_INPUT.subn(rb"\g<1>" + CSRF_PLACEHOLDER + rb"\g<2>", response.content)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not replaced:
        # The token went somewhere other than a form field: it cannot be swapped per reader.
        return False
    timeout = settings.PAGE_CACHE["TIMEOUT"]
    if declaration.expires is not None:
        timeout = max(1, min(timeout, int(declaration.expires - time.time())))
    entry = {
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() in _STORED_HEADERS],
        "content": content,
        "csrf": bool(replaced),
        "tags": versions,
    }
    _cache().set(entry_key(request), entry, timeout=timeout)
    return True
