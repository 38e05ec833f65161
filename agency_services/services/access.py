"""Who sees which consultation requests (one answer for every view and the API of the admin).

Consultants (and superusers) see every request. A cluster manager sees the requests of the
clusters they manage: a cluster is theirs when one of their "Cluster managers: <name>" groups
holds `change_page` directly on its page (`cluster_pages.roles`). A permission inherited from
an ancestor (Editors and Moderators on the root) does not make a cluster anyone's. Everyone
else sees none.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from agency_services.models import ConsultationRequest
from agency_services.roles import PERM_CONSULT, PERM_VIEW_ALL
from cluster_pages.managers import CLUSTER_GROUP_PREFIX
from cluster_pages.models import ClusterProfilePage


def clusters_managed_by(user: Any) -> QuerySet[ClusterProfilePage]:
    """The cluster pages `user` manages (see the module docstring), by title."""
    if not user.is_authenticated or not user.is_active:
        return ClusterProfilePage.objects.none()
    return (
        ClusterProfilePage.objects.filter(
            group_permissions__group__user=user,
            group_permissions__group__name__startswith=CLUSTER_GROUP_PREFIX,
            group_permissions__permission__codename="change_page",
        )
        .distinct()
        .order_by("title")
    )


def is_consultant(user: Any) -> bool:
    """May see every request, decide and plan (Consultants and superusers)."""
    return user.is_active and user.has_perm(PERM_VIEW_ALL) and user.has_perm(PERM_CONSULT)


def may_use_consultations(user: Any) -> bool:
    """Whether the "Consultations" admin screens are for `user` at all."""
    return is_consultant(user) or clusters_managed_by(user).exists()


def visible_requests(user: Any) -> QuerySet[ConsultationRequest]:
    """The requests `user` may see: all for consultants, their clusters' for managers."""
    requests = ConsultationRequest.objects.select_related("cluster", "decided_by")
    if not user.is_authenticated or not user.is_active:
        return requests.none()
    if is_consultant(user):
        return requests
    return requests.filter(cluster__in=clusters_managed_by(user))
