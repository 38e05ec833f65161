"""What the Organisers role may do in the training catalogue: add, edit and publish trainings.

The Organisers group gets `add_page`, `change_page` and `publish_page` on every training index
page, in every language (so on the trainings and their English translations below it). The
migration `training_catalog.0002_organisers_on_training_index` granted it on the index pages
that already existed; the receiver below grants it when one is created. The rest of the role
(admin access, images, documents, bookings, event pages) is described in `event_booking.roles`.
"""

from typing import Any

from django.apps import apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from cms.grants import grant_role_on_pages
from cms.roles import ORGANISERS
from training_catalog.models import TrainingIndexPage

ORGANISER_PAGE_KINDS = ("add", "change", "publish")


@receiver(post_save, sender=TrainingIndexPage, dispatch_uid="training_catalog.roles.organisers")
def grant_organisers_on_training_index(
    sender: type, instance: TrainingIndexPage, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A training index page (any language) was created: Organisers manage what is below it."""
    if created and not raw:
        grant_role_on_pages(apps, ORGANISERS, [instance], ORGANISER_PAGE_KINDS)
