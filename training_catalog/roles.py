"""What the Organisers role may do in the training catalogue: add, edit and publish trainings.

The Organisers group gets `add_page`, `change_page` and `publish_page` on every Hungarian
training index page, and `add_page` and `change_page` on the English ones (their translations go
live through translation review). The migration `training_catalog.0002_organisers_on_training_index`
granted it on the index pages that already existed (then in every language;
`0006_organisers_publish_hungarian_only` took publish on the English ones back); the receiver
connected below grants it when one is created. The rest of
the role (admin access, images, documents, bookings, event pages) is described in
`event_booking.roles`.
"""

from cms.roles import grant_organisers_on_created_pages
from training_catalog.models import TrainingIndexPage

grant_organisers_on_created_pages(TrainingIndexPage)
