"""Signal receivers: keep offerings in step with published pages. They only call services."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from event_booking.models import EventPage
from event_booking.services import offerings
from training_catalog.models import TrainingPage

BOOKABLE_PAGE_TYPES = (EventPage, TrainingPage)


@receiver(page_published)
def sync_offerings_on_publish(sender: type, instance: Any, **kwargs: Any) -> None:
    """An event or training page (either language) was published: upsert its offerings."""
    if isinstance(instance, BOOKABLE_PAGE_TYPES):
        offerings.sync_offerings_for_page(page=instance)


@receiver(page_unpublished)
def deactivate_offerings_on_unpublish(sender: type, instance: Any, **kwargs: Any) -> None:
    """An event or training page was unpublished: deactivate unless a translation is live."""
    if isinstance(instance, BOOKABLE_PAGE_TYPES):
        offerings.page_removed(page=instance)


@receiver(post_delete, sender=EventPage)
@receiver(post_delete, sender=TrainingPage)
def deactivate_offerings_on_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    """An event or training page was deleted: as unpublishing (bookings are kept)."""
    offerings.page_removed(page=instance)
