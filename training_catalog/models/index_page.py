"""The index page of the trainings: its listing and its home-page teasers.

It lives apart from the training models because its queries (`training_catalog.queries`) read
those models: trainings <- queries <- index page, with no circle to dodge.
"""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.listing import Listing
from cms.models import HomeSection, ListingPage
from training_catalog.queries import training_listing, upcoming_trainings


class TrainingIndexPage(ListingPage):
    """Lists the trainings, filterable by topic."""

    subpage_types = ["training_catalog.TrainingPage"]
    home_section = HomeSection(
        name="trainings",
        heading=_("Trainings"),
        link_label=_("All trainings"),
        empty_message=_("No training runs are scheduled at the moment."),
        teaser_template="training_catalog/training_teaser.html",
        limit=3,
        position=20,
    )

    class Meta:
        verbose_name = _("training index page")

    def get_listing(self, params: QueryDict) -> Listing:
        return training_listing(self, params)

    def teasers(self, *, limit: int) -> list[Page]:
        """Trainings with a coming run, soonest first (`upcoming_trainings`)."""
        return upcoming_trainings(self, limit=limit)
