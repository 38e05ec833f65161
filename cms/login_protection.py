"""Brute-force protection of the admin login (django-axes), configured in settings.py.

After `AXES_FAILURE_LIMIT` failed logins for one username from one IP address (by default;
`LOGIN_LOCKOUT_BY`), that combination is refused for `AXES_COOLOFF_TIME`, even with the right
password; other users and other addresses are unaffected. A successful login resets the count.
"""

from datetime import timedelta
from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


class LoginAttemptsBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in `AUTHENTICATION_BACKENDS`; it logs nobody in.

    Axes refuses an `authenticate()` call without a request, because it locks by the request's
    address. Every login form of the site passes the request (Wagtail's admin login does); only
    code outside a request calls without one (Django's test client `login()`, a shell), and
    there is no address to lock, so it goes on to the next backend unchecked.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The page a locked-out login gets (status 429): why, and for how long."""
    from django.conf import settings

    cooloff: timedelta = settings.AXES_COOLOFF_TIME
    return TemplateResponse(
        request,
        "cms/login_locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "minutes": max(1, round(cooloff.total_seconds() / 60)),
        },
        status=429,
    ).render()
