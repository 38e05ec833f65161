"""The index page of the cluster profiles: its listing and its home-page teasers.

It lives apart from the profile models because its queries (`cluster_pages.queries`) read
those models: profiles <- queries <- index page, with no circle to dodge.
"""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cluster_pages.queries import cluster_listing, county_teasers
from cms.listing import Listing
from cms.models import HomeSection, ListingPage


class ClusterIndexPage(ListingPage):
    """Lists the cluster profiles, filterable by sector and county (see `get_context`)."""

    subpage_types = ["cluster_pages.ClusterProfilePage"]
    home_section = HomeSection(
        name="clusters",
        heading=_("Clusters of the region"),
        link_label=_("All clusters"),
        empty_message=_("No cluster profiles yet."),
        teaser_template="cluster_pages/cluster_teaser.html",
        limit=6,
        position=30,
    )

    class Meta:
        verbose_name = _("cluster index page")

    def get_listing(self, params: QueryDict) -> Listing:
        return cluster_listing(self, params)

    def teasers(self, *, limit: int) -> list[Page]:
        """Recently published clusters, every county represented (`county_teasers`)."""
        return county_teasers(self, limit=limit)
