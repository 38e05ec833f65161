"""What the Organisers role may do in the training catalogue: add, edit and publish trainings.

The Organisers group gets `add_page`, `change_page` and `publish_page` on every training index
page, in every language (so on the trainings and their English translations below it). The
migration `training_catalog.0002_organisers_on_training_index` granted it on the index pages
that already existed; the receiver connected below grants it when one is created. The rest of
the role (admin access, images, documents, bookings, event pages) is described in
`event_booking.roles`.
"""

from cms.roles import ORGANISER_PAGE_KINDS, ORGANISERS, grant_on_created_pages
from training_catalog.models import TrainingIndexPage

grant_on_created_pages(TrainingIndexPage, ORGANISERS, ORGANISER_PAGE_KINDS)
