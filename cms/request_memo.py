"""Per-request memoisation: a value looked up several times while one request is answered
(the active `Locale`, the page view restrictions, a page's live translations) is read once.

`RequestMemoMiddleware` opens an empty memo for each GET or HEAD request and drops it when
the response is made; `memoised(key, compute)` returns the memo's value, computing it the
first time. A request that may change data (a POST: a booking, an editor publishing a page
with its runs or its privacy) gets no memo, so it never reads back a value from before its
own change; nor does anything outside a request (a management command, a job, a test calling
a function directly): `compute` then runs every time. Nothing outlives its request, so no
invalidation is needed and nothing one reader sees can reach another; only read-only lookups
go in it.
"""

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

_memo: ContextVar[dict | None] = ContextVar("request_memo", default=None)


def memoised(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept for the rest of the current request under `key`."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def in_request() -> bool:
    """Whether a request memo is open (within a GET or HEAD request)."""
    return _memo.get() is not None


def memoised_many(keys: list[K], compute: Callable[[list[K]], dict[K, T]]) -> dict[K, T]:
    """The values of `keys`; those not kept yet are computed together, by
    `compute(missing keys)`, and kept for the rest of the request."""
    memo = _memo.get()
    if memo is None:
        return compute(keys)
    missing = [key for key in keys if key not in memo]
    if missing:
        memo.update(compute(missing))
    return {key: memo[key] for key in keys}


SAFE_METHODS = frozenset({"GET", "HEAD"})


class RequestMemoMiddleware:
    """Gives each GET or HEAD request its own, empty memo (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
