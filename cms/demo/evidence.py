"""Demo bookings of the past events and training runs, so that the evidence dashboard shows
participants, seats sold, revenue and fill rates for the current and the previous year.

Every offering (event or training run) that started before the first run's day and is not a
speed-dating event (those have their participants, `speed_dating`) gets a few confirmed
bookings, the organisations taken in turn from the demo clusters (so trainings count for
active cooperation) and from a few companies, plus one cancelled booking, which the dashboard
must not count. Written directly, as the registration of a past event is closed.

`backdate_new_clusters` dates the clusters first published by this run back to last year;
`ensure_region_total` gives the region's number of clusters a value above the demo's 22.

Idempotent: nothing is done once any demo evidence booking exists (so a run on a later day,
when more offerings lie in the past, adds nothing either).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from agency_services.models import EvidenceSettings
from agency_services.models.evidence import DEFAULT_REGION_CLUSTERS
from cluster_pages.models import ClusterProfilePage
from cms.grants import default_language
from event_booking.models import Booking, BookingStatus, EventKind, EventPage, Offering
from event_booking.services.bookings import new_reference
from event_booking.services.consent import current_consent

EMAIL_DOMAIN = "demo-evidence.example"
COMPANIES = ("Hajdú Gépgyártó Kft.", "Nyírségi Csomagolás Zrt.", "Szolnoki Szoftverház Kft.")


def seed_past_bookings(*, today: dt.date, organisations: Iterable[str]) -> int:
    """Add the bookings (module docstring); return how many were created."""
    if Booking.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        return 0
    day_start = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    speed_dating = EventPage.objects.filter(
        kind=EventKind.SPEED_DATING, locale__language_code=default_language()
    ).values("translation_key")
    offerings = (
        Offering.objects.filter(is_active=True, starts_at__lt=day_start)
        .exclude(page_translation_key__in=speed_dating)
        .order_by("starts_at", "pk")
    )
    names = [*organisations, *COMPANIES]
    consent = current_consent()
    created = 0
    with transaction.atomic():
        for n, offering in enumerate(offerings):
            capacity = offering.capacity or 20
            count = min(capacity, 4 + n % 5)
            for i in range(count + 1):
                seats = 1 + (n + i) % 2
                cancelled = i == count
                Booking.objects.create(
                    reference=new_reference(),
                    offering=offering,
                    status=BookingStatus.CANCELLED if cancelled else BookingStatus.CONFIRMED,
                    seats=seats,
                    language="hu" if i % 3 else "en",
                    name=f"Demo Résztvevő {n}-{i}",
                    email=f"guest-{offering.pk}-{i}@{EMAIL_DOMAIN}",
                    organisation=names[(n + i) % len(names)],
                    amount_due=offering.fee * seats,
                    currency=offering.currency,
                    consent=consent,
                    confirmed_at=offering.starts_at - dt.timedelta(days=10),
                    cancelled_at=offering.starts_at - dt.timedelta(days=5) if cancelled else None,
                )
                created += 1
    return created


def backdate_new_clusters(*, today: dt.date) -> int:
    """Date the cluster profiles first published on `today` (this run's) back to 1 January of
    the previous year, in both languages: the demo's clusters have been on the website for a
    while, so "regional clusters shown on the website" has a figure for last year too. Pages
    published before `today` are left alone, so a later run changes nothing."""
    day_start = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    since = timezone.make_aware(dt.datetime(today.year - 1, 1, 1, 10, 0))
    return ClusterProfilePage.objects.filter(first_published_at__gte=day_start).update(
        first_published_at=since
    )


#: The region's number of clusters in the demo: the programme's default (16, from its "8 shown,
#: about 50 %") is below the demo's 22 cluster profiles, which would show a share over 100 %.
DEMO_REGION_CLUSTERS = 30


def ensure_region_total() -> bool:
    """Set the default site's "clusters in the region" to `DEMO_REGION_CLUSTERS` while it still
    holds the model's default (an administrator's own value is kept); True when it changed."""
    site = Site.objects.get(is_default_site=True)
    settings = EvidenceSettings.for_site(site)
    if settings.region_clusters != DEFAULT_REGION_CLUSTERS:
        return False
    settings.region_clusters = DEMO_REGION_CLUSTERS
    settings.save(update_fields=["region_clusters"])
    return True
