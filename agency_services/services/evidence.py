"""The evidence dashboard's figures: every number of the agency's year, computed from the data,
each with the records behind it.

`figures(year=...)` returns them in the dashboard's order: first the programme's list of
evidence of success (`programme=True`, in the programme's order), then the rest. Each
`Figure` carries its `rows` (the records behind it, with a link to each in the admin) and
`parts` (the breakdown a chart draws); the types are `services.figures`. Only what has
happened counts, as in the services log (`services_log.year_range`: from 1 January to the end
of the year or now, whichever is first).

Choices where the programme is silent (also in the README):
- *National business-brokerage and consultancy events organised*: live Hungarian event pages of
  every kind but "International business event" that started in the year.
- *Regional clusters shown on the website*: live, public Hungarian cluster profiles first
  published before the end of the year; their share is of Settings → Evidence of success
  (`EvidenceSettings.region_clusters`). *Live profiles per language* count the same way in
  each language.
- *Participants* are the seats of confirmed bookings (a cancelled booking, a waiting-list
  place or one who left the list is no participant), of offerings that started in the year.
- *Translation coverage* is the workflow plugin's (`cms.workflow.status.coverage`): a
  snapshot of today, the same for every year (an outdated translation is not covered).
- *Revenue* is the amount due of confirmed training bookings, per currency.
- *Fill rate*: confirmed seats over capacity, of the offerings with a capacity that started in
  the year; overall it is their sums' ratio.
- *Speed dating*: the offerings of live Hungarian speed-dating event pages that started in the
  year (`meeting_outcomes.event_outcomes` per event, summed); outcomes count the participants'
  answers of both stages (after the event and six months later).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Site

from agency_services.models import (
    ConsultationSession,
    EvidenceSettings,
    SessionStatus,
)
from agency_services.services import services_log
from agency_services.services.budget import year_budget
from agency_services.services.figures import (
    DAYS,
    PERCENT,
    Figure,
    Part,
    Row,
    admin_url,
    display,
    offering_url,
    page_url,
    percent,
)
from cluster_pages.models import ClusterProfilePage
from cms.grants import default_language
from cms.workflow.status import coverage
from event_booking.models import (
    Booking,
    BookingStatus,
    EventKind,
    EventPage,
    MeetingOutcome,
    Offering,
    OfferingKind,
)
from event_booking.services.meeting_outcomes import event_outcomes


def _record_rows(records: Iterable[services_log.Record]) -> tuple[Row, ...]:
    return tuple(
        Row(
            r.cluster.title,
            admin_url(r.source),
            f"{r.kind_label}: {r.reason}",
            r.date,
        )
        for r in records
    )


def _cluster_figure(key: str, label: str, records: list[services_log.Record]) -> Figure:
    """A number of distinct clusters, with every record behind it."""
    clusters = services_log.distinct_clusters(records)
    return Figure(key, label, len(clusters), rows=_record_rows(records), programme=True)


# --- the data behind several figures ---------------------------------------------------------


def _events(year: int) -> QuerySet[EventPage]:
    """Live Hungarian event pages that started in `year` (so far)."""
    start, end = services_log.year_range(year)
    return (
        EventPage.objects.live()
        .filter(locale__language_code=default_language(), start__gte=start, start__lt=end)
        .order_by("start", "pk")
    )


def _confirmed_seats(offering_ids: Iterable[int]) -> dict[int, int]:
    """Seats of confirmed bookings per offering (a cancelled booking is no participant)."""
    rows = (
        Booking.objects.filter(offering_id__in=list(offering_ids), status=BookingStatus.CONFIRMED)
        .values_list("offering_id")
        .annotate(seats=Sum("seats"))
    )
    return dict(rows)


def _event_offerings(events: Iterable[EventPage]) -> dict[Any, Offering]:
    """The offering of each event page, by the page's translation key."""
    keys = [event.translation_key for event in events]
    return {
        o.page_translation_key: o
        for o in Offering.objects.filter(kind=OfferingKind.EVENT, page_translation_key__in=keys)
    }


def _started_offerings(year: int, **filters: Any) -> QuerySet[Offering]:
    start, end = services_log.year_range(year)
    return Offering.objects.filter(
        is_active=True, starts_at__gte=start, starts_at__lt=end, **filters
    ).order_by("starts_at", "pk")


def _local(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(moment).date() if moment else None


def _live_clusters(year: int, language: str) -> QuerySet[ClusterProfilePage]:
    """Live, public cluster profiles in `language` first published before `year` ended."""
    end = timezone.make_aware(dt.datetime(year + 1, 1, 1))
    return (
        ClusterProfilePage.objects.live()
        .public()
        .filter(locale__language_code=language, first_published_at__lt=end)
        .order_by("title")
    )


def region_clusters() -> int:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return EvidenceSettings._meta.get_field("region_clusters").default
    return EvidenceSettings.for_site(site).region_clusters


# --- the programme's figures, in its order ------------------------------------------------------


def active_cooperation(year: int) -> list[Figure]:
    active = services_log.active_cooperation(year=year)
    rows = tuple(
        Row(
            a.cluster.title,
            page_url(a.cluster.pk),
            "; ".join(f"{r.kind_label}: {r.reason}" for r in a.reasons),
            a.reasons[0].date,
        )
        for a in active
    )
    parts = tuple(
        Part(str(label), len({r.cluster.pk for a in active for r in a.reasons if r.kind == kind}))
        for kind, label in services_log.KIND_LABELS.items()
    )
    return [
        Figure(
            "active_cooperation",
            _("Clusters in active cooperation"),
            len(active),
            rows=rows,
            parts=parts,
            note=_("Each cluster once, whatever the number of its services."),
            programme=True,
        )
    ]


def international_support(year: int) -> list[Figure]:
    return [
        _cluster_figure(
            "international_support",
            _("Clusters supported at international business events"),
            services_log.international_support(year=year),
        )
    ]


def national_events(year: int) -> list[Figure]:
    events = list(_events(year).exclude(kind=EventKind.INTERNATIONAL))
    rows = tuple(
        Row(e.title, page_url(e.pk), e.get_kind_display(), _local(e.start)) for e in events
    )
    return [
        Figure(
            "national_events",
            _("National business-brokerage and consultancy events organised"),
            len(events),
            rows=rows,
            programme=True,
        )
    ]


def consultancy(year: int) -> list[Figure]:
    return [
        _cluster_figure(
            "consultancy",
            _("Clusters given consultancy"),
            services_log.consultancy(year=year),
        )
    ]


def applications(year: int) -> list[Figure]:
    records = services_log.applications(year=year)
    return [
        Figure(
            "applications",
            _("Applications written for clusters"),
            len(records),
            rows=_record_rows(records),
            programme=True,
        )
    ]


def website_clusters(year: int) -> list[Figure]:
    clusters = list(_live_clusters(year, default_language()))
    total = region_clusters()
    share = percent(len(clusters), total)
    rows = tuple(
        Row(c.title, page_url(c.pk), c.management_organisation, _local(c.first_published_at))
        for c in clusters
    )
    note = _("%(share)s of the region's %(total)s clusters (Settings → Evidence of success).")
    return [
        Figure(
            "website_clusters",
            _("Regional clusters shown on the website"),
            len(clusters),
            rows=rows,
            note=note % {"share": display(share, PERCENT), "total": total},
            programme=True,
        ),
        Figure(
            "website_share",
            _("Their share of all the region's clusters"),
            share,
            PERCENT,
            rows=rows,
            parts=(
                Part(str(_("Shown on the website")), len(clusters)),
                Part(str(_("Clusters in the region")), total),
            ),
            programme=True,
        ),
    ]


def _participant_rows(offerings: Iterable[Offering]) -> tuple[Row, ...]:
    bookings = (
        Booking.objects.filter(offering__in=list(offerings), status=BookingStatus.CONFIRMED)
        .select_related("offering")
        .order_by("offering__starts_at", "pk")
    )
    return tuple(
        Row(
            b.organisation or b.name or b.reference,
            offering_url(b.offering_id),
            ngettext("%(title)s: %(n)s seat", "%(title)s: %(n)s seats", b.seats)
            % {"title": b.offering.title, "n": b.seats},
            _local(b.offering.starts_at),
        )
        for b in bookings
    )


def seminar_day(year: int) -> list[Figure]:
    events = _events(year).filter(kind=EventKind.CLUSTER_SEMINAR_DAY)
    offerings = list(_event_offerings(events).values())
    seats = _confirmed_seats(o.pk for o in offerings)
    return [
        Figure(
            "seminar_day_participants",
            _("Participants of the cluster seminar day"),
            sum(seats.values()),
            rows=_participant_rows(offerings),
            programme=True,
        )
    ]


# --- the rest ----------------------------------------------------------------------------------


def live_profiles(year: int) -> list[Figure]:
    figures = []
    for locale in Locale.objects.order_by("pk"):
        clusters = list(_live_clusters(year, locale.language_code))
        figures.append(
            Figure(
                f"live_profiles_{locale.language_code}",
                _("Clusters with a live profile in %(language)s")
                % {"language": locale.get_display_name()},
                len(clusters),
                rows=tuple(Row(c.title, page_url(c.pk), c.url_path) for c in clusters),
            )
        )
    return figures


def translation_coverage(year: int) -> list[Figure]:
    figures = []
    for locale in Locale.objects.exclude(language_code=default_language()).order_by("pk"):
        found = coverage(locale)
        figures.append(
            Figure(
                f"translation_coverage_{locale.language_code}",
                _("Translation coverage (%(language)s)") % {"language": locale.get_display_name()},
                percent(found.current, found.total),
                PERCENT,
                rows=tuple(
                    Row(s.title, page_url(s.page_id), f"{s.current} / {s.total}")
                    for s in found.sections
                ),
                parts=tuple(
                    Part(s.title, percent(s.current, s.total), PERCENT) for s in found.sections
                ),
                note=_(
                    "Live pages with a current translation, today: %(current)s of %(total)s "
                    "(%(outdated)s outdated, %(missing)s missing)."
                )
                % {
                    "current": found.current,
                    "total": found.total,
                    "outdated": found.outdated,
                    "missing": found.missing,
                },
            )
        )
    return figures


def events_by_kind(year: int) -> list[Figure]:
    events = list(_events(year))
    offerings = _event_offerings(events)
    seats = _confirmed_seats(o.pk for o in offerings.values())

    def row(event: EventPage) -> Row:
        offering = offerings.get(event.translation_key)
        n = seats.get(offering.pk, 0) if offering else 0
        return Row(
            event.title,
            offering_url(offering.pk) if offering else page_url(event.pk),
            ngettext("%(n)s participant", "%(n)s participants", n) % {"n": n},
            _local(event.start),
        )

    figures = []
    for kind, label in EventKind.choices:
        of_kind = [e for e in events if e.kind == kind]
        keys = {e.translation_key for e in of_kind}
        people = sum(seats.get(o.pk, 0) for key, o in offerings.items() if key in keys)
        figures.append(
            Figure(
                f"participants_{kind.replace('-', '_')}",
                _("Participants: %(kind)s") % {"kind": label},
                people,
                rows=tuple(row(e) for e in of_kind),
                note=ngettext("%(n)s event", "%(n)s events", len(of_kind)) % {"n": len(of_kind)},
            )
        )
    return figures


def trainings(year: int) -> list[Figure]:
    runs = list(_started_offerings(year, kind=OfferingKind.TRAINING_RUN))
    seats = _confirmed_seats(run.pk for run in runs)
    revenue: dict[str, Decimal] = {}
    by_run: dict[int, Decimal] = {}
    confirmed = Booking.objects.filter(offering__in=runs, status=BookingStatus.CONFIRMED)
    for offering_id, currency, amount in confirmed.values_list(
        "offering_id", "currency", "amount_due"
    ):
        revenue[currency] = revenue.get(currency, Decimal("0")) + amount
        by_run[offering_id] = by_run.get(offering_id, Decimal("0")) + amount
    rows = tuple(
        Row(
            run.title,
            offering_url(run.pk),
            ngettext("%(n)s seat sold", "%(n)s seats sold", seats.get(run.pk, 0))
            % {"n": seats.get(run.pk, 0)}
            + f" · {display(by_run.get(run.pk, Decimal('0')), run.currency)}",
            _local(run.starts_at),
        )
        for run in runs
    )
    figures = [
        Figure("trainings_run", _("Trainings run"), len(runs), rows=rows),
        Figure(
            "training_seats",
            _("Training seats sold"),
            sum(seats.values()),
            rows=rows,
            parts=tuple(Part(run.title, seats.get(run.pk, 0)) for run in runs),
        ),
    ]
    for currency in sorted(revenue) or [Offering._meta.get_field("currency").default]:
        figures.append(
            Figure(
                f"training_revenue_{currency.lower()}",
                _("Training revenue (%(currency)s)") % {"currency": currency},
                revenue.get(currency, Decimal("0")),
                currency,
                rows=rows,
                note=_("The amount due of confirmed bookings."),
            )
        )
    return figures


def fill_rates(year: int) -> list[Figure]:
    offerings = list(_started_offerings(year, capacity__gt=0))
    seats = _confirmed_seats(o.pk for o in offerings)
    rates = [(o, seats.get(o.pk, 0), percent(seats.get(o.pk, 0), o.capacity)) for o in offerings]
    return [
        Figure(
            "fill_rate",
            _("Booking fill rate"),
            percent(sum(seats.values()), sum(o.capacity for o in offerings)),
            PERCENT,
            rows=tuple(
                Row(
                    o.title,
                    offering_url(o.pk),
                    f"{n} / {o.capacity} · {display(rate, PERCENT)}",
                    _local(o.starts_at),
                )
                for o, n, rate in rates
            ),
            parts=tuple(Part(o.title, rate, PERCENT) for o, _n, rate in rates),
            note=_("Confirmed seats over capacity, events and training runs with a capacity."),
        )
    ]


def speed_dating(year: int) -> list[Figure]:
    pages = EventPage.objects.live().filter(
        locale__language_code=default_language(), kind=EventKind.SPEED_DATING
    )
    offerings = list(
        _started_offerings(
            year,
            kind=OfferingKind.EVENT,
            page_translation_key__in=pages.values("translation_key"),
        )
    )
    figures_of = [(o, event_outcomes(offering_id=o.pk)) for o in offerings]
    rows = tuple(
        Row(
            o.title,
            offering_url(o.pk),
            _("%(held)s held, %(no_shows)s no-shows")
            % {"held": f.meetings_held, "no_shows": f.no_shows},
            _local(o.starts_at),
        )
        for o, f in figures_of
    )
    outcomes = tuple(
        Part(
            str(label),
            sum(
                f.outcomes.get(stage, {}).get(value, 0)
                for _o, f in figures_of
                for stage in f.outcomes
            ),
        )
        for value, label in MeetingOutcome.choices
    )
    return [
        Figure(
            "speed_dating_held",
            _("Speed-dating meetings held"),
            sum(f.meetings_held for _o, f in figures_of),
            rows=rows,
        ),
        Figure(
            "speed_dating_no_shows",
            _("Speed-dating no-shows"),
            sum(f.no_shows for _o, f in figures_of),
            rows=rows,
        ),
        Figure(
            "speed_dating_outcomes",
            _("Speed-dating outcomes (answers)"),
            sum(part.value for part in outcomes),
            rows=rows,
            parts=outcomes,
            note=_("Participants' answers after the event and six months later."),
        ),
    ]


def consultation_days(year: int) -> list[Figure]:
    budget = year_budget(year=year)
    sessions = (
        ConsultationSession.objects.filter(date__year=year)
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("request")
    )
    rows = tuple(
        Row(
            str(s.request),
            admin_url(s),
            f"{s.get_status_display()} · {display(s.days, DAYS)}",
            s.date,
        )
        for s in sessions
    )
    return [
        Figure(
            "consultation_days",
            _("Consultation days delivered"),
            budget.delivered,
            DAYS,
            rows=rows,
            parts=(
                Part(str(_("Budget")), budget.budget, DAYS),
                Part(str(_("Delivered")), budget.delivered, DAYS),
                Part(str(_("Planned")), budget.planned, DAYS),
                Part(str(_("Left")), max(budget.left, Decimal("0")), DAYS),
            ),
            note=_("%(delivered)s delivered and %(planned)s planned of %(budget)s; %(left)s left.")
            % {
                "delivered": display(budget.delivered, DAYS),
                "planned": display(budget.planned, DAYS),
                "budget": display(budget.budget, DAYS),
                "left": display(budget.left, DAYS),
            },
        )
    ]


#: The figure groups in the dashboard's order: the programme's list first, in its order.
GROUPS: tuple[Callable[[int], list[Figure]], ...] = (
    active_cooperation,
    international_support,
    national_events,
    consultancy,
    applications,
    website_clusters,
    seminar_day,
    live_profiles,
    translation_coverage,
    events_by_kind,
    trainings,
    fill_rates,
    speed_dating,
    consultation_days,
)


def figures(*, year: int) -> list[Figure]:
    """Every figure of `year`, in the dashboard's order (see the module docstring)."""
    return [figure for group in GROUPS for figure in group(year)]


def programme_figures(*, year: int) -> list[Figure]:
    """The programme's list of evidence of success only (the admin home's summary)."""
    return [f for group in GROUPS[:7] for f in group(year) if f.programme]


def figure(*, year: int, key: str) -> Figure | None:
    """One figure of `year` by its key, None if there is no such figure."""
    return next((f for f in figures(year=year) if f.key == key), None)
