"""Structured logs: one JSON object per line, each with the id of the request it belongs to.

Shared by the site's LOGGING (cms/settings.py) and gunicorn's own loggers (gunicorn.conf.py), so
that the application's lines and gunicorn's access lines look alike to a log collector. A line::

    {"level": "WARNING", "logger": "django.request", "message": "Not Found: /hu/x/",
     "request_id": "3f2a...", "time": "2026-12-02T04:12:13.334+00:00"}

Plain text lines instead for a terminal (``json_lines=False``).

Secrets in URLs are redacted from every line (`RequestIdFilter`): the value of a ``token=``
query parameter (preview links, `cms.workflow.previews`) is written as ``token=[redacted]``,
in gunicorn's access lines as in the application's.
"""

import logging
import re
from typing import Any

from cms.request_id import current_request_id

SECRET_PARAMETER = re.compile(r"(\btoken=)[^&\s\"']+")


def redact(text: str) -> str:
    """`text` with the value of every ``token=`` parameter replaced by ``[redacted]``."""
    return SECRET_PARAMETER.sub(r"\1[redacted]", text)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (empty before a thread's first request) and redacts
    secrets in URLs from its message (module docstring)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id()
        message = record.getMessage()
        if "token=" in message:
            record.msg, record.args = redact(message), None
        return True


def console_logging(*, json_lines: bool, stream: str = "ext://sys.stderr") -> dict[str, Any]:
    """The ``filters``, ``formatters`` and ``handlers`` parts of a dictConfig with one handler,
    ``console``, writing JSON lines (or plain text lines) with the request id to ``stream``."""
    return {
        "filters": {"request_id": {"()": "cms.logs.RequestIdFilter"}},
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                # ISO 8601 in UTC, whatever TIME_ZONE the process runs in.
                "timestamp": "time",
            },
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "json" if json_lines else "text",
                "stream": stream,
            }
        },
    }
