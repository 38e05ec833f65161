"""Build the demo site: Hungarian pages and snippets, their English translations, demo users.

Contract (`seed_demo`):
- Everything is created only when missing, so a second run changes nothing: no new pages,
  revisions, images, translations, users or groups. An existing object is never updated, even if
  its demo declaration changed; delete it (or start from an empty database) to get the new one.
- Order: the Hungarian home page's intro and body (only while its intro is empty), the English
  home page, then each index page and its English translation, then the children. Every English
  object is made by wagtail-localize (`cms.translation.translate_instance`), never by copying pages
  by hand, and pages are published on transaction commit (in tests: capture on-commit callbacks).
- Dates are offsets from `today` (the day of the run that creates the object). Re-running on a
  later day creates only what is missing (with dates relative to that later day) and never moves
  existing dates, so past events slowly accumulate as time passes; to refresh the demo's
  "upcoming" content, delete the demo events/trainings (or the database) and run it again.
- Each object with its translation is created in its own transaction, so an interrupted run
  leaves no Hungarian page without its English translation and the next run completes the
  rest. (The English page is published right after that commit; if that publication itself
  failed, the English page would stay a draft, which a re-run does not retry.)
- The translation loop is shown on purpose (`translation_examples`): after everything else, a
  Hungarian change leaves one English page outdated and one new Hungarian training has no
  English version yet (only the loop's draft).
- Roles are not seeded: the groups and their permissions come from the migrations, and page
  permissions on the pages created here are granted by the apps' receivers as each page is
  created (`cms.roles`). Only the demo users and their group memberships are added.
- Last, a few pages are left in review (`cms.demo.states`): waiting for moderation, waiting for
  translation review, and rejected, so each demo user has something to do. This runs once the
  English pages are published (on commit): publishing a page cancels its workflow.
"""

import datetime as dt
from collections import Counter
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cluster_pages.models import ClusterIndexPage, ClusterProfilePage
from cms.demo import states, users
from cms.demo.bilingual import T, pick
from cms.demo.data import block, last_year
from cms.demo.data.clusters import CLUSTERS, ClusterSeed
from cms.demo.data.events import EVENTS, FIELDS_OF_INTEREST, EventSeed
from cms.demo.data.site import CLUSTER_INDEX, EVENT_INDEX, HOME, TRAINING_INDEX
from cms.demo.data.trainings import TOPICS, TRAININGS, TrainingSeed
from cms.demo.data.venues import VENUES
from cms.demo.evidence import backdate_new_clusters, ensure_region_total, seed_past_bookings
from cms.demo.logos import ensure_logo
from cms.demo.pages import ensure_child_page, ensure_english, ensure_snippet
from cms.demo.services import seed_services
from cms.demo.speed_dating import seed_earlier_edition, seed_speed_dating
from cms.demo.translation_examples import MISSING_TRAINING, seed_translation_examples
from cms.models import HomePage, Sector, Venue
from event_booking.models import EventIndexPage, EventPage, FieldOfInterest
from training_catalog.models import TrainingIndexPage, TrainingPage, TrainingRun, TrainingTopic

HOME_TITLE = T("Észak-alföldi Klaszterközpont", "North Great Plain Cluster Centre")
HOME_SLUG = T("home", "home")

CREATED_LABELS = (
    "pages",
    "translations",
    "venues",
    "topics",
    "images",
    "users",
    "participants",
    "review states",
    "service records",
)

# Which demo cluster each demo cluster manager may edit (Hungarian slugs).
MANAGED_CLUSTERS = {
    "manager1": "hajdusagi-gyogyszeripari-klaszter",
    "manager2": "debreceni-infokommunikacios-klaszter",
}


def seed_demo(*, today: dt.date | None = None) -> Counter:
    """Create whatever demo content and users are missing (see the module docstring).

    Args:
        today: the day dates are counted from; defaults to today in Europe/Budapest.

    Returns:
        How many objects of each kind (`CREATED_LABELS`) were created now; all zero on a
        second run.
    """
    today = today or timezone.localdate()
    created: Counter = Counter(dict.fromkeys(CREATED_LABELS, 0))
    home, cluster_index, training_index, event_index = seed_skeleton(created)
    venues = {
        key: _seed_snippet(Venue, {"name": f["name"].hu}, f, created, "venues")
        for key, f in VENUES.items()
    }
    topics = {
        slug: _seed_snippet(
            TrainingTopic, {"slug": slug}, {"slug": slug, "name": name}, created, "topics"
        )
        for slug, name in TOPICS.items()
    }

    clusters = {
        seed.fields["slug"].hu: _seed_cluster(cluster_index, seed, today, created)
        for seed in CLUSTERS
    }
    for seed in TRAININGS:
        _seed_training(training_index, seed, topics, venues, today, created)
    fields_of_interest = {
        slug: _seed_snippet(
            FieldOfInterest, {"slug": slug}, {"slug": slug, "name": name}, created, "topics"
        )
        for slug, name in FIELDS_OF_INTEREST.items()
    }
    for seed in EVENTS:
        _seed_event(event_index, seed, venues, fields_of_interest, today, created)
    created["participants"] += seed_speed_dating(fields_of_interest=fields_of_interest)
    # Last year's editions, so the evidence dashboard has figures for the previous year.
    for seed in last_year.events(today):
        _seed_event(event_index, seed, venues, fields_of_interest, today, created)
    _seed_training(training_index, last_year.training(today), topics, venues, today, created)
    created["participants"] += seed_earlier_edition(
        fields_of_interest=fields_of_interest, slug=last_year.speed_dating_slug()
    )
    created["participants"] += seed_past_bookings(
        today=today, organisations=[page.title for page in clusters.values()]
    )
    # After the English clusters are published (on commit, like the review states below).
    transaction.on_commit(lambda: backdate_new_clusters(today=today))
    ensure_region_total()

    created["users"] += users.ensure_demo_users(
        managed_clusters={username: clusters[slug] for username, slug in MANAGED_CLUSTERS.items()}
    )
    # After the English pages are published, which wagtail-localize does on commit: inside an
    # outer transaction (tests) this waits for it; otherwise it runs (and is counted) now.
    made: list[int] = []
    transaction.on_commit(lambda: made.append(states.seed_review_states()))
    created["review states"] += sum(made)
    created["service records"] += seed_services(today=today, clusters=clusters)
    # Last, so the demo translator hears of the loop's work.
    missing = _seed_training(
        training_index, MISSING_TRAINING, topics, venues, today, created, translate=False
    )
    seed_translation_examples(training_index=training_index, missing=missing)
    return created


def seed_skeleton(
    created: Counter,
) -> tuple[HomePage, ClusterIndexPage, TrainingIndexPage, EventIndexPage]:
    """The home page and the three index pages in both languages (created when missing).

    Shared by `seed_demo` and `seed_scale` (cms.demo.scale); `created` counts what was made.
    """
    home = _seed_home(created)
    return (
        home,
        _seed_page(home, ClusterIndexPage, CLUSTER_INDEX, created),
        _seed_page(home, TrainingIndexPage, TRAINING_INDEX, created),
        _seed_page(home, EventIndexPage, EVENT_INDEX, created),
    )


def _seed_home(created: Counter) -> HomePage:
    """Fill the migration-made Hungarian home page (while its intro is empty), then translate it."""
    with transaction.atomic():
        home = HomePage.objects.select_for_update().get(locale__language_code="hu")
        if not home.intro:
            values = pick(HOME, "hu")
            home.intro = values["intro"]
            home.body = values["body"]
            home.save_revision().publish()
            home.refresh_from_db()
        _, translated = ensure_english(home, {"title": HOME_TITLE, "slug": HOME_SLUG, **HOME})
        created["translations"] += translated
    return home


def _seed_snippet(model: type, lookup: dict, fields: dict, created: Counter, label: str):
    with transaction.atomic():
        snippet, new = ensure_snippet(model, lookup, fields)
        _, translated = ensure_english(snippet, fields)
    created[label] += new
    created["translations"] += translated
    return snippet


def _seed_page(
    parent: Page,
    model: type[Page],
    fields: dict,
    created: Counter,
    *,
    before_save: Callable | None = None,
    after_add: Callable | None = None,
    translate: bool = True,
) -> Page:
    with transaction.atomic():
        page, new = ensure_child_page(
            parent, model, fields, before_save=before_save, after_add=after_add
        )
        _, translated = ensure_english(page, fields) if translate else (None, False)
    created["pages"] += new
    created["translations"] += translated
    return page


def _seed_cluster(
    index: ClusterIndexPage, seed: ClusterSeed, today: dt.date, created: Counter
) -> ClusterProfilePage:
    fields = dict(seed.fields)
    if seed.label_valid_days is not None:
        fields["quality_label_expires"] = today + dt.timedelta(days=seed.label_valid_days)
    fields["social_links"] = [
        block("link", {"platform": platform, "url": url}) for platform, url in seed.social
    ]

    def add_logo(page: ClusterProfilePage) -> None:
        title = seed.fields["title"]
        page.logo, new = ensure_logo(
            title=f"{title.hu} – logó",
            # W3C's advice for logos: the alt text is the organisation's name, which also
            # reads right on the English page (an image has one description for both).
            alt_text=title.hu,
            spec=seed.logo,
            filename=f"logo-{seed.fields['slug'].hu}.png",
        )
        created["images"] += new

    def add_sectors(page: ClusterProfilePage) -> None:
        page.sectors.set(Sector.objects.filter(slug__in=seed.sectors, locale=page.locale))

    return _seed_page(
        index, ClusterProfilePage, fields, created, before_save=add_logo, after_add=add_sectors
    )


def _seed_training(
    index: TrainingIndexPage,
    seed: TrainingSeed,
    topics: dict[str, TrainingTopic],
    venues: dict[str, Venue],
    today: dt.date,
    created: Counter,
    *,
    translate: bool = True,
) -> TrainingPage:
    fields = {**seed.fields, "topic": topics[seed.topic]}
    days = seed.fields["duration_days"]

    def add_runs(page: TrainingPage) -> None:
        for run in seed.runs:
            start = today + dt.timedelta(days=run.starts_in_days)
            page.runs.add(
                TrainingRun(
                    start_date=start,
                    end_date=start + dt.timedelta(days=days - 1),
                    venue=venues[run.venue] if run.venue else None,
                    online=run.venue is None,
                    seats=run.seats,
                )
            )

    return _seed_page(
        index, TrainingPage, fields, created, before_save=add_runs, translate=translate
    )


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


def _seed_event(
    index: EventIndexPage,
    seed: EventSeed,
    venues: dict[str, Venue],
    fields_of_interest: dict[str, FieldOfInterest],
    today: dt.date,
    created: Counter,
) -> EventPage:
    start = _local(today + dt.timedelta(days=seed.starts_in_days), seed.starts_at)
    opens, closes = seed.registration
    fields = {
        **seed.fields,
        "start": start,
        "end": start + dt.timedelta(hours=seed.hours),
        "venue": venues[seed.venue] if seed.venue else None,
        "registration_opens": _local(today + dt.timedelta(days=opens), dt.time(8, 0)),
        "registration_closes": _local(today + dt.timedelta(days=closes), dt.time(23, 59)),
    }
    if seed.speed_field:
        fields["speed_field"] = fields_of_interest[seed.speed_field]
        fields["speed_request_deadline"] = start - dt.timedelta(days=seed.speed_deadline_days)

    def add_clusters(page: EventPage) -> None:
        page.participating_clusters.set(
            ClusterProfilePage.objects.filter(slug__in=seed.clusters, locale=page.locale)
        )

    return _seed_page(index, EventPage, fields, created, after_add=add_clusters)
