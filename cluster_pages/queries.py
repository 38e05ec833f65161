"""Which cluster profiles an index page lists, and the form that filters them."""

import itertools
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cluster_pages.models.profiles import ClusterProfilePage, County
from cms.listing import Listing, build_listing
from cms.localization import localized_all, one_per_translation, shown_only
from cms.models import Sector
from cms.tree import children_q
from cms.visibility import public


class ClusterFilterForm(forms.Form):
    """`?sector=<slug>&county=<value>`; sector slugs are the same in every language."""

    sector = forms.ChoiceField(label=_("Sector"), required=False)
    county = forms.ChoiceField(label=_("County"), required=False)

    def __init__(self, *args: Any, locale: Locale | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sectors = one_per_translation(Sector.objects.filter(live=True), locale)
        self.fields["sector"].choices = [("", _("All sectors"))] + [
            (sector.slug, sector.name) for sector in sectors
        ]
        self.fields["county"].choices = [("", _("All counties")), *County.choices]


def filter_clusters(index: Page, *, sector: str = "", county: str = "") -> QuerySet:
    """The live, public cluster profiles under `index`, by name, optionally filtered.

    `index` is an index page of one language, so its children are in that language too.
    """
    clusters = (
        public(ClusterProfilePage.objects.filter(children_q(index)).live())
        .select_related("logo")
        # The cards' logo renditions with the page: no query (or cache write) per card.
        .prefetch_related("sectors", "logo__renditions")
        .order_by("title")
    )
    if sector:
        clusters = clusters.filter(sectors__slug=sector).distinct()
    if county:
        clusters = clusters.filter(county=county)
    return clusters


def cluster_listing(index: Page, params: QueryDict) -> Listing:
    """The index page's listing for the query string `params`, sectors in the reader's language."""
    form = ClusterFilterForm(params, locale=index.locale)
    listing = build_listing(
        form=form, query=lambda **filters: filter_clusters(index, **filters), params=params
    )
    attach_localized_sectors(listing.page_obj.object_list, index.locale)
    return listing


def attach_localized_sectors(clusters: list[ClusterProfilePage], locale: Locale) -> None:
    """Set `cluster.sectors_localized` on each cluster, in one query for all of them.

    Sectors are synchronised: an English cluster points at the Hungarian sector rows.
    """
    sectors = {sector.pk: sector for cluster in clusters for sector in cluster.sectors.all()}
    translated = dict(zip(sectors, localized_all(sectors.values(), locale), strict=True))
    for cluster in clusters:
        cluster.sectors_localized = shown_only(
            translated[sector.pk] for sector in cluster.sectors.all()
        )


def county_teasers(index: Page, *, limit: int) -> list[ClusterProfilePage]:
    """Home-page teasers of `index`: recently published clusters, every county represented.

    The newest clusters alone could all come from one or two counties (and so leave out
    Hajdú-Bihar, the agency's own). So the teasers are taken in rounds: each round takes the
    newest cluster not yet shown from each county, the newest county first, until `limit`
    clusters are chosen. With `limit` at least the number of counties that have a cluster,
    each of them is shown. Live, public clusters of `index` only (so of its language).
    """
    clusters = public(ClusterProfilePage.objects.filter(children_q(index)).live())
    by_county: dict[str, list[int]] = {}
    for pk, county in clusters.order_by("-first_published_at", "-pk").values_list("pk", "county"):
        by_county.setdefault(county, []).append(pk)
    chosen: list[int] = []
    for round_ in itertools.zip_longest(*by_county.values()):
        chosen.extend(pk for pk in round_ if pk is not None)
    chosen = chosen[:limit]
    pages = clusters.select_related("logo").prefetch_related("logo__renditions").in_bulk(chosen)
    return [pages[pk] for pk in chosen]
