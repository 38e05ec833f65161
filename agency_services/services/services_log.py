"""The services log: the records behind each figure of the agency's year, as data.

Every function takes a calendar year and returns `Record`s (cluster, kind, reason, date and
the object behind it), so a figure is `len(distinct_clusters(records))` and its link lists the
records (the evidence dashboard comes later). Clusters are identified across languages by
their translation key and shown as their page in the source language (Hungarian).

What counts (only what has happened; a future event of the year is not participation yet):
- **applications**: `ClusterApplication` rows submitted in the year;
- **international support**: clusters taking part in a live Hungarian event page of kind
  "International business event" that started in the year, plus `EventSupport` rows;
- **consultancy**: consultation sessions delivered in the year, for requests with a cluster;
- **event participation**: clusters taking part in any live Hungarian event page that
  started in the year, and the cluster of a speed-dating participant whose booking is
  confirmed (offering started in the year);
- **training**: a confirmed booking of a training run that started in the year whose
  organisation is a cluster's name or its management organisation (compared without case and
  surrounding spaces: bookings carry no cluster reference);
- **active cooperation**: every cluster with at least one record above, once, with all its
  reasons (a cluster with two services counts once).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agency_services.models import (
    ClusterApplication,
    ConsultationSession,
    EventSupport,
    SessionStatus,
)
from cluster_pages.models import ClusterProfilePage
from cms.grants import default_language
from event_booking.models import (
    Booking,
    BookingStatus,
    EventKind,
    EventPage,
    OfferingKind,
    Participant,
)


class Kind:
    APPLICATION = "application"
    INTERNATIONAL = "international"
    CONSULTANCY = "consultancy"
    EVENT = "event"
    TRAINING = "training"


KIND_LABELS = {
    Kind.APPLICATION: _("Application written"),
    Kind.INTERNATIONAL: _("Supported at an international business event"),
    Kind.CONSULTANCY: _("Consultancy"),
    Kind.EVENT: _("Event participation"),
    Kind.TRAINING: _("Training"),
}


@dataclass(frozen=True)
class Record:
    """One piece of evidence: `cluster` (source page) did `kind` on `date` (`reason`)."""

    cluster: ClusterProfilePage
    kind: str
    reason: str
    date: dt.date
    source: Any

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


@dataclass(frozen=True)
class ActiveCluster:
    cluster: ClusterProfilePage
    reasons: tuple[Record, ...]


def _source_clusters(keys: Iterable[uuid.UUID]) -> dict[uuid.UUID, ClusterProfilePage]:
    """The source-language cluster page of each translation key (one query)."""
    return {
        page.translation_key: page
        for page in ClusterProfilePage.objects.filter(
            translation_key__in=set(keys), locale__language_code=default_language()
        )
    }


def _records(rows: list[tuple[uuid.UUID, str, str, dt.date, Any]]) -> list[Record]:
    clusters = _source_clusters(key for key, *_rest in rows)
    records = [
        Record(clusters[key], kind, reason, date, source)
        for key, kind, reason, date, source in rows
        if key in clusters
    ]
    return sorted(records, key=lambda r: (r.cluster.title, r.date, r.kind))


def _local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    return start, min(timezone.make_aware(dt.datetime(year + 1, 1, 1)), timezone.now())


def applications(*, year: int) -> list[Record]:
    rows = [
        (app.cluster.translation_key, Kind.APPLICATION, app.programme, app.submitted_on, app)
        for app in ClusterApplication.objects.filter(submitted_on__year=year).select_related(
            "cluster"
        )
    ]
    return _records(rows)


def _event_rows(*, year: int, kinds: Iterable[str] | None, kind: str) -> list[tuple]:
    start, end = year_range(year)
    events = (
        EventPage.objects.live()
        .filter(locale__language_code=default_language(), start__gte=start, start__lt=end)
        .prefetch_related("participating_clusters")
    )
    if kinds is not None:
        events = events.filter(kind__in=list(kinds))
    return [
        (cluster.translation_key, kind, event.title, _local_date(event.start), event)
        for event in events
        for cluster in event.participating_clusters.all()
    ]


def international_support(*, year: int) -> list[Record]:
    rows = _event_rows(year=year, kinds=[EventKind.INTERNATIONAL], kind=Kind.INTERNATIONAL)
    rows += [
        (entry.cluster.translation_key, Kind.INTERNATIONAL, entry.event_name, entry.date, entry)
        for entry in EventSupport.objects.filter(date__year=year).select_related("cluster")
    ]
    return _records(rows)


def consultancy(*, year: int) -> list[Record]:
    sessions = ConsultationSession.objects.filter(
        status=SessionStatus.DELIVERED, date__year=year, request__cluster__isnull=False
    ).select_related("request__cluster")
    rows = [
        (s.request.cluster.translation_key, Kind.CONSULTANCY, s.request.topic, s.date, s)
        for s in sessions
    ]
    return _records(rows)


def _started_bookings(*, year: int, offering_kind: str) -> Any:
    start, end = year_range(year)
    return Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        offering__kind=offering_kind,
        offering__starts_at__gte=start,
        offering__starts_at__lt=end,
    ).select_related("offering")


def event_participation(*, year: int) -> list[Record]:
    rows = _event_rows(year=year, kinds=None, kind=Kind.EVENT)
    bookings = _started_bookings(year=year, offering_kind=OfferingKind.EVENT)
    participants = Participant.objects.filter(
        booking__in=bookings, cluster__isnull=False
    ).select_related("booking__offering", "cluster")
    rows += [
        (
            p.cluster.translation_key,
            Kind.EVENT,
            p.booking.offering.title,
            _local_date(p.booking.offering.starts_at),
            p.booking.offering,
        )
        for p in participants
    ]
    return _records(rows)


def training(*, year: int) -> list[Record]:
    bookings = list(_started_bookings(year=year, offering_kind=OfferingKind.TRAINING_RUN))
    names = {b.organisation.strip().casefold() for b in bookings if b.organisation.strip()}
    if not names:
        return []
    by_name: dict[str, list[uuid.UUID]] = {}
    query = Q()
    for name in names:
        query |= Q(title__iexact=name) | Q(management_organisation__iexact=name)
    clusters = ClusterProfilePage.objects.filter(locale__language_code=default_language())
    for cluster in clusters.filter(query):
        for name in {cluster.title, cluster.management_organisation}:
            if name.strip():
                by_name.setdefault(name.strip().casefold(), []).append(cluster.translation_key)
    rows = [
        (key, Kind.TRAINING, b.offering.title, _local_date(b.offering.starts_at), b.offering)
        for b in bookings
        for key in by_name.get(b.organisation.strip().casefold(), [])
    ]
    return _records(rows)


def distinct_clusters(records: Iterable[Record]) -> list[ClusterProfilePage]:
    """Each cluster of `records` once, by title."""
    seen: dict[int, ClusterProfilePage] = {}
    for record in records:
        seen.setdefault(record.cluster.pk, record.cluster)
    return sorted(seen.values(), key=lambda c: c.title)


def active_cooperation(*, year: int) -> list[ActiveCluster]:
    """Every cluster with any service, event participation or training in `year`, once, with
    all its reasons (by date), by cluster title."""
    everything = [
        *applications(year=year),
        *international_support(year=year),
        *consultancy(year=year),
        *event_participation(year=year),
        *training(year=year),
    ]
    by_cluster: dict[int, list[Record]] = {}
    for record in everything:
        by_cluster.setdefault(record.cluster.pk, []).append(record)
    return [
        ActiveCluster(cluster, tuple(sorted(by_cluster[cluster.pk], key=lambda r: r.date)))
        for cluster in distinct_clusters(everything)
    ]
