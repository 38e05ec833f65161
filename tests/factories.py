"""Small factories: the one way tests build each thing.

Pages (each created published, in Hungarian), snippets, images and documents; English
translations through wagtail-localize (`to_english`, `english_home`); and the bilingual site
(`bilingual_site`: the home and the three index pages in both languages). Offerings and
bookings have their own section at the end.
"""

import datetime as dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import TestCase
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import StringSegment, TranslationSource

from cluster_pages.models import ClusterIndexPage, ClusterProfilePage, County
from cms.models import HomePage, Sector, Venue
from cms.translation import translate_instance
from cms.workflow.translation_status import TranslationStatus
from event_booking.models import (
    Booking,
    BookingStatus,
    EventIndexPage,
    EventKind,
    EventPage,
    FieldOfInterest,
    Offering,
    OfferingKind,
)
from event_booking.services import bookings as booking_services
from event_booking.services.consent import current_consent
from event_booking.services.speed_dating_profiles import ProfileDetails
from training_catalog.models import TrainingIndexPage, TrainingPage, TrainingRun, TrainingTopic

_counter = itertools.count(1)

HOME_STRINGS = {
    "Észak-alföldi Klaszterközpont": "North Great Plain Cluster Centre",
    "home": "home",
}


def hungarian_home() -> HomePage:
    return HomePage.objects.get(locale__language_code="hu")


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def sector(slug: str = "digital", code: str = "hu") -> Sector:
    return Sector.objects.get(slug=slug, locale__language_code=code)


def venue(**fields: Any) -> Venue:
    defaults = {
        "name": "Debreceni Egyetem Főépület",
        "street_address": "Egyetem tér 1.",
        "postal_code": "4032",
        "city": "Debrecen",
        "locale": locale("hu"),
    }
    return Venue.objects.create(**{**defaults, **fields})


def cluster_index(home: HomePage, **fields: Any) -> ClusterIndexPage:
    defaults = {"title": "Klaszterek", "slug": "klaszterek", "intro": "A régió klaszterei."}
    return publish(home, ClusterIndexPage(**{**defaults, **fields}))


def cluster(
    index: ClusterIndexPage, sectors: list[Sector] = (), **fields: Any
) -> ClusterProfilePage:
    n = next(_counter)
    defaults = {
        "title": f"Teszt Klaszter {n}",
        "slug": f"teszt-klaszter-{n}",
        "summary": f"Teszt klaszter {n} összefoglalója.",
        "county": County.HAJDU_BIHAR,
        "city": "Debrecen",
        "founding_year": 2010,
        "members_companies": 20,
        "members_research": 3,
        "members_public_other": 2,
        "contact_email": "info@example.org",
    }
    page = ClusterProfilePage(**{**defaults, **fields})
    index.add_child(instance=page)
    if sectors:
        page.sectors.set(sectors)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def training_index(home: HomePage, **fields: Any) -> TrainingIndexPage:
    defaults = {"title": "Képzések", "slug": "kepzesek"}
    return publish(home, TrainingIndexPage(**{**defaults, **fields}))


def topic(slug: str = "strategy", name: str = "Klaszterstratégia") -> TrainingTopic:
    return TrainingTopic.objects.get_or_create(
        slug=slug, locale=locale("hu"), defaults={"name": name}
    )[0]


def training(index: TrainingIndexPage, runs: int = 1, **fields: Any) -> TrainingPage:
    n = next(_counter)
    defaults = {
        "title": f"Klasztermenedzsment képzés {n}",
        "slug": f"kepzes-{n}",
        "summary": "Gyakorlati klasztermenedzsment.",
        "price_eur": Decimal("500.00"),
    }
    page = TrainingPage(**{**defaults, **fields})
    start = timezone.localdate() + dt.timedelta(days=30)
    for i in range(runs):
        page.runs.add(
            TrainingRun(
                start_date=start + dt.timedelta(days=7 * i),
                end_date=start + dt.timedelta(days=7 * i + 1),
                seats=12,
            )
        )
    return publish(index, page)


def event_index(home: HomePage, **fields: Any) -> EventIndexPage:
    defaults = {"title": "Rendezvények", "slug": "rendezvenyek"}
    return publish(home, EventIndexPage(**{**defaults, **fields}))


def event(index: EventIndexPage, days_ahead: int = 14, **fields: Any) -> EventPage:
    n = next(_counter)
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days_ahead)
    defaults = {
        "title": f"Üzletember-találkozó {n}",
        "slug": f"esemeny-{n}",
        "kind": EventKind.BUSINESS_BROKERAGE,
        "start": start,
        "end": start + dt.timedelta(hours=6),
        "capacity": 40,
    }
    return publish(index, EventPage(**{**defaults, **fields}))


def image(
    title: str = "",
    *,
    filename: str = "",
    colour: str = "white",
    size: tuple[int, int] = (600, 300),
    **fields: Any,
) -> Image:
    """An uploaded PNG image; its file (and so its renditions) is named `filename`."""
    n = next(_counter)
    return Image.objects.create(
        title=title or f"logo-{n}.png",
        file=get_test_image_file(filename or f"image-{n}.png", colour=colour, size=size),
        **fields,
    )


def document(
    title: str = "Tematika",
    filename: str = "tematika.pdf",
    content: bytes = b"%PDF-1.4 test",
    **fields: Any,
) -> Document:
    """An uploaded PDF document, served at /documents/<id>/<filename>."""
    return Document.objects.create(title=title, file=ContentFile(content, name=filename), **fields)


def to_english(
    instance: Any, overrides: Mapping[str, str] | None = None, publish: bool = True
) -> Any:
    """Translate a page or snippet into English through wagtail-localize, like a translator.

    Every segment is translated: `overrides` maps source strings to their English, the others
    become "EN <text>" (slugs "<slug>-en"). With `publish=False` a page translation is saved as
    a draft. wagtail-localize publishes on commit: the callbacks run before this returns (do
    not call it inside another `captureOnCommitCallbacks(execute=True)`, which would run them
    twice). Returns the English object (the specific page, refreshed, for pages).
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        translated = translate_instance(
            instance=instance,
            locale_code="en",
            strings=english_strings(instance, overrides),
            publish=publish,
        )
    if isinstance(translated, Page):
        translated = translated.specific
        translated.refresh_from_db()
    return translated


def outdated(page: TranslatableMixin, changed: dt.datetime | None = None) -> TranslationStatus:
    """Record that the English translation of `page` (or of a translatable snippet) lags behind
    its Hungarian source, as the translation loop does when the source is published with
    changes (`changed`: when)."""
    changed = changed or timezone.now()
    status, _created = TranslationStatus.objects.update_or_create(
        translation_key=page.translation_key,
        locale=locale("en"),
        defaults={
            "content_type": ContentType.objects.get_for_model(page.get_translation_model()),
            "outdated_since": changed,
            "source_changed_at": changed,
        },
    )
    return status


def english_home() -> HomePage:
    """The English home page (translated once; later calls return it)."""
    home = hungarian_home()
    existing = home.get_translations().filter(locale__language_code="en").first()
    return existing.specific if existing else to_english(home, HOME_STRINGS)


@dataclass
class BilingualSite:
    """The home page and the three index pages in Hungarian with their live English pages."""

    home: HomePage
    home_en: HomePage
    clusters: ClusterIndexPage
    clusters_en: ClusterIndexPage
    trainings: TrainingIndexPage
    trainings_en: TrainingIndexPage
    events: EventIndexPage
    events_en: EventIndexPage


ENGLISH_INDEX_TITLES = {
    ClusterIndexPage: "Clusters",
    TrainingIndexPage: "Trainings",
    EventIndexPage: "Events",
}


def english_index(index: Page) -> Page:
    """The live English translation of an index page: /en/clusters/, /en/trainings/, ...

    The English home must exist first (`english_home`).
    """
    title = ENGLISH_INDEX_TITLES[type(index)]
    return to_english(index, {index.title: title, index.slug: title.lower()})


def bilingual_site() -> BilingualSite:
    """The site's skeleton in both languages: the home pages and the three index pages."""
    home = hungarian_home()
    home_en = english_home()
    clusters = cluster_index(home)
    trainings = training_index(home)
    events = event_index(home)
    return BilingualSite(
        home=home,
        home_en=home_en,
        clusters=clusters,
        clusters_en=english_index(clusters),
        trainings=trainings,
        trainings_en=english_index(trainings),
        events=events,
        events_en=english_index(events),
    )


def english_strings(instance: object, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """A translation of every segment of `instance`: "EN <text>", slugs as "<slug>-en"."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    strings = {}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        strings[text] = f"{text}-en" if segment.context.path == "slug" else f"EN {text}"
    strings.update(overrides or {})
    return strings


# === Offerings and bookings =======================================================================
# One way to build each. `offering(...)` and `booking(...)` serve every test of the booking
# engine; pages (`event`, `training`) are built above.

_booking_counter = itertools.count(1)


def offering(of: Any = None, **fields: Any) -> Offering:
    """An offering.

    * `offering(page_or_run)`: the offering the engine made when the event page (or the
      training of the run) was published, found by translation key; `fields` then overwrite
      some of its facts, as an edit in the database would.
    * `offering(**fields)`: a stand-alone event offering (no page) with 10 seats, starting in
      ten days and lasting six hours; for the booking rules, jobs and organiser screens.
    """
    if of is not None:
        found = Offering.objects.get(translation_key=of.translation_key)
        if fields:
            for name, value in fields.items():
                setattr(found, name, value)
            found.save()
        return found
    starts = fields.pop("starts_at", timezone.now().replace(microsecond=0) + dt.timedelta(days=10))
    defaults = {
        "kind": OfferingKind.EVENT,
        "title": f"Üzletember-találkozó {next(_booking_counter)}",
        "capacity": 10,
        "starts_at": starts,
        "ends_at": starts and starts + dt.timedelta(hours=6),
    }
    return Offering.objects.create(**{**defaults, **fields})


def booking(offering: Offering, *, status: str | None = None, **fields: Any) -> Booking:
    """A booking of `offering`.

    * `status=None` (the default): booked through the booking service as a booker would
      (`book_offering`): confirmed or waitlisted as the rules decide, e-mails queued. Fields:
      `seats`, `email`, `name`, `language`, `organisation`, `phone`, `tax_number`,
      `billing_address`, `page_id`. An address that already holds a booking of the offering
      gets that booking back.
    * `status=<BookingStatus>`: written in that status, as is (no rules, no e-mails): a state
      for jobs, e-mails and organiser screens to work on. Any Booking field may be given.
    """
    n = next(_booking_counter)
    if status is None:
        language = fields.pop("language", "hu")
        seats = fields.pop("seats", 1)
        page_id = fields.pop("page_id", None)
        outcome = booking_services.book_offering(
            offering_id=offering.pk,
            booker=booking_services.BookerDetails(
                name=fields.pop("name", f"Teszt Elek {n}"),
                email=fields.pop("email", None) or f"booker{n}@example.org",
                **fields,
            ),
            language=language,
            consent=current_consent(),
            seats=seats,
            page_id=page_id,
        )
        return outcome.booking
    now = timezone.now()
    seats = fields.get("seats", 1)
    defaults = {
        "reference": f"T{n:07d}",
        "offering": offering,
        "status": status,
        "seats": seats,
        "language": "hu",
        "name": f"Vendég {n}",
        "email": f"guest{n}@example.org",
        "amount_due": offering.fee * seats,
        "currency": offering.currency,
        "confirmed_at": now if status == BookingStatus.CONFIRMED else None,
        "waitlisted_at": now if status == BookingStatus.WAITLISTED else None,
    }
    return Booking.objects.create(**{**defaults, **fields})


# --- speed dating -----------------------------------------------------------------------------
# `speed_dating_event(index)` is a published speed-dating event page (its offering made by the
# publication); `participant(page, ...)` books it through the booking service with a profile,
# as the booking form and the API do.


def field_of_interest(slug: str = "akkumulatorok", name: str = "Akkumulátorok", english: str = ""):
    """A field of interest in Hungarian (and its English translation when `english` is given)."""
    field, _created = FieldOfInterest.objects.get_or_create(
        slug=slug, locale=locale("hu"), defaults={"name": name}
    )
    if (
        english
        and not FieldOfInterest.objects.filter(
            translation_key=field.translation_key, locale=locale("en")
        ).exists()
    ):
        FieldOfInterest.objects.create(
            slug=slug, name=english, locale=locale("en"), translation_key=field.translation_key
        )
    return field


def speed_dating_event(index: EventIndexPage, days_ahead: int = 14, **fields: Any) -> EventPage:
    """A speed-dating event: 3 rounds of 10 minutes, 2 tables, requests until 3 days before."""
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days_ahead)
    defaults = {
        "kind": EventKind.SPEED_DATING,
        "start": start,
        "end": start + dt.timedelta(hours=2),
        "capacity": 40,
        "max_seats_per_booking": 1,
        "speed_rounds": 3,
        "speed_meeting_minutes": 10,
        "speed_tables": 2,
        "speed_field": field_of_interest(),
        "speed_request_deadline": start - dt.timedelta(days=3),
        "speed_max_requests": 3,
    }
    return event(index, days_ahead=days_ahead, **{**defaults, **fields})


def participant(
    page: EventPage,
    side: str = "company",
    *,
    interests: tuple[Any, ...] = (),
    auto_accept: bool = False,
    language: str = "hu",
    **booker: Any,
):
    """A participant of `page`, booked through `book()` with a complete profile."""
    n = next(_booking_counter)
    outcome = booking_services.book(
        page_id=page.pk,
        booker=booking_services.BookerDetails(
            name=booker.pop("name", f"Résztvevő {n}"),
            email=booker.pop("email", f"participant{n}@example.org"),
            organisation=booker.pop("organisation", f"Szervezet {n}"),
        ),
        consent=current_consent(),
        language=language,
        profile=ProfileDetails(
            side=side,
            interests=tuple(i.pk for i in interests) or (field_of_interest().pk,),
            offer=f"Ajánlat {n}",
            look_for=f"Keresünk {n}",
            auto_accept=auto_accept,
            profile_consent=True,
        ),
    )
    return outcome.booking.speed_dating_profile
