"""The Organisers role: events, trainings and their bookings, nothing else.

Organisers add, edit and publish pages under the Hungarian event index and training index
pages (events and trainings), add and edit pages under the English ones (their translations,
which go live through translation review, never by the organiser's own publish), choose images,
and add and choose documents (training material); they see, manage and export the bookings of
events and training runs (`event_booking.view_booking`, `change_booking`, and `delete_booking`
for erasing one person's data). No clusters, no home page.

Installed by migrations: `event_booking.0004_organisers_role` (admin access, the booking
permissions, images and documents in the root collection, and the event index pages that
already existed) and `training_catalog.0002_organisers_on_training_index` (the training index
pages); `event_booking.0007_organisers_publish_hungarian_only` and
`training_catalog.0006_organisers_publish_hungarian_only` took publish on the English index
pages back. Index pages created later are granted by a receiver: the one connected below for
event index pages, the one in `training_catalog.roles` for training index pages.
"""

from cms.roles import grant_organisers_on_created_pages
from event_booking.models import EventIndexPage

grant_organisers_on_created_pages(EventIndexPage)
