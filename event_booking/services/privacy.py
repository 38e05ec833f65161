"""One person's personal data: export it, or erase it (GDPR articles 15, 17 and 20).

A person is identified by the e-mail address they booked with (case-insensitive), across all
offerings and both languages. Export returns everything stored about them; erasure anonymises
their bookings instead of deleting them, so seat counts, amounts and attendance stay in the
statistics while nothing left points to the person.

Anonymised bookings keep their status and seats. Their e-mail becomes a unique placeholder in
the reserved `.invalid` domain (`erased-<reference>@erased.invalid`): the database allows one
active booking per offering and address, so two erased bookings of one offering cannot share
an empty address. Pending e-mails of an erased booking are marked skipped (there is nobody
left to write to) and the error text of failed ones is blanked (mail servers quote the
address).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from event_booking.models import (
    ACTIVE_STATUSES,
    Booking,
    EmailOutbox,
    OutboxStatus,
    Participant,
)
from event_booking.services import bookings as booking_services
from event_booking.services.locking import lock_bookings
from event_booking.services.offerings import upcoming

ERASED_DOMAIN = "erased.invalid"

#: The personal fields of a booking, in export order. Everything else is about the offering.
PERSONAL_FIELDS = (
    "name",
    "email",
    "organisation",
    "phone",
    "tax_number",
    "billing_address",
)

#: Column order of the CSV export (and the keys of each exported booking).
EXPORT_FIELDS = (
    "reference",
    "offering",
    "offering_starts_at",
    "status",
    "seats",
    "language",
    *PERSONAL_FIELDS,
    "amount_due",
    "currency",
    "consent_version",
    "reminders_enabled",
    "created_at",
    "waitlisted_at",
    "confirmed_at",
    "cancelled_at",
    "checked_in_at",
)


class PrivacyError(Exception):
    """A privacy request that cannot be carried out as asked; `message` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure did: bookings anonymised and, of those, bookings cancelled first."""

    anonymised: int
    cancelled: int


def normalise_email(email: str) -> str:
    return (email or "").strip()


def bookings_of(*, email: str) -> QuerySet[Booking]:
    """The bookings made with `email` (case-insensitive), not yet anonymised, oldest first."""
    address = normalise_email(email)
    if not address:
        return Booking.objects.none()
    return (
        Booking.objects.filter(email__iexact=address, anonymised_at__isnull=True)
        .select_related("offering", "consent")
        .order_by("created_at", "id")
    )


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_booking(booking: Booking) -> dict[str, Any]:
    """One booking as plain JSON-ready data (the manage token is a credential: left out)."""
    return {
        "reference": booking.reference,
        "offering": booking.offering.title,
        "offering_starts_at": _iso(booking.offering.starts_at),
        "status": booking.status,
        "seats": booking.seats,
        "language": booking.language,
        **{field: getattr(booking, field) for field in PERSONAL_FIELDS},
        "amount_due": str(booking.amount_due),
        "currency": booking.currency,
        "consent_version": booking.consent.version if booking.consent_id else None,
        "reminders_enabled": booking.reminders_enabled,
        "created_at": _iso(booking.created_at),
        "waitlisted_at": _iso(booking.waitlisted_at),
        "confirmed_at": _iso(booking.confirmed_at),
        "cancelled_at": _iso(booking.cancelled_at),
        "checked_in_at": _iso(booking.checked_in_at),
    }


def export_person(*, email: str) -> dict[str, Any]:
    """Everything stored about the person who booked with `email`.

    Returns a JSON-ready dict: the address, the moment of export, each booking (see
    `EXPORT_FIELDS`) with the consent text it agreed to and the e-mails sent to it. An
    address with no bookings gives an empty list, not an error: "we hold nothing" is an
    answer the organiser must be able to give too.
    """
    bookings = list(
        bookings_of(email=email)
        .select_related("speed_dating_profile")
        .prefetch_related("emails", "speed_dating_profile__interests")
    )
    exported = []
    for booking in bookings:
        row = export_booking(booking)
        if booking.consent_id:
            row["consent_text"] = (
                booking.consent.text_en if booking.language == "en" else booking.consent.text_hu
            )
        profile = getattr(booking, "speed_dating_profile", None)
        if profile is not None:
            row["speed_dating_profile"] = {
                "side": profile.side,
                "organisation": profile.organisation,
                "interests": [field.name for field in profile.interests.all()],
                "offer": profile.offer,
                "look_for": profile.look_for,
                "auto_accept": profile.auto_accept,
                "profile_consent_at": _iso(profile.profile_consent_at),
            }
        row["emails"] = [
            {
                "kind": outbox.kind,
                "status": outbox.status,
                "created_at": _iso(outbox.created_at),
                "sent_at": _iso(outbox.sent_at),
            }
            for outbox in sorted(booking.emails.all(), key=lambda o: (o.created_at, o.pk))
        ]
        exported.append(row)
    return {
        "email": normalise_email(email),
        "exported_at": timezone.now().isoformat(),
        "bookings": exported,
    }


def upcoming_active_bookings(*, email: str) -> QuerySet[Booking]:
    """The person's confirmed or waitlisted bookings of upcoming offerings (see
    `offerings.upcoming`)."""
    return (
        bookings_of(email=email)
        .filter(status__in=ACTIVE_STATUSES)
        .filter(upcoming(via="offering__"))
    )


def anonymise_bookings(*, booking_ids: Iterable[int]) -> int:
    """Blank the personal fields of the given bookings; keep seats, status and amounts.

    Safe to run twice (already anonymised bookings are skipped) and usable by the periodic
    anonymisation job. Call it inside a transaction or let it open one. Returns the number
    of bookings anonymised now.
    """
    ids = list(booking_ids)
    if not ids:
        return 0
    now = timezone.now()
    count = 0
    with transaction.atomic():
        bookings = [b for b in lock_bookings(booking_ids=ids) if b.anonymised_at is None]
        for booking in bookings:
            for field in PERSONAL_FIELDS:
                setattr(booking, field, "")
            booking.email = f"erased-{booking.reference.lower()}@{ERASED_DOMAIN}"
            booking.reminders_enabled = False
            booking.anonymised_at = now
            booking.save(update_fields=[*PERSONAL_FIELDS, "reminders_enabled", "anonymised_at"])
            count += 1
        done = [b.pk for b in bookings]
        # A speed-dating profile is the person's own text: it goes too (side, interests,
        # meetings and feedback stay for the statistics).
        Participant.objects.filter(booking_id__in=done).update(
            organisation="", offer="", look_for="", cluster=None, profile_consent=False
        )
        EmailOutbox.objects.filter(booking_id__in=done, status=OutboxStatus.PENDING).update(
            status=OutboxStatus.SKIPPED
        )
        EmailOutbox.objects.filter(booking_id__in=done).exclude(last_error="").update(last_error="")
    return count


def erase_person(*, email: str, cancel_upcoming: bool = False) -> ErasureResult:
    """Anonymise every booking made with `email`.

    A person who still holds a seat (or a waiting-list place) for an offering that has not
    ended cannot simply become anonymous: the seat would be held for nobody and the
    organiser could no longer reach them. Unless `cancel_upcoming` is true, such bookings
    make the erasure fail with `PrivacyError` naming them; with it, they are cancelled first
    through the booking service (freeing the seats and promoting the waiting list), without
    a cancellation e-mail, since the address is about to disappear.

    Raises:
        PrivacyError: no address given, nothing to erase, or active upcoming bookings and
            `cancel_upcoming` is false.
    """
    address = normalise_email(email)
    if not address:
        raise PrivacyError(_("Enter the e-mail address of the person."))
    with transaction.atomic():
        upcoming = list(upcoming_active_bookings(email=address))
        if upcoming and not cancel_upcoming:
            references = ", ".join(b.reference for b in upcoming)
            raise PrivacyError(
                _(
                    "This person still has active bookings of upcoming offerings (%(refs)s). "
                    "Cancel them first, or choose to cancel them as part of the erasure."
                )
                % {"refs": references}
            )
        for booking in upcoming:
            booking_services.cancel_booking(booking_id=booking.pk, notify=False)
        ids = list(bookings_of(email=address).values_list("pk", flat=True))
        if not ids:
            raise PrivacyError(_("No bookings were made with this e-mail address."))
        anonymised = anonymise_bookings(booking_ids=ids)
    return ErasureResult(anonymised=anonymised, cancelled=len(upcoming))
