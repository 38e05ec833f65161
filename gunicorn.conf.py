"""gunicorn's settings for a production web process: `gunicorn cms.wsgi` (read from here).

gunicorn loads ./gunicorn.conf.py by itself when started in the project folder; elsewhere pass
`-c /path/to/gunicorn.conf.py`. Every value can be changed by the environment:

- GUNICORN_BIND (default 127.0.0.1:8000; behind a reverse proxy on the same machine), or PORT
  (binds 0.0.0.0:$PORT, as container platforms expect).
- WEB_CONCURRENCY: worker processes (default 2 per core + 1). GUNICORN_THREADS: threads per
  worker (default 4): a thread waiting for PostgreSQL or Redis leaves the core to another.
  Each thread keeps its own database connection (DB_CONN_MAX_AGE), so PostgreSQL must allow
  machines x workers x threads connections plus the workers' (django-q2).
- GUNICORN_TIMEOUT (default 30 s): a request taking longer is killed and logged; the booking
  POST and every page take well under a second.
- GUNICORN_MAX_REQUESTS (default 2000, with 10 % jitter): a worker is replaced after this many
  requests, so memory lost to fragmentation comes back without a restart by hand.

Logs go to standard output and error as JSON lines (LOG_FORMAT=text for plain lines), the access
line with the request id the site gave the request (X-Request-ID).
"""

import multiprocessing
import os
import sys
from pathlib import Path

# gunicorn reads this file before it puts the project on the import path.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cms.logs import console_logging  # noqa: E402

_port = os.environ.get("PORT")
bind = os.environ.get("GUNICORN_BIND") or (f"0.0.0.0:{_port}" if _port else "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# The reverse proxy's X-Forwarded-Proto (HTTPS) is trusted from these addresses only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Workers' heartbeat files on a memory file system (a slow disk would make workers look hung).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
wsgi_app = "cms.wsgi:application"

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# client, request line, status, bytes, duration in ms, user agent; JSON-escaped by the formatter.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    **console_logging(
        json_lines=os.environ.get("LOG_FORMAT", "json") == "json", stream="ext://sys.stdout"
    ),
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        # Access lines are INFO: LOG_LEVEL=WARNING (the benchmarks) leaves them out.
        "gunicorn.access": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
    },
}
