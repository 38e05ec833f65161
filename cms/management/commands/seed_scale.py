"""`manage.py seed_scale --pages N`: the scale data set for benchmarks; safe to run again."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.demo.scale import refresh_planner_statistics, seed_scale

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Create a bilingual site of N pages (half Hungarian cluster, training and event pages, "
        "half their English translations through wagtail-localize), with logos and bookings. "
        "Only what is missing is created: a second run changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pages", type=int, required=True, help="pages in all (even)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["pages"] < 0:
            raise CommandError("--pages must be 0 or more.")
        self._terminal = self.stdout.isatty()
        self._last_line: tuple[str, int] = ("", -1)
        started = time.monotonic()
        created = seed_scale(pages=options["pages"], progress=self._progress)
        # Also on a run that created nothing: a database seeded before had no statistics.
        refreshed = refresh_planner_statistics()
        if refreshed:
            self.stdout.write(f"Planner statistics refreshed ({refreshed}).")
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{label}: {count}" for label, count in sorted(created.items()))
        self.stdout.write(
            self.style.SUCCESS(f"Scale data set ready in {elapsed:.1f} s. Created now: {summary}.")
        )

    def _progress(self, stage: str, done: int, total: int) -> None:
        """A bar redrawn in place on a terminal; a plain line per 10 % in a log (CI)."""
        percent = 100 * done // total if total else 100
        if self._terminal:
            filled = BAR_WIDTH * percent // 100
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            end = "\n" if done >= total else ""
            self.stdout.write(f"\r{stage:<14} [{bar}] {done}/{total}", ending=end)
            self.stdout.flush()
            return
        step = percent // 10
        if (stage, step) != self._last_line:
            self._last_line = (stage, step)
            self.stdout.write(f"{stage}: {done}/{total} ({percent} %)")
