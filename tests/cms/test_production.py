"""What production relies on: /healthz, request ids in JSON logs, cached static files and images.

(Settings read from the environment, Sentry and S3 included, are in test_settings.py.)
"""

import http.client
import io
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.utils.module_loading import import_string
from django_q.conf import Conf

from cms.logs import RequestIdFilter, console_logging
from tests import factories

PROJECT = Path(__file__).resolve().parents[2]
CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens there: connections are refused at once


def test_healthz_answers_ok_in_json_without_login_or_language_prefix(client, db):
    response = client.get("/healthz", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "OK", "cache": "OK", "broker": "OK"},
    }
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_naming_the_cache_when_it_is_down(client, db, settings):
    redis = "django.core.cache.backends.redis.RedisCache"
    settings.CACHES = {"default": {"BACKEND": redis, "LOCATION": CLOSED_PORT}}

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["cache"] != "OK"
    assert body["checks"]["database"] == body["checks"]["broker"] == "OK"


def test_healthz_answers_503_naming_the_broker_when_it_is_down(client, db, monkeypatch):
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", CLOSED_PORT)

    response = client.get("/healthz")

    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["broker"].startswith("Unavailable: Broker unreachable")
    assert "127.0.0.1" not in checks["broker"]
    assert checks["database"] == checks["cache"] == "OK"


def test_healthz_is_not_redirected_to_https_where_the_site_is(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/healthz").status_code == 200
    assert client.get("/hu/").status_code == 301


def test_a_proxy_request_id_is_kept_and_a_bad_one_replaced(client, db):
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-5f1c.42")
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\r\nX-Evil: 1")
    fresh = client.get("/healthz")

    assert kept["X-Request-ID"] == "nginx-5f1c.42"
    assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])
    assert re.fullmatch(r"[0-9a-f]{32}", fresh["X-Request-ID"])
    assert fresh["X-Request-ID"] != replaced["X-Request-ID"]


@pytest.fixture
def json_log_lines():
    """What the production log handler (cms.logs) writes for `django.request`, line by line."""
    spec = dict(console_logging(json_lines=True)["formatters"]["json"])
    formatter = import_string(spec.pop("()"))(**spec)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(formatter)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_a_log_line_is_json_with_the_request_id_the_response_carries(client, db, json_log_lines):
    response = client.get("/hu/nincs-ilyen-oldal/")

    assert response.status_code == 404
    [line] = json_log_lines()
    assert line["level"] == "WARNING"
    assert line["logger"] == "django.request"
    assert line["message"] == "Not Found: /hu/nincs-ilyen-oldal/"
    assert line["request_id"] == response["X-Request-ID"]
    logged_at = datetime.fromisoformat(line["time"])
    assert logged_at.utcoffset().total_seconds() == 0
    assert abs((datetime.now(UTC) - logged_at).total_seconds()) < 60


def test_rendered_images_are_cached_by_browsers_for_a_day_then_revalidated(client, db):
    rendition = factories.image("logo", filename="logo.png").get_rendition("width-100")

    first = client.get(rendition.url)
    again = client.get(rendition.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert first.status_code == 200
    assert "max-age=86400" in first["Cache-Control"]
    assert "public" in first["Cache-Control"]
    assert again.status_code == 304


def test_collected_static_files_are_served_compressed_with_far_future_caching(
    client, settings, tmp_path: Path
):
    """As in production (DJANGO_STATIC_MANIFEST=1 after collectstatic): hashed names, served by
    WhiteNoise for ten years, immutable, gzip to a browser that accepts it."""
    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    url = static("css/site.css")

    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "gzip"


def test_gunicorn_config_serves_the_site_and_writes_json_access_lines(tmp_path: Path):
    """`gunicorn` in the project folder, configured only by the environment, as in production."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "1",
        "LOG_LEVEL": "INFO",
        "LOG_FORMAT": "json",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn"))],
        cwd=PROJECT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        answer = None
        for _attempt in range(120):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", "/healthz", headers={"X-Request-ID": "probe-1"})
                answer = conn.getresponse()
                break
            except OSError:
                time.sleep(0.25)
        assert answer is not None, (tmp_path / "gunicorn.log").read_text()
        body = json.loads(answer.read())
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    # The scratch database has no tables: the database answers, the cache table is missing.
    assert answer.getheader("X-Request-ID") == "probe-1"
    assert body["checks"]["database"] == "OK"
    lines = [
        json.loads(line)
        for line in (tmp_path / "gunicorn.log").read_text().splitlines()
        if line.startswith("{")
    ]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert access and access[-1]["request_id"] == "probe-1"
    assert '"GET /healthz HTTP/1.1"' in access[-1]["message"]
