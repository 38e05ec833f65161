"""Cluster profiles (`profiles`) and the index page that lists them (`index_page`)."""

from cluster_pages.models.index_page import ClusterIndexPage
from cluster_pages.models.profiles import ClusterProfilePage, County, QualityLabel

__all__ = ["ClusterIndexPage", "ClusterProfilePage", "County", "QualityLabel"]
