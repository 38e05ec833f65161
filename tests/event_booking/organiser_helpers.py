"""Helpers of the organiser-admin and privacy tests: users with and without the Organisers
permissions, and offerings and bookings written directly (the listing and export do not care
how a booking was made; actions go through the services in the tests themselves)."""

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone
from wagtail.users.models import UserProfile

from event_booking.models import Booking, BookingStatus, Offering, OfferingKind

ORGANISER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("event_booking", "view_booking"),
    ("event_booking", "change_booking"),
    ("event_booking", "delete_booking"),
]

_counter = itertools.count(1)


def user_with(username: str, permissions: list[tuple[str, str]]) -> User:
    group, _created = Group.objects.get_or_create(name=f"group-{username}")
    for app_label, codename in permissions:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user = User.objects.create_user(username, f"{username}@agency.example", "pw-12345678")
    user.groups.add(group)
    # The admin speaks the user's preferred language (Hungarian by default): tests read English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def organiser() -> User:
    return user_with("organiser", ORGANISER_PERMISSIONS)


def editor_without_booking_rights() -> User:
    return user_with("editor", [("wagtailadmin", "access_admin")])


def offering(**fields: Any) -> Offering:
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=10)
    defaults = {
        "kind": OfferingKind.EVENT,
        "title": f"Üzletember-találkozó {next(_counter)}",
        "capacity": 10,
        "starts_at": starts,
        "ends_at": starts + dt.timedelta(hours=6),
    }
    return Offering.objects.create(**{**defaults, **fields})


def booking(offering: Offering, **fields: Any) -> Booking:
    n = next(_counter)
    now = timezone.now()
    status = fields.get("status", BookingStatus.CONFIRMED)
    defaults = {
        "reference": f"T{n:07d}",
        "offering": offering,
        "status": status,
        "seats": 1,
        "name": f"Vendég {n}",
        "email": f"guest{n}@example.org",
        "amount_due": offering.fee * fields.get("seats", 1),
        "currency": offering.currency,
        "confirmed_at": now if status == BookingStatus.CONFIRMED else None,
        "waitlisted_at": (
            now + dt.timedelta(seconds=n) if status == BookingStatus.WAITLISTED else None
        ),
    }
    return Booking.objects.create(**{**defaults, **fields})


def paid_offering(**fields: Any) -> Offering:
    return offering(kind=OfferingKind.TRAINING_RUN, fee=Decimal("500.00"), **fields)
