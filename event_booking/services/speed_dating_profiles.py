"""Speed-dating profiles: what the booking form and the API collect for a speed-dating event.

`clean_profile` checks a profile before anything is stored (its errors name the field, like
every `InvalidBooking`); `create_profile` stores it with the booking, in the booking's
transaction. Rules (for events of kind speed dating only; other pages ignore profile input):

* side (company or researcher), organisation, at least one field of interest, what they offer
  and what they look for are required; the texts are stored as written (the participant's own
  language, `booking.language`), never translated.
* fields of interest (live ones only) may be given by the id of any translation; the
  source-language row is stored, so both languages compare the same rows.
* cluster: companies only, and one of the event's participating clusters (given by the id of
  either translation of the cluster page). Required for companies when the event lists
  participating clusters.
* `profile_consent` (other participants of this event may see the profile) must be given:
  matchmaking needs a visible profile. A speed-dating booking holds one seat (one person).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.localization import shown_rows
from event_booking.models import (
    Booking,
    EventKind,
    EventPage,
    FieldOfInterest,
    Participant,
    Side,
)
from event_booking.services.errors import InvalidBooking
from event_booking.services.text_input import clean_multiline

#: Longest "offer" and "look for" texts.
PROFILE_TEXT_LENGTH = 1000


@dataclass(frozen=True)
class ProfileDetails:
    """A profile as typed in (form or API); `clean_profile` checks it."""

    side: str = ""
    cluster: int | None = None
    interests: tuple[int, ...] = ()
    offer: str = ""
    look_for: str = ""
    auto_accept: bool = False
    profile_consent: bool = False

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ProfileDetails:
        """From a form's or serializer's cleaned data (absent fields: empty)."""
        return cls(
            side=data.get("side") or "",
            cluster=data.get("cluster") or None,
            interests=tuple(int(pk) for pk in data.get("interests") or ()),
            offer=data.get("offer") or "",
            look_for=data.get("look_for") or "",
            auto_accept=bool(data.get("auto_accept")),
            profile_consent=bool(data.get("profile_consent")),
        )


@dataclass(frozen=True)
class CleanProfile:
    """A checked profile, ready to store."""

    side: str
    organisation: str
    cluster_id: int | None
    interest_ids: tuple[int, ...]
    offer: str
    look_for: str
    auto_accept: bool


def is_speed_dating(page: Page) -> bool:
    """Whether bookings through `page` carry a speed-dating profile."""
    return isinstance(page, EventPage) and page.kind == EventKind.SPEED_DATING


def interest_choices(language: str) -> list[tuple[int, str]]:
    """(source-language id, name in `language`) of every live field of interest, by name.

    Only live rows: a field that was never published, or was unpublished, is not offered, and a
    translation waiting for review is not shown (the live source's name is, until it is live).
    """
    shown = dict(
        shown_rows(FieldOfInterest)
        .filter(locale__language_code=language)
        .values_list("translation_key", "name")
    )
    sources = shown_rows(FieldOfInterest).filter(locale=Locale.get_default())
    choices = [(f.pk, shown.get(f.translation_key, f.name)) for f in sources]
    return sorted(choices, key=lambda choice: choice[1].lower())


def cluster_choices(page: EventPage) -> list[tuple[int, str]]:
    """(page id, title) of the event's participating clusters, in the page's language."""
    clusters = Page.objects.filter(
        translation_key__in=page.participating_clusters.values("translation_key"),
        locale=page.locale,
    )
    listed = list(clusters) or list(page.participating_clusters.all())
    return sorted(((c.pk, c.title) for c in listed), key=lambda c: c[1].lower())


def _cluster_id(details: ProfileDetails, page: EventPage) -> int | None:
    listed = list(page.participating_clusters.values_list("translation_key", flat=True))
    if details.side != Side.COMPANY:
        if details.cluster:
            raise InvalidBooking(_("Only companies name a cluster."), field="cluster")
        return None
    if not details.cluster:
        if listed:
            raise InvalidBooking(_("Choose the cluster your company belongs to."), field="cluster")
        return None
    chosen = Page.objects.filter(pk=details.cluster).values_list("translation_key", flat=True)
    key = chosen.first()
    if key is None or key not in listed:
        raise InvalidBooking(
            _("Choose one of the clusters taking part in this event."), field="cluster"
        )
    return (
        page.participating_clusters.filter(translation_key=key).values_list("pk", flat=True).first()
    )


def _interest_ids(details: ProfileDetails) -> tuple[int, ...]:
    if not details.interests:
        raise InvalidBooking(_("Choose at least one field of interest."), field="interests")
    keys = set(
        shown_rows(FieldOfInterest)
        .filter(pk__in=details.interests)
        .values_list("translation_key", flat=True)
    )
    sources = tuple(
        shown_rows(FieldOfInterest)
        .filter(translation_key__in=keys, locale=Locale.get_default())
        .values_list("pk", flat=True)
    )
    if len(keys) != len(set(details.interests)) or len(sources) != len(keys):
        raise InvalidBooking(_("Choose fields of interest from the list."), field="interests")
    return tuple(sorted(sources))


def clean_profile(details: ProfileDetails, *, page: EventPage, organisation: str) -> CleanProfile:
    """Check a profile for a booking through `page` (see the module docstring).

    Args:
        details: as typed in.
        page: the speed-dating event page the booking comes through.
        organisation: the booker's organisation, already cleaned (required here).

    Raises:
        InvalidBooking: on the first bad field ("side", "organisation", "cluster",
            "interests", "offer", "look_for", "profile_consent").
    """
    if details.side not in Side.values:
        raise InvalidBooking(
            _("Choose whether you come as a company or a researcher."), field="side"
        )
    if not organisation:
        raise InvalidBooking(
            _("Name your organisation: other participants see it."), field="organisation"
        )
    cluster_id = _cluster_id(details, page)
    interest_ids = _interest_ids(details)
    texts = {}
    for field, message in (
        ("offer", _("Tell the others what you offer.")),
        ("look_for", _("Tell the others what you look for.")),
    ):
        texts[field] = clean_multiline(
            getattr(details, field), field=field, max_length=PROFILE_TEXT_LENGTH
        )
        if not texts[field]:
            raise InvalidBooking(message, field=field)
    if not details.profile_consent:
        raise InvalidBooking(
            _(
                "Agree that the other participants of this event see your profile: "
                "matchmaking needs it."
            ),
            field="profile_consent",
        )
    return CleanProfile(
        side=details.side,
        organisation=organisation,
        cluster_id=cluster_id,
        interest_ids=interest_ids,
        offer=texts["offer"],
        look_for=texts["look_for"],
        auto_accept=details.auto_accept,
    )


def create_profile(*, booking: Booking, profile: CleanProfile, now: dt.datetime) -> Participant:
    """Store the profile of a new booking (call inside the booking's transaction)."""
    participant = Participant.objects.create(
        booking=booking,
        side=profile.side,
        organisation=profile.organisation,
        cluster_id=profile.cluster_id,
        offer=profile.offer,
        look_for=profile.look_for,
        auto_accept=profile.auto_accept,
        profile_consent=True,
        profile_consent_at=now,
    )
    participant.interests.set(profile.interest_ids)
    return participant
