"""A small world of the consultation tests: two clusters, a manager of each, a consultant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.users.models import UserProfile

from agency_services.models import ConsultationRequest
from agency_services.roles import CONSULTANTS
from agency_services.services.consultations import RequestDetails, submit_cluster_request
from cluster_pages.models import ClusterProfilePage
from cluster_pages.roles import ensure_cluster_manager_group
from cms.roles import CLUSTER_MANAGERS
from tests import factories

PASSWORD = "pw-12345678"


def member(username: str, groups: list[Group | str], *, language: str = "en") -> User:
    user = User.objects.create_user(username, f"{username}@agency.example", PASSWORD)
    for group in groups:
        user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@dataclass
class World:
    cluster_a: ClusterProfilePage
    cluster_b: ClusterProfilePage
    manager_a: User
    manager_b: User
    consultant: User


def world() -> World:
    index = factories.cluster_index(factories.hungarian_home())
    cluster_a = factories.cluster(index, title="Alföldi Agrárklaszter")
    cluster_b = factories.cluster(index, title="Debreceni IT Klaszter")
    manager_a = member("manager_a", [CLUSTER_MANAGERS, ensure_cluster_manager_group(cluster_a)[0]])
    manager_b = member("manager_b", [CLUSTER_MANAGERS, ensure_cluster_manager_group(cluster_b)[0]])
    consultant = member("consultant", [CONSULTANTS])
    return World(cluster_a, cluster_b, manager_a, manager_b, consultant)


def details(*, days_ahead: int = 10, topic: str = "Arculat és közösségi média") -> RequestDetails:
    start = timezone.localdate() + dt.timedelta(days=days_ahead)
    return RequestDetails(
        topic=topic,
        needs="Új arculat a klaszter 10. évfordulójára.",
        preferred_from=start,
        preferred_until=start + dt.timedelta(days=30),
    )


def request_of(manager: User, cluster: ClusterProfilePage, **kwargs) -> ConsultationRequest:
    return submit_cluster_request(
        user=manager, cluster_id=cluster.pk, details=details(**kwargs), language="en"
    )
