"""Scale-out on one machine: two web processes and two job clusters on PostgreSQL and Redis.

Run by `make bench` (not by pytest); README "Deployment" describes the set-up it imitates.

1. Re-creates the PostgreSQL database `BENCH_SCALE_DATABASE_URL` (default
   postgres://postgres@127.0.0.1:5432/bench_scale_out) and empties the Redis database
   `BENCH_REDIS_URL` (default redis://127.0.0.1:6379/7), which is both Django's cache and
   django-q2's broker; migrates, upserts the schedules (`setup_schedules`), publishes one event
   (`--capacity` seats) and schedules a page to go live `--go-live-after` seconds later.
   E-mails are written to files (Django's file back end), one folder for all processes.
2. Starts two gunicorn servers (`gunicorn.conf.py`, `--workers` x `--threads` each, on two
   loopback ports) and two `manage.py qcluster` processes with the same settings.
3. `--clients` client processes, half on each server, book the event through the HTTP API
   (`POST /api/bookings/`, 1 or 2 seats, a new address each) until `--bookings` attempts: far
   more seats than the event has, so the race fills it and waitlists the rest.
4. Waits (at most `--wait` seconds) until every booking e-mail left the outbox, the scheduled
   page is live, and every once-a-minute schedule has run at least twice; then checks:
   - no seat oversold, no address booked twice, every 201 answer a stored booking;
   - every outbox row sent once: as many e-mail files' messages as rows, no (recipient,
     subject) twice;
   - the scheduled page published once (one "wagtail.publish.scheduled" log entry);
   - no schedule ran twice for one slot (two runs of a schedule less than half its interval
     apart).

Prints what it found and one JSON line; exits 1 if a check fails. Exits 0 with a notice, doing
nothing, when PostgreSQL or Redis cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_bookings import (  # noqa: E402
    ROOT,
    SETUP,
    _client,
    check_database,
    free_port,
    manage,
    recreate_database,
    wait_until_up,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_scale_out"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/7"

SCHEDULE_PAGE = """
import datetime as dt, json
from django.utils import timezone
from cms.models import HomePage
from event_booking.models import EventIndexPage
home = HomePage.objects.get(locale__language_code="hu")
page = EventIndexPage(title="Ütemezett oldal", slug="utemezett", live=False,
                      go_live_at=timezone.now() + dt.timedelta(seconds=AFTER))
home.add_child(instance=page)
page.save_revision().publish()  # go_live_at is ahead: Wagtail schedules instead of publishing
page.refresh_from_db()
assert not page.live
print("BENCH-SETUP " + json.dumps({"scheduled_page": page.pk}))
"""

# Run in a manage.py shell: what the jobs have done so far, as one JSON line.
PROGRESS = """
import json
from django.db.models import Count
from django_q.models import Schedule, Task
from wagtail.models import Page, PageLogEntry
from event_booking.models import EmailOutbox
page = Page.objects.get(pk=PAGE)
runs = {}
for name, started in Task.objects.order_by("started").values_list("group", "started"):
    runs.setdefault(name or "(one-off tasks, e.g. e-mail deliveries)", []).append(
        started.timestamp()
    )
print("BENCH-PROGRESS " + json.dumps({
    "outbox": dict(EmailOutbox.objects.values_list("status").annotate(n=Count("id"))),
    "page_live": page.live,
    "publications": PageLogEntry.objects.filter(
        page_id=PAGE, action="wagtail.publish.scheduled"
    ).count(),
    "runs": runs,
    "intervals": {s.name: s.minutes * 60 for s in Schedule.objects.filter(schedule_type="I")},
}))
"""


def redis_reachable(url: str) -> bool:
    try:
        redis.from_url(url, socket_connect_timeout=3).flushdb()
    except redis.RedisError as error:
        print(f"SKIPPED: Redis is not reachable at {url} ({error}).")
        return False
    return True


def shell_json(env: dict[str, str], code: str, marker: str) -> dict:
    out = manage(env, "shell", "-c", code)
    return json.loads(out.split(f"{marker} ", 1)[1].splitlines()[0])


def race(ports: list[int], clients: int, attempts: int, page_id: int) -> dict[str, object]:
    """Book from `clients` processes, alternating between the servers; add up the answers."""
    per_client = max(1, attempts // clients)
    jobs = [("book", ports[i % len(ports)], i, 600.0, page_id, per_client) for i in range(clients)]
    with multiprocessing.Pool(clients) as pool:
        started = time.perf_counter()
        results = pool.map(_client, jobs)
        elapsed = time.perf_counter() - started
    statuses: dict[int, int] = {}
    for result in results:
        for code, count in result["statuses"].items():
            statuses[code] = statuses.get(code, 0) + count
    return {
        "elapsed": elapsed,
        "statuses": statuses,
        "errors": sum(result["errors"] for result in results),
    }


def read_emails(folder: Path) -> list[tuple[str, str]]:
    """(recipient, subject) of every message the file e-mail back end wrote."""
    messages = []
    for path in folder.glob("*.log"):
        for block in path.read_text(errors="replace").split("-" * 79):
            to = re.search(r"^To: (.+)$", block, re.M)
            subject = re.search(r"^Subject: (.+)$", block, re.M)
            if to:
                messages.append((to.group(1).strip(), subject.group(1).strip() if subject else ""))
    return messages


def double_runs(progress: dict) -> dict[str, int]:
    """Per schedule, how many runs started less than half its interval after the previous one."""
    found = {}
    for name, interval in progress["intervals"].items():
        starts = progress["runs"].get(name, [])
        gaps = [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
        found[name] = sum(1 for gap in gaps if gap < interval / 2)
    return found


def settled(progress: dict, bookings: int) -> bool:
    outbox = progress["outbox"]
    every_run_twice = all(
        len(progress["runs"].get(name, [])) >= 2
        for name, interval in progress["intervals"].items()
        if interval <= 60
    )
    return (
        sum(outbox.values()) >= bookings
        and set(outbox) <= {"sent"}
        and progress["page_live"]
        and every_run_twice
    )


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--bookings", type=int, default=240)
    parser.add_argument("--capacity", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--go-live-after", type=int, default=40)
    parser.add_argument("--wait", type=int, default=240)
    args = parser.parse_args()

    url = os.environ.get("BENCH_SCALE_DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    if not recreate_database(url) or not redis_reachable(redis_url):
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-scale-out-"))
    (work / "mail").mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": redis_url,
        "EMAIL_URL": f"file:///{work / 'mail'}",
        "MEDIA_ROOT": str(work / "media"),
        "DJANGO_SETTINGS_MODULE": "tests.benchmarks.server_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BOOKING_RATE_LIMIT": "",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "text",
        "Q_WORKERS": "2",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_THREADS": str(args.threads),
        "PYTHONPATH": str(ROOT),
    }
    print(f"database {url}, redis {redis_url}, files in {work}: migrating...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "setup_schedules")
    setup = shell_json(env, SETUP.replace("CAPACITY", str(args.capacity)), "BENCH-SETUP")
    setup |= shell_json(env, SCHEDULE_PAGE.replace("AFTER", str(args.go_live_after)), "BENCH-SETUP")

    ports = [free_port(), free_port()]
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    processes = [
        start([gunicorn, "--bind", f"127.0.0.1:{port}"], env, work / f"web-{port}.log")
        for port in ports
    ]
    processes += [
        start([sys.executable, "manage.py", "qcluster"], env, work / f"qcluster-{n}.log")
        for n in (1, 2)
    ]
    progress: dict = {}
    try:
        for port in ports:
            wait_until_up(port)
        print(f"web on ports {ports}, two qclusters; booking...", flush=True)
        booked = race(ports, args.clients, args.bookings, setup["page"])
        created = booked["statuses"].get(201, 0)
        deadline = time.monotonic() + args.wait
        check = PROGRESS.replace("PAGE", str(setup["scheduled_page"]))
        while time.monotonic() < deadline:
            progress = shell_json(env, check, "BENCH-PROGRESS")
            if settled(progress, created):
                break
            time.sleep(10)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=60)

    db = check_database(url, setup["offering"])
    emails = read_emails(work / "mail")
    doubles = double_runs(progress)
    outbox = progress["outbox"]
    result = {
        "bookings_created": created,
        "answers": booked["statuses"],
        "client_errors": booked["errors"],
        "bookings_per_second": round(created / booked["elapsed"], 1),
        **db,
        "outbox": outbox,
        "emails_written": len(emails),
        "emails_repeated": len(emails) - len(set(emails)),
        "page_live": progress["page_live"],
        "page_publications": progress["publications"],
        "schedule_runs": {name: len(runs) for name, runs in progress["runs"].items()},
        "schedule_double_runs": doubles,
    }
    failures = [
        message
        for failed, message in (
            (db["oversell"], "seats oversold"),
            (db["duplicates"], "an address booked twice"),
            (db["stored_bookings"] != created, "a 201 answer without a stored booking"),
            (set(outbox) != {"sent"}, "e-mails not sent"),
            (len(emails) != outbox.get("sent", 0), "e-mail files differ from sent rows"),
            (result["emails_repeated"], "an e-mail sent twice"),
            (progress["publications"] != 1, "the scheduled page not published exactly once"),
            (any(doubles.values()), "a schedule ran twice in one slot"),
            (not settled(progress, created), "jobs did not settle in time"),
        )
        if failed
    ]
    print()
    print(
        f"PostgreSQL + Redis, 2 gunicorn ({args.workers} workers x {args.threads} threads each),"
        f" 2 qcluster (2 workers each), {args.clients} clients on both servers"
    )
    print(
        f"bookings: {created} created in {booked['elapsed']:.1f} s "
        f"({result['bookings_per_second']}/s), answers {booked['statuses']}, "
        f"client errors {booked['errors']}"
    )
    print(
        f"seats: {db['confirmed_seats']} of {db['capacity']} confirmed, "
        f"{db['waitlisted_bookings']} bookings waitlisted; oversold {db['oversell']}, "
        f"addresses booked twice {db['duplicates']}"
    )
    print(f"e-mails: outbox {outbox}, {len(emails)} written, {result['emails_repeated']} repeated")
    print(
        f"scheduled page: live {progress['page_live']}, published "
        f"{progress['publications']} time(s)"
    )
    print(f"schedule runs: {result['schedule_runs']}; double runs: {doubles}")
    print("RESULT " + ("ok" if not failures else "FAILED: " + "; ".join(failures)))
    print(json.dumps(result, sort_keys=True))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
