"""Lookups every public page shares, kept in each web process from one request to the next.

The `Site` of a host name, Wagtail's site root paths (every page URL is built from them), the
page view restrictions, the ids of the locales and the site's page tree down to the menu (the
home page in each language, the pages above it, its menu pages) are the same for every page and
API response a reader asks for; read per request they cost a page three queries and a cache
read, mostly in building querysets. Here a web process keeps them until something they hold
changes.

How a process knows: the page cache's tag `SHARED_TAG` (`cms.page_cache.declare`). Every change
that can alter these lookups bumps it when it commits (`cms.page_cache.invalidation`: a Site, a
Locale, a home page or a page just below one, a view restriction); each request reads its
version once, the first time it asks for a shared lookup (one cache read: no SQL with Redis, a
SELECT on the database cache), and a process holding values of another version drops them all.
So once a change has committed (and bumped the tag), every request that starts after it, on any
web process, reads it afresh.

Kept at most `PAGE_CACHE["TIMEOUT"]` seconds as well, like a cached page: should a bump be lost
(the cache down when a change committed), nothing stays stale longer than a cached page would.

Used only within a GET or HEAD request (`cms.request_memo`), and only while the page cache is
on (`PAGE_CACHE["ENABLED"]`: without it nothing bumps the tag): elsewhere (a management
command, a job, a POST, the tests that leave the page cache off) each lookup reads the database
as before, once per request. A cache that cannot be read costs the lookups, not the page.

The values are shared by every request of the process (and its threads): callers treat them as
read-only.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings

from cms.page_cache import store
from cms.page_cache.declare import SHARED_TAG
from cms.request_memo import in_request, memoised

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Keys include the request's host name: a bound, so that a flood of odd Host headers (where
# ALLOWED_HOSTS lets them through) cannot grow the process.
MAX_VALUES = 1000

_lock = threading.Lock()
_version: str | None = None
_since = 0.0  # time.monotonic() when the values of _version started
_values: dict[Hashable, object] = {}


def shared(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept in this process under `key` until the next change of shared content
    (see the module docstring); outside a GET request, or with the page cache off, kept for
    the current request only."""
    global _version, _since, _values
    version = _request_version()
    if version is None:
        return memoised(("shared", key), compute)
    now = time.monotonic()
    with _lock:
        if _version != version or now - _since > settings.PAGE_CACHE["TIMEOUT"]:
            _version, _since, _values = version, now, {}
        values = _values
        if key in values:
            return values[key]  # type: ignore[return-value]
    value = compute()
    with _lock:
        if _version == version and len(values) < MAX_VALUES:
            values[key] = value
    return value


def forget() -> None:
    """Drop what this process keeps (tests: each test starts as a fresh process)."""
    global _version, _values
    with _lock:
        _version, _values = None, {}


def _request_version() -> str | None:
    if not in_request() or not store.is_enabled():
        return None
    return memoised("shared_lookups_version", _read_version)


def _read_version() -> str | None:
    try:
        return store.current_versions([SHARED_TAG]).get(SHARED_TAG)
    except Exception:  # a cache that is down costs the lookups, not the page
        logger.exception("Reading the version of the shared lookups failed")
        return None
