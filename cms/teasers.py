"""What the home page shows besides its own text: teasers of the other sections."""

from typing import Any

from wagtail.models import Page

from cluster_pages.models import ClusterIndexPage
from cluster_pages.queries import latest_clusters
from event_booking.models.pages import EventIndexPage
from event_booking.queries import upcoming_events
from training_catalog.models import TrainingIndexPage
from training_catalog.queries import upcoming_trainings


def home_teasers(home: Page) -> dict[str, Any]:
    """Teasers and section links for `home`, all in `home`'s language, live and public only.

    Keys: `upcoming_events`, `latest_clusters`, `upcoming_trainings` (lists of pages) and
    `event_index`, `cluster_index`, `training_index` (the section's index page, or None).
    """

    def index(model: type[Page]) -> Page | None:
        return model.objects.child_of(home).live().public().first()

    return {
        "upcoming_events": upcoming_events(home),
        "latest_clusters": latest_clusters(home),
        "upcoming_trainings": upcoming_trainings(home),
        "event_index": index(EventIndexPage),
        "cluster_index": index(ClusterIndexPage),
        "training_index": index(TrainingIndexPage),
    }
