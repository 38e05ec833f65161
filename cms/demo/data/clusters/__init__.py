"""Twenty-two cluster profiles of the North Great Plain region (fictional, realistic), by county.

The clusters, people, phone numbers and addresses are invented; e-mail addresses and websites
use the reserved example.org domain (see `base.ClusterSeed` for the shape of an entry).
"""

from cms.demo.data.clusters import hajdu_bihar, jasz_nagykun_szolnok, szabolcs_szatmar_bereg
from cms.demo.data.clusters.base import ClusterSeed

CLUSTERS: list[ClusterSeed] = [
    *hajdu_bihar.CLUSTERS,
    *jasz_nagykun_szolnok.CLUSTERS,
    *szabolcs_szatmar_bereg.CLUSTERS,
]
