"""A request id on every log line of a request, and on its response (``X-Request-ID``).

A proxy in front of the site may send ``X-Request-ID`` (nginx ``$request_id``, a load balancer's
trace id): when it looks like an id (letters, digits, ``-``, ``_``, ``.``, at most 64), it is kept,
so one id follows a request through the proxy's log and ours; otherwise a fresh UUID is made. The
id lives in a context variable, so threads (gunicorn's gthread workers) never mix ids up;
cms/logs.py puts it on every log line.
"""

import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_current_request_id: ContextVar[str] = ContextVar("request_id", default="")


def current_request_id() -> str:
    """The id of the request this thread handles (or handled last), "" before the first one."""
    return _current_request_id.get()


class RequestIdMiddleware:
    """Give each request an id (the proxy's, when it is sane) and send it back in the response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = offered if _VALID_ID.match(offered) else uuid.uuid4().hex
        # Not reset when the view returns: Django logs a 4xx answer and gunicorn writes its access
        # line after the middleware has returned, and both should carry the id. The next request
        # in this thread sets its own.
        _current_request_id.set(request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response
