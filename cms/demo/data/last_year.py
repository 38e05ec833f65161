"""Last year's editions of the demo's past events and of one training, so that the evidence
dashboard has every figure for the previous year as well as the current one.

Each past event of `events.EVENTS` (one of every kind, the speed-dating one included) gets an
"earlier edition" with its own slug, dated on a fixed day of the year before the first
`seed_demo` run, and the first training a second group with a run last year. Slugs carry no
year, so a later run (even in a new year) finds them and creates nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from cms.demo.bilingual import T
from cms.demo.data.events import EVENTS, EventSeed
from cms.demo.data.trainings import TRAININGS, RunSeed, TrainingSeed

SUFFIX = T("korabbi", "earlier")
TITLE_SUFFIX = T("korábbi alkalom", "earlier edition")
GROUP_SUFFIX = T("második csoport", "second group")


def _renamed(fields: dict, suffix: T = TITLE_SUFFIX) -> dict:
    title, slug = fields["title"], fields["slug"]
    return {
        **fields,
        "title": T(f"{title.hu} – {suffix.hu}", f"{title.en} – {suffix.en}"),
        "slug": T(f"{slug.hu}-{SUFFIX.hu}", f"{slug.en}-{SUFFIX.en}"),
    }


def _offset(today: dt.date, month: int) -> int:
    """Days from `today` to the 15th of `month` of last year (negative)."""
    return (dt.date(today.year - 1, month, 15) - today).days


def events(today: dt.date) -> list[EventSeed]:
    """Last year's edition of each past demo event, one a month from March."""
    past = [seed for seed in EVENTS if seed.starts_in_days < 0]
    editions = []
    for n, seed in enumerate(past):
        start = _offset(today, 3 + 2 * n)
        editions.append(
            dataclasses.replace(
                seed,
                fields=_renamed(seed.fields),
                starts_in_days=start,
                registration=(start - 40, start - 1),
            )
        )
    return editions


def speed_dating_slug() -> str:
    seed = next(s for s in EVENTS if s.starts_in_days < 0 and s.speed_field)
    return f"{seed.fields['slug'].hu}-{SUFFIX.hu}"


def training(today: dt.date) -> TrainingSeed:
    """A group of the first demo training that started last year: one run last October and
    one three months after the first run (every demo training has an upcoming run)."""
    seed = TRAININGS[0]
    venue = seed.runs[0].venue
    return dataclasses.replace(
        seed,
        fields=_renamed(seed.fields, GROUP_SUFFIX),
        runs=[
            RunSeed(starts_in_days=_offset(today, 10), seats=16, venue=venue),
            RunSeed(starts_in_days=90, seats=16, venue=venue),
        ],
    )
