"""Benchmark: bookings per second through the HTTP API on PostgreSQL (issue 3, item 11).

Run by `make bench` (not by pytest). What it does, in one run:

1. Re-creates the PostgreSQL database `BENCH_DATABASE_URL` (default
   postgres://postgres@127.0.0.1:5432/bench_bookings), migrates it, and publishes one event
   (`--capacity` seats, one offering): the hottest case, where every booking queues for the
   same row lock.
2. Starts gunicorn (gthread, `--workers` x `--threads` = 16 concurrent handlers by default) on
   a free loopback port, with the project's settings plus a trivial JSON view
   (tests/benchmarks/server_settings.py), the per-IP rate limit off, DEBUG off.
3. 16 client processes (`--clients`) with keep-alive connections:
   a. call the trivial JSON view for `--seconds` seconds -> its requests per second;
   b. POST /api/bookings/ (1 or 2 seats, a new address each) for `--seconds` seconds, at most
      `--max-bookings` in all -> bookings per second (201 answers), confirmed or waitlisted.
4. Checks in the database: seats confirmed beyond the capacity (the oversell, must be 0), two
   active bookings of one address, and that every 201 answer is a stored booking.

Prints both rates side by side and exits 1 on any oversell or lost booking. Exits 0 with a
notice, doing nothing, when PostgreSQL cannot be reached.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_bookings"

SETUP = """
import datetime as dt, json
from django.utils import timezone
from cms.models import HomePage
from event_booking.models import EventIndexPage, EventPage, Offering
home = HomePage.objects.get(locale__language_code="hu")
index = EventIndexPage(title="Rendezvények", slug="rendezvenyek")
home.add_child(instance=index)
index.save_revision().publish()
start = timezone.now() + dt.timedelta(days=30)
event = EventPage(title="Benchmark rendezvény", slug="benchmark", kind="seminar", start=start,
                  end=start + dt.timedelta(hours=4), capacity=CAPACITY, max_seats_per_booking=2)
index.add_child(instance=event)
event.save_revision().publish()
offering = Offering.objects.get(translation_key=event.translation_key)
print("BENCH-SETUP " + json.dumps({"page": event.pk, "offering": offering.pk}))
"""


def database_admin(url: str) -> tuple[str, str]:
    """(URL of the server's `postgres` database, name of the bench database)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/postgres", "", "")), parts.path.lstrip("/")


def recreate_database(url: str) -> bool:
    import psycopg

    admin, name = database_admin(url)
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"SKIPPED: PostgreSQL is not reachable at {admin} ({error}).")
        print("Set BENCH_DATABASE_URL=postgres://user@host:port/<a scratch database>.")
        return False
    return True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"manage.py {args[0]} failed")
    return result.stdout


def wait_until_up(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/bench/ping/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not start")


# --- Clients (each in its own process, so that the client side is not GIL-bound) -------------


def _client(job: tuple[str, int, int, float, int, int]) -> dict[str, object]:
    kind, port, client_id, seconds, page_id, max_per_client = job
    rng = random.Random(client_id)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    errors = 0
    n = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and n < max_per_client:
        n += 1
        if kind == "ping":
            method, path, body, headers = "GET", "/bench/ping/", None, {}
        else:
            method, path = "POST", "/api/bookings/"
            body = json.dumps(
                {
                    "page": page_id,
                    "name": f"Bench Client {client_id}",
                    "email": f"c{client_id}-{n}@bench.example.org",
                    "seats": rng.choice((1, 1, 2)),
                    "consent": True,
                }
            )
            headers = {"Content-Type": "application/json"}
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            statuses[response.status] = statuses.get(response.status, 0) + 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
    conn.close()
    return {"statuses": statuses, "latencies": latencies, "errors": errors}


def run_phase(
    kind: str, port: int, clients: int, seconds: float, page_id: int, max_total: int
) -> dict[str, object]:
    per_client = max(1, max_total // clients)
    jobs = [(kind, port, i, seconds, page_id, per_client) for i in range(clients)]
    with multiprocessing.Pool(clients) as pool:
        started = time.perf_counter()
        results = pool.map(_client, jobs)
        elapsed = time.perf_counter() - started
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    for result in results:
        for code, count in result["statuses"].items():
            statuses[code] = statuses.get(code, 0) + count
        latencies += result["latencies"]
    latencies.sort()
    return {
        "elapsed": elapsed,
        "statuses": statuses,
        "errors": sum(result["errors"] for result in results),
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": latencies[int(len(latencies) * 0.95) - 1] if latencies else 0.0,
    }


def check_database(url: str, offering_id: int) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as conn:
        capacity, confirmed, waitlisted, total = conn.execute(
            """
            SELECT o.capacity,
                   COALESCE(SUM(b.seats) FILTER (WHERE b.status = 'confirmed'), 0),
                   COUNT(b.id) FILTER (WHERE b.status = 'waitlisted'),
                   COUNT(b.id)
            FROM event_booking_offering o
            LEFT JOIN event_booking_booking b ON b.offering_id = o.id
            WHERE o.id = %s
            GROUP BY o.capacity
            """,
            (offering_id,),
        ).fetchone()
        duplicates = conn.execute(
            """
            SELECT COUNT(*) FROM (
                SELECT 1 FROM event_booking_booking
                WHERE status IN ('confirmed', 'waitlisted')
                GROUP BY offering_id, email HAVING COUNT(*) > 1
            ) d
            """
        ).fetchone()[0]
    return {
        "capacity": capacity,
        "confirmed_seats": confirmed,
        "waitlisted_bookings": waitlisted,
        "stored_bookings": total,
        "oversell": max(0, confirmed - capacity),
        "duplicates": duplicates,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--max-bookings", type=int, default=20_000)
    parser.add_argument("--capacity", type=int, default=500)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    if not recreate_database(url):
        return 0
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.benchmarks.server_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BOOKING_RATE_LIMIT": "",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    print(f"database {url}: migrating...", flush=True)
    manage(env, "migrate", "--noinput")
    out = manage(env, "shell", "-c", SETUP.replace("CAPACITY", str(args.capacity)))
    setup = json.loads(out.split("BENCH-SETUP ", 1)[1].splitlines()[0])

    port = free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--worker-class",
            "gthread",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(port)
        run_phase("ping", port, args.clients, 1.0, setup["page"], 10**9)  # warm-up
        ping = run_phase("ping", port, args.clients, args.seconds, setup["page"], 10**9)
        book = run_phase("book", port, args.clients, args.seconds, setup["page"], args.max_bookings)
    finally:
        server.terminate()
        server.wait(timeout=30)

    db = check_database(url, setup["offering"])
    ping_ok = ping["statuses"].get(200, 0)
    created = book["statuses"].get(201, 0)
    print()
    print(
        f"PostgreSQL, gunicorn gthread {args.workers}x{args.threads}, "
        f"{args.clients} concurrent clients, {args.seconds:g} s per phase, one offering of "
        f"{db['capacity']} seats"
    )
    print(f"{'':28}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}  answers")
    print(
        f"{'trivial JSON view':28}{ping_ok / ping['elapsed']:10.0f}"
        f"{ping['p50'] * 1000:10.1f}{ping['p95'] * 1000:10.1f}  {ping['statuses']}"
    )
    print(
        f"{'POST /api/bookings/':28}{created / book['elapsed']:10.0f}"
        f"{book['p50'] * 1000:10.1f}{book['p95'] * 1000:10.1f}  {book['statuses']}"
    )
    print(
        f"bookings: {created} created ({db['confirmed_seats']} seats confirmed, "
        f"{db['waitlisted_bookings']} bookings waitlisted), {db['stored_bookings']} stored; "
        f"client errors: {book['errors']}"
    )
    print(f"oversell: {db['oversell']} seats; duplicate active bookings: {db['duplicates']}")
    failed = db["oversell"] or db["duplicates"] or db["stored_bookings"] != created
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
