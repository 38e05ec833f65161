"""The Organisers role: events, trainings and their bookings, nothing else.

Organisers add, edit and publish pages under the event index and the training index pages of
every locale (so events, trainings and their English translations), choose images, and add and
choose documents (training material); they see, manage and export the bookings of events and
training runs (`event_booking.view_booking`, `change_booking`, and `delete_booking` for erasing
one person's data). No clusters, no home page.

Installed by migrations: `event_booking.0004_organisers_role` (admin access, the booking
permissions, images and documents in the root collection, and the event index pages that
already existed) and `training_catalog.0002_organisers_on_training_index` (the training index
pages). Index pages created later are granted by a receiver: the one below for event index
pages, the one in `training_catalog.roles` for training index pages.
"""

from typing import Any

from django.apps import apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from cms.grants import grant_role_on_pages
from cms.roles import ORGANISERS
from event_booking.models import EventIndexPage

ORGANISER_PAGE_KINDS = ("add", "change", "publish")


@receiver(post_save, sender=EventIndexPage, dispatch_uid="event_booking.roles.organisers")
def grant_organisers_on_event_index(
    sender: type, instance: EventIndexPage, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """An event index page (any language) was created: Organisers manage what is below it."""
    if created and not raw:
        grant_role_on_pages(apps, ORGANISERS, [instance], ORGANISER_PAGE_KINDS)
