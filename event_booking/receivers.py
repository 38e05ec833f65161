"""Signal receivers: keep offerings in step with published bookable pages, and speed-dating
schedules in step with cancelled bookings. They only call services.
`connect_bookable_models()` (run by the app's `ready`) connects the page receivers for every
page type that implements `BookablePage`, whichever app it lives in."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from event_booking.bookable import bookable_models
from event_booking.models import Booking, Offering
from event_booking.services import meeting_changes, offerings, public_pages, speed_dating_events


def sync_offerings_on_publish(sender: type, instance: Any, **kwargs: Any) -> None:
    """A bookable page (either language) was published: upsert its offerings, and (re)plan
    the request-deadline jobs of a speed-dating event."""
    for offering in offerings.sync_offerings_for_page(page=instance):
        speed_dating_events.schedule_deadline_jobs(offering_id=offering.pk)


def deactivate_offerings_on_unpublish(sender: type, instance: Any, **kwargs: Any) -> None:
    """A bookable page was unpublished: deactivate unless a translation is live."""
    offerings.page_removed(page=instance)


def deactivate_offerings_on_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    """A bookable page was deleted: as unpublishing (bookings are kept)."""
    offerings.page_removed(page=instance)


def refill_after_booking_left(sender: type, instance: Booking, **kwargs: Any) -> None:
    """A booking was saved: if it left a published speed-dating schedule, refill its places
    (a job, after commit)."""
    meeting_changes.booking_left(booking=instance)


post_save.connect(refill_after_booking_left, sender=Booking, dispatch_uid="speed_dating_refill")


def booking_seats_changed(sender: type, instance: Booking, **kwargs: Any) -> None:
    """A booking was made, cancelled, confirmed from the waiting list or deleted: the cached
    pages that show its offering's seats are stale (after commit)."""
    fields = kwargs.get("update_fields")
    if fields is None or public_pages.SHOWN_BOOKING_FIELDS & set(fields):
        public_pages.offering_changed(offering_id=instance.offering_id)


def offering_saved(sender: type, instance: Offering, **kwargs: Any) -> None:
    """An offering's capacity, window or state changed: as a booking change."""
    public_pages.offering_changed(offering_id=instance.pk)


post_save.connect(booking_seats_changed, sender=Booking, dispatch_uid="page_cache_booking")
post_delete.connect(booking_seats_changed, sender=Booking, dispatch_uid="page_cache_booking")
post_save.connect(offering_saved, sender=Offering, dispatch_uid="page_cache_offering")


def connect_bookable_models() -> None:
    """Connect the receivers above for every bookable page type (idempotent)."""
    for model in bookable_models():
        uid = f"event_booking:{model._meta.label}"
        page_published.connect(sync_offerings_on_publish, sender=model, dispatch_uid=uid)
        page_unpublished.connect(deactivate_offerings_on_unpublish, sender=model, dispatch_uid=uid)
        post_delete.connect(deactivate_offerings_on_delete, sender=model, dispatch_uid=uid)
