"""Scheduled publication on time, once: 50 pages due the same minute, two job clusters.

Run by hand or `make bench` (not by pytest). Re-creates the PostgreSQL database
`BENCH_SCHEDULED_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/bench_scheduled) and
empties the Redis database `BENCH_REDIS_URL` (default redis://127.0.0.1:6379/6, the broker);
migrates, upserts the schedules (`setup_schedules`), schedules `--pages` pages (approved, Wagtail's
`approved_go_live_at`) to go live at the same time `--go-live-after` seconds ahead, and starts two
`manage.py qcluster` processes. It waits until all are live (at most `--wait` seconds after the
go-live time) and checks: every page live within 60 s of its go-live time (the latest page's
`last_published_at`), and each published exactly once (one "wagtail.publish.scheduled" log entry
per page). Prints the figures and one JSON line; exits 1 if a check fails, 0 with a notice when
PostgreSQL or Redis cannot be reached.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_bookings import ROOT, manage, recreate_database  # noqa: E402
from tests.benchmarks.bench_scale_out import redis_reachable, shell_json, start  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_scheduled"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/6"

SCHEDULE_PAGES = """
import datetime as dt, json
from django.utils import timezone
from cms.models import HomePage
from event_booking.models import EventIndexPage
home = HomePage.objects.get(locale__language_code="hu")
go_live = (timezone.now() + dt.timedelta(seconds=AFTER)).replace(microsecond=0)
for n in range(PAGES):
    page = EventIndexPage(title=f"Ütemezett {n}", slug=f"utemezett-{n}", live=False,
                          go_live_at=go_live)
    home.add_child(instance=page)
    page.save_revision().publish()  # go_live_at is ahead: Wagtail schedules it as approved
print("BENCH-SETUP " + json.dumps({"go_live": go_live.isoformat()}))
"""

PROGRESS = """
import json
from django.db.models import Count, Max
from wagtail.models import Page, PageLogEntry
pages = Page.objects.filter(slug__startswith="utemezett-")
logs = PageLogEntry.objects.filter(page__in=pages, action="wagtail.publish.scheduled")
per_page = logs.values("page").annotate(n=Count("id"))
last = pages.filter(live=True).aggregate(m=Max("last_published_at"))["m"]
print("BENCH-PROGRESS " + json.dumps({
    "live": pages.filter(live=True).count(),
    "publications": logs.count(),
    "published_twice": sum(1 for row in per_page if row["n"] > 1),
    "last_published_at": last.isoformat() if last else None,
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--go-live-after", type=int, default=45)
    parser.add_argument("--wait", type=int, default=120)
    args = parser.parse_args()

    url = os.environ.get("BENCH_SCHEDULED_DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    if not recreate_database(url) or not redis_reachable(redis_url):
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-scheduled-"))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": redis_url,
        "EMAIL_URL": "console:",
        "MEDIA_ROOT": str(work / "media"),
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "text",
        "Q_WORKERS": "2",
        "PYTHONPATH": str(ROOT),
    }
    print(f"database {url}, redis {redis_url}, logs in {work}: migrating...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "setup_schedules")
    code = SCHEDULE_PAGES.replace("AFTER", str(args.go_live_after))
    go_live = dt.datetime.fromisoformat(
        shell_json(env, code.replace("PAGES", str(args.pages)), "BENCH-SETUP")["go_live"]
    )
    qclusters = [
        start([sys.executable, "manage.py", "qcluster"], env, work / f"qcluster-{n}.log")
        for n in (1, 2)
    ]
    print(f"{args.pages} pages due at {go_live.isoformat()}; two qclusters started", flush=True)
    progress: dict = {}
    try:
        deadline = go_live + dt.timedelta(seconds=args.wait)
        while dt.datetime.now(dt.UTC) < deadline:
            progress = shell_json(env, PROGRESS, "BENCH-PROGRESS")
            if progress["live"] == args.pages:
                break
            time.sleep(5)
        time.sleep(35)  # one more run of each cluster: a late second publication would show
        progress = shell_json(env, PROGRESS, "BENCH-PROGRESS")
    finally:
        for process in qclusters:
            process.terminate()
        for process in qclusters:
            process.wait(timeout=30)

    last = progress["last_published_at"]
    latency = (dt.datetime.fromisoformat(last) - go_live).total_seconds() if last else None
    ok = (
        progress["live"] == args.pages
        and progress["publications"] == args.pages
        and progress["published_twice"] == 0
        and latency is not None
        and latency <= 60
    )
    print(f"live: {progress['live']} of {args.pages}; latest live {latency} s after go-live")
    print(
        f"publish log entries: {progress['publications']}; pages published twice: "
        f"{progress['published_twice']}"
    )
    print(json.dumps({"pages": args.pages, "latency_s": latency, **progress, "ok": ok}))
    print("RESULT ok" if ok else "RESULT FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
