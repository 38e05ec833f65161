"""Benchmark: rendering pages in-process, uncached (issue 12, query budgets).

Run by `make bench` (not by pytest). Builds the demo site (`seed_demo`) in a scratch SQLite
database (or uses `BENCH_DATABASE_URL`, migrated and seeded if needed), then, in one process
with the project's settings, the database cache and the page cache off, renders each page
below 200 times through Django's test client (after 5 warm-up views) and prints one JSON line
per page: milliseconds per render (mean, p50, p95) and the SQL queries of one view. No server
and no network: this is the time Django and Wagtail spend on a page, the lever of the
uncached req/s of `bench_scale.py`.

Pages: the English and Hungarian home pages, the English cluster index, cluster profile,
training and event pages of the demo site, and a `fields=*` API listing of English clusters.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RENDERS = 200
WARM_UP = 5


def manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"manage.py {args[0]} failed")


def measure() -> None:
    """Runs in the child process, with Django set up on the benchmark database."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from cluster_pages.models import ClusterProfilePage
    from cms.models import HomePage
    from event_booking.models import EventPage
    from training_catalog.models import TrainingPage

    setup_test_environment()  # the test client's host; nothing else of the test runner
    settings.ALLOWED_HOSTS = ["*"]
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "ENABLED": False}
    client = Client()

    def first(model, code: str):  # noqa: ANN001, ANN202
        return model.objects.live().filter(locale__language_code=code).order_by("path").first()

    urls = {
        "home hu": first(HomePage, "hu").url,
        "home en": first(HomePage, "en").url,
        "cluster index en": first(ClusterProfilePage, "en").get_parent().url,
        "cluster en": first(ClusterProfilePage, "en").url,
        "training en": first(TrainingPage, "en").url,
        "event en": first(EventPage, "en").url,
        "api clusters en fields=*": "/api/v2/pages/?type=cluster_pages.ClusterProfilePage"
        "&locale=en&fields=*&limit=20",
    }
    for label, url in urls.items():
        for _ in range(WARM_UP):
            assert client.get(url).status_code == 200, url
        queries: list[str] = []

        def count(execute, sql, *args, queries=queries):  # noqa: ANN001, ANN202
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(RENDERS):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(
            json.dumps(
                {
                    "page": label,
                    "url": url,
                    "renders": RENDERS,
                    "mean_ms": round(statistics.fmean(times), 1),
                    "p50_ms": round(times[len(times) // 2], 1),
                    "p95_ms": round(times[int(len(times) * 0.95)], 1),
                    "queries": len(queries),
                }
            ),
            flush=True,
        )


def main() -> int:
    if os.environ.get("BENCH_RENDER_CHILD"):
        measure()
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{scratch}/bench_render.sqlite3"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "DJANGO_DEBUG": "0",
        }
        env.pop("REDIS_URL", None)  # the database cache: a cache read is a query
        manage(env, "migrate", "--noinput")
        manage(env, "createcachetable")
        manage(env, "seed_demo", "--verbosity", "0")
        child = subprocess.run(
            [sys.executable, __file__], cwd=ROOT, env={**env, "BENCH_RENDER_CHILD": "1"}
        )
        return child.returncode


if __name__ == "__main__":
    sys.exit(main())
