"""Demo users, one per editorial role, with demo-only passwords.

Every password is the username followed by `PASSWORD_SUFFIX` ("editor-demo-2026"). They are
published in the README and must never exist on a production database: `seed_demo` is a demo
command. An existing user is never changed (no password reset, no renamed fields); only a
missing group membership is added, so a second run changes nothing.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from agency_services.roles import CONSULTANTS
from cluster_pages.managers import ensure_cluster_manager_group
from cluster_pages.models import ClusterProfilePage
from cms.roles import CLUSTER_MANAGERS, ORGANISERS, TRANSLATORS

PASSWORD_SUFFIX = "-demo-2026"


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    groups: tuple[str, ...]


DEMO_USERS = [
    DemoUser("editor", "Éva", "Sipos", ("Editors",)),
    DemoUser("moderator", "Márta", "Bodnár", ("Moderators",)),
    DemoUser("translator", "Dávid", "Kerekes", (TRANSLATORS,)),
    DemoUser("reviewer", "Réka", "Fodor", ("Translation reviewers",)),
    DemoUser("manager1", "Anna", "Kovács", (CLUSTER_MANAGERS,)),
    DemoUser("manager2", "Péter", "Szabó", (CLUSTER_MANAGERS,)),
    DemoUser("organiser", "Gergő", "Lengyel", (ORGANISERS,)),
    DemoUser("consultant", "Zsófia", "Balogh", (CONSULTANTS,)),
]


def demo_password(username: str) -> str:
    return f"{username}{PASSWORD_SUFFIX}"


def ensure_demo_users(*, managed_clusters: Mapping[str, ClusterProfilePage]) -> int:
    """Create the missing demo users and add them to their groups.

    Args:
        managed_clusters: the cluster page each cluster manager (by username) may edit; the
            user joins that cluster's group (`cluster_pages.managers`), which is created with
            the cluster page and only looked up here (or created if it is missing).

    Returns:
        The number of users created now (0 on a second run).

    Raises:
        Group.DoesNotExist: a role group is missing: the database is not migrated.
    """
    user_model = get_user_model()
    created = 0
    for spec in DEMO_USERS:
        user = user_model.objects.filter(username=spec.username).first()
        if user is None:
            user = user_model.objects.create_user(
                username=spec.username,
                email=f"{spec.username}@example.org",
                password=demo_password(spec.username),
                first_name=spec.first_name,
                last_name=spec.last_name,
            )
            created += 1
        groups = [Group.objects.get(name=name) for name in spec.groups]
        if spec.username in managed_clusters:
            groups.append(ensure_cluster_manager_group(managed_clusters[spec.username])[0])
        user.groups.add(*groups)
    return created
