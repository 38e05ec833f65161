"""The Cluster managers role: each manager edits only their own cluster's Hungarian page.

Installed by the migration `cluster_pages.0003_cluster_managers_role`:

- **Cluster managers** (the shared group): admin access and the images they need for their
  logo (add and choose in the root collection).
- **Cluster managers: <cluster>**, one group per cluster page in the source language (Hungarian):
  `change_page` on that page only (it has no children). Wagtail page permissions belong to
  groups, not users, hence a group per cluster. The receiver below creates it together with
  the page (the migration made it for the pages that already existed). The English profile is
  the Translators' work, so an English cluster page gets no group.

A manager is in "Cluster managers" plus the group of their cluster. Without `publish_page` their
"Publish" goes to the "Cluster site" workflow, where Moderators approve Hungarian pages. To give
another person a cluster: a moderator picks them in the page's "Cluster managers" panel, or adds
them to the cluster's group in Settings > Users (`cluster_pages.managers`).
"""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from cluster_pages.managers import ensure_cluster_manager_group
from cluster_pages.models import ClusterProfilePage
from cms.grants import default_language


@receiver(post_save, sender=ClusterProfilePage, dispatch_uid="cluster_pages.roles.cluster_group")
def create_cluster_manager_group(
    sender: type, instance: ClusterProfilePage, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """A cluster page in the source language was created (or copied): create its group."""
    if created and not raw and instance.locale.language_code == default_language():
        ensure_cluster_manager_group(instance)
