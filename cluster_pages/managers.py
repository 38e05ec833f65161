"""Who manages a cluster: the membership of its group "Cluster managers: <cluster>".

Wagtail gives page permissions to groups, so each Hungarian cluster page has a group of its own
(`ensure_cluster_manager_group`, created with the page by `cluster_pages.roles`). Its members are
the cluster's managers. Two admin routes change them, and both read and write that one
membership, so they never disagree:

- the "Cluster managers" panel of the cluster page's edit form, shown only to users with
  `ASSIGN_PERMISSION` (Moderators, by migration; superusers) and applied by
  `assign_cluster_managers` when the page is saved;
- Settings > Users (a user's roles) or the users' bulk "Assign role", reached from Settings >
  Groups > "Cluster managers: <cluster>" > "View users in this group".

Whichever route adds a manager, `on_membership_changed` also puts them in the shared "Cluster
managers" group (admin access, logo upload), which a manager needs to reach their page, and
writes the change to the cluster page's history in Wagtail's audit log (`LOG_ACTION`, with who
was added and removed; the acting user comes from Wagtail's log context of the admin request).
Leaving a cluster's group does not take the shared group away: it grants nothing but admin access
and images, and the person may hold it for another reason.

The assignment takes effect when the form is saved, not when the page is published: membership
is not page content (revisions do not hold it, the public never sees it), and a manager must be
able to open the page before any new version of it is approved.
"""

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import m2m_changed
from wagtail.log_actions import LogContext, log
from wagtail.models import GroupPagePermission, Page

from cms.grants import ensure_page_group, page_group
from cms.roles import CLUSTER_MANAGERS

CLUSTER_GROUP_PREFIX = f"{CLUSTER_MANAGERS}: "
CLUSTER_PAGE_KINDS = ("change",)
ASSIGN_PERMISSION = "cluster_pages.assign_cluster_managers"
LOG_ACTION = "cluster_pages.assign_managers"


def ensure_cluster_manager_group(cluster: Page) -> tuple[Group, int]:
    """Return the group whose members may edit `cluster`'s page, creating it if missing.

    The group is found by its page permission, not its name, so renaming the cluster (or the
    group) does not create a second one. Its members also need the "Cluster managers" group for
    admin access.

    Returns:
        The group and 1 if it was created now, else 0.
    """
    group, created = ensure_page_group(
        apps, cluster, prefix=CLUSTER_GROUP_PREFIX, title=cluster.title, kinds=CLUSTER_PAGE_KINDS
    )
    return group, int(created)


def current_managers(cluster: Page) -> Any:
    """The users in `cluster`'s group (none if it has no group yet), by username."""
    group = page_group(apps, cluster, prefix=CLUSTER_GROUP_PREFIX, kind=CLUSTER_PAGE_KINDS[0])
    if group is None:
        return get_user_model().objects.none()
    return group.user_set.order_by("username")


def can_assign(user: Any) -> bool:
    return user.has_perm(ASSIGN_PERMISSION)


def assign_cluster_managers(*, cluster: Page, users: Iterable[Any], by: Any) -> tuple[set, set]:
    """Make exactly `users` the managers of `cluster` (its group's members), for `by`.

    Members not in `users` leave the group, the others join it (and the shared group, see the
    module docstring); the audit log records both, as `by`.

    Raises:
        PermissionDenied: `by` may not assign cluster managers.

    Returns:
        The usernames added and removed.
    """
    if not can_assign(by):
        raise PermissionDenied
    wanted = {user.pk: user for user in users}
    with transaction.atomic(), LogContext(user=by):
        group, _created = ensure_cluster_manager_group(cluster)
        group = Group.objects.select_for_update().get(pk=group.pk)
        present = set(group.user_set.values_list("pk", flat=True))
        removed = present - set(wanted)
        added = set(wanted) - present
        if removed:
            group.user_set.remove(*removed)
        if added:
            group.user_set.add(*added)
    usernames = get_user_model().objects.filter(pk__in=added | removed)
    names = dict(usernames.values_list("pk", "username"))
    return {names[pk] for pk in added}, {names[pk] for pk in removed}


def cluster_page_of(group: Group) -> Page | None:
    """The page a "Cluster managers: ..." group manages, or None for any other group."""
    if not group.name.startswith(CLUSTER_GROUP_PREFIX):
        return None
    grant = (
        GroupPagePermission.objects.filter(
            group=group, permission__codename=f"{CLUSTER_PAGE_KINDS[0]}_page"
        )
        .select_related("page")
        .order_by("pk")
        .first()
    )
    return grant.page if grant else None


def record_membership_change(*, group: Group, user_ids: Iterable[int], joined: bool) -> None:
    """Log `user_ids` joining or leaving a cluster's group; joiners also get the shared group.

    Called for every change of group membership; does nothing for groups of other kinds.
    """
    page = cluster_page_of(group)
    user_ids = set(user_ids)
    if page is None or not user_ids:
        return
    users = get_user_model().objects.filter(pk__in=user_ids).order_by("username")
    if joined:
        Group.objects.get_or_create(name=CLUSTER_MANAGERS)[0].user_set.add(*users)
    usernames = list(users.values_list("username", flat=True))
    log(
        instance=page.specific,
        action=LOG_ACTION,
        data={
            "group": group.name,
            "added": usernames if joined else [],
            "removed": [] if joined else usernames,
        },
    )


def on_membership_changed(
    sender: type, instance: Any, action: str, reverse: bool, pk_set: set | None, **kwargs: Any
) -> None:
    """`m2m_changed` of users' groups, from either side (`user.groups` or `group.user_set`)."""
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    joined = action == "post_add"
    if isinstance(instance, Group):  # group.user_set.add(users...)
        user_ids = pk_set if pk_set is not None else instance.user_set.values_list("pk", flat=True)
        record_membership_change(group=instance, user_ids=user_ids, joined=joined)
        return
    groups = Group.objects.filter(name__startswith=CLUSTER_GROUP_PREFIX)
    groups = groups.filter(pk__in=pk_set) if pk_set is not None else groups.filter(user=instance)
    for group in groups:
        record_membership_change(group=group, user_ids=[instance.pk], joined=joined)


def connect() -> None:
    """Watch every change of group membership (called by the app's `ready`)."""
    m2m_changed.connect(
        on_membership_changed,
        sender=get_user_model().groups.through,
        weak=False,
        dispatch_uid="cluster_pages.managers.membership",
    )
