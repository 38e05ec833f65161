"""Backup and restore, as README "Backup and restore" documents them, proven on scratch data.

Run by `make bench` (not by pytest). For SQLite, and for PostgreSQL when it can be reached:

1. Builds a site in a scratch database: `migrate`, `seed_demo` (Hungarian pages with English
   translations made through wagtail-localize, images), and a few bookings on every event
   through the booking service.
2. Takes a fingerprint of what matters: every page (translation key, locale, title, path, live,
   latest revision), wagtail-localize's translations and translated strings, revisions,
   bookings (reference, address, seats, status), images; and a hash of every media file.
3. Backs up with the documented commands: `sqlite3 db ".backup ..."` or `pg_dump -Fc`, and
   `tar` of MEDIA_ROOT.
4. Restores into a fresh database (a new file, or `pg_restore` into a new PostgreSQL database)
   and a fresh media folder, checks that `migrate --check` finds nothing to apply, and compares
   the fingerprints.

Prints each comparison; exits 1 when anything differs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_bookings import ROOT, manage, recreate_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/bench_backup"

BOOK = """
from event_booking.models import EventPage
from event_booking.services.bookings import BookerDetails, book
from event_booking.services.consent import current_consent
from event_booking.services.errors import BookingError
consent = current_consent()
booked = 0
for page in EventPage.objects.live().filter(locale__language_code="hu").order_by("pk"):
    for n in range(3):
        booker = BookerDetails(name=f"Mentés Teszt {n}", email=f"mentes{page.pk}-{n}@example.org")
        try:
            book(page_id=page.pk, booker=booker, consent=consent, seats=1)
            booked += 1
        except BookingError:
            pass  # e.g. registration closed: the other events still get bookings
print("BENCH-BOOKED", booked)
"""

FINGERPRINT = """
import hashlib, json
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation
from event_booking.models import Booking

def digest(queryset, *fields):
    rows = list(queryset.order_by("pk").values_list(*fields))
    return [len(rows), hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()[:16]]

print("BENCH-FINGERPRINT " + json.dumps({
    "pages": digest(Page.objects, "pk", "translation_key", "locale__language_code", "title",
                    "url_path", "live", "latest_revision_id"),
    "english pages": digest(Page.objects.filter(locale__language_code="en"), "pk", "title"),
    "translations": digest(Translation.objects, "source__object_id",
                           "target_locale__language_code", "enabled"),
    "translated strings": digest(StringTranslation.objects, "translation_of_id", "locale_id",
                                 "data"),
    "revisions": digest(Revision.objects, "pk", "object_id", "approved_go_live_at"),
    "bookings": digest(Booking.objects, "reference", "email", "seats", "status", "offering_id"),
    "images": digest(Image.objects, "pk", "file", "file_hash"),
}))
"""


def run(*command: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{command[0]} failed")


def environment(database_url: str, media: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "DJANGO_DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "text",
        "Q_SYNC": "1",
        "EMAIL_URL": "locmem:",
        "PYTHONPATH": str(ROOT),
    }


def build_site(env: dict[str, str]) -> dict:
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    booked = manage(env, "shell", "-c", BOOK).split("BENCH-BOOKED ", 1)[1].split()[0]
    print(f"  built: demo content and {booked} bookings", flush=True)
    return fingerprint(env)


def fingerprint(env: dict[str, str]) -> dict:
    out = manage(env, "shell", "-c", FINGERPRINT)
    return json.loads(out.split("BENCH-FINGERPRINT ", 1)[1].splitlines()[0])


def media_hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def compare(label: str, before: dict, after: dict) -> bool:
    same = True
    for key in before:
        ok = before[key] == after.get(key)
        same &= ok
        count = before[key][0] if isinstance(before[key], list) else len(before[key])
        print(f"  {label:10} {key:20} {count:6} rows/files  {'same' if ok else 'DIFFERENT'}")
    return same


def restored_schema_is_complete(env: dict[str, str]) -> bool:
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    print(f"  migrate --check on the restored database: exit {result.returncode}")
    return result.returncode == 0


def sqlite_round_trip(work: Path) -> bool:
    print("SQLite", flush=True)
    database, media = work / "db.sqlite3", work / "media"
    env = environment(f"sqlite:///{database}", media)
    before = build_site(env)
    files_before = media_hashes(media)

    # The backup, as documented (safe while the site runs: .backup copies a consistent state).
    run("sqlite3", str(database), f".backup '{work / 'backup.sqlite3'}'")
    run("tar", "-C", str(media), "-czf", str(work / "media.tar.gz"), ".")

    # The restore, into a fresh folder.
    restored = work / "restored"
    (restored / "media").mkdir(parents=True)
    shutil.copy(work / "backup.sqlite3", restored / "db.sqlite3")
    run("tar", "-C", str(restored / "media"), "-xzf", str(work / "media.tar.gz"))
    restored_env = environment(f"sqlite:///{restored / 'db.sqlite3'}", restored / "media")

    same = compare("database", before, fingerprint(restored_env))
    same &= compare("media", {"files": files_before}, {"files": media_hashes(restored / "media")})
    return restored_schema_is_complete(restored_env) and same


def postgres_round_trip(work: Path) -> bool | None:
    url = os.environ.get("BENCH_BACKUP_DATABASE_URL", DEFAULT_DATABASE_URL)
    restored_url = url + "_restored"
    print("PostgreSQL", flush=True)
    if not recreate_database(url):
        return None
    env = environment(url, work / "pg-media")
    before = build_site(env)

    dump = work / "cms.dump"
    run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(dump), url)
    recreate_database(restored_url)
    run("pg_restore", "--no-owner", "--no-privileges", "--dbname", restored_url, str(dump))
    restored_env = environment(restored_url, work / "pg-media")

    same = compare("database", before, fingerprint(restored_env))
    return restored_schema_is_complete(restored_env) and same


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    try:
        results = {"sqlite": sqlite_round_trip(work), "postgresql": postgres_round_trip(work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("RESULT " + json.dumps(results))
    return 1 if False in results.values() else 0


if __name__ == "__main__":
    sys.exit(main())
