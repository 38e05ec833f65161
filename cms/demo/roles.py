"""The editorial roles as Django groups, each with only the permissions its job needs so far.

Wagtail's own migrations already made "Editors" (add and edit every page, no publishing) and
"Moderators" (also publish, lock and unlock), both on the root page so in both languages, with
the "Moderators approval" workflow on the root; they are left exactly as Wagtail made them.
This module adds:

- **Translators**: edit the English tree only (`change_page` on the English home page, which
  Wagtail applies to every page below it) and wagtail-localize's one permission,
  `wagtail_localize.submit_translation` ("Translate this page" / "Sync translated pages").
  They cannot add, publish or delete pages, and cannot open Hungarian pages.
  Known gap, for the workflow issue: wagtail-localize's "Sync translated pages" form offers
  "publish immediately" to anyone holding `submit_translation`, without checking the page's
  publish permission (FACTS.md); until that route is closed, translators could publish English
  pages through it. Snippet translations (venues, sectors, topics) stay with people who hold
  the snippet's change permission: Django's snippet permissions are not per locale.
- **Cluster managers**: admin access and the images they need for their logo (add and choose
  in the root collection). Wagtail page permissions belong to groups, not users, so each
  cluster a manager may edit has its own group, "Cluster managers: <cluster name>", holding
  `change_page` on that Hungarian cluster page only (the page has no children). A manager is in
  "Cluster managers" plus the group of their cluster. Without `publish_page` their changes go to
  the "Moderators approval" workflow. To give another person a cluster: add them to both groups
  (Settings > Users), or create a new cluster group with "Edit" on that page (Settings > Groups).
- **Organisers**: add, edit and publish pages under the event index and the training index
  pages of every locale (so events, trainings and their English translations), choose images,
  and add and choose documents (training material); see, manage and export the bookings of
  events and training runs (`event_booking.view_booking`, `change_booking`, and
  `delete_booking` for erasing one person's data). Nothing else: no clusters, no home page.

Every function here only adds what is missing (idempotent): running it again changes nothing,
and it never removes a permission an administrator granted by hand.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from cluster_pages.models import ClusterProfilePage
from cms.models import HomePage
from event_booking.models import EventIndexPage
from training_catalog.models import TrainingIndexPage

TRANSLATORS = "Translators"
CLUSTER_MANAGERS = "Cluster managers"
ORGANISERS = "Organisers"
CLUSTER_GROUP_PREFIX = "Cluster managers: "

ACCESS_ADMIN = "wagtailadmin.access_admin"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(kind: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{kind}_page")


def _ensure_group(name: str, permissions: list[str]) -> tuple[Group, int]:
    group, created = Group.objects.get_or_create(name=name)
    group.permissions.add(*[_permission(dotted) for dotted in permissions])
    return group, int(created)


def _grant_pages(group: Group, pages: list[Page], kinds: list[str]) -> None:
    for page in pages:
        for kind in kinds:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_page_permission(kind)
            )


def _grant_collection(group: Group, permissions: list[str]) -> None:
    root = Collection.get_first_root_node()
    for dotted in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(dotted)
        )


def ensure_roles() -> int:
    """Create the Translators, Cluster managers and Organisers groups, or complete them.

    Page permissions are granted on the pages that exist now (the English home page, the event
    and training index pages of every locale), so call this after the site tree is built; a
    later call grants what was missing before.

    Returns:
        The number of groups created now (0 on a second run).
    """
    translators, new_translators = _ensure_group(TRANSLATORS, [ACCESS_ADMIN, SUBMIT_TRANSLATION])
    _grant_pages(translators, list(HomePage.objects.filter(locale__language_code="en")), ["change"])

    managers, new_managers = _ensure_group(CLUSTER_MANAGERS, [ACCESS_ADMIN])
    _grant_collection(managers, ["wagtailimages.add_image", "wagtailimages.choose_image"])

    organisers, new_organisers = _ensure_group(
        ORGANISERS,
        [
            ACCESS_ADMIN,
            "event_booking.view_booking",
            "event_booking.change_booking",
            "event_booking.delete_booking",
        ],
    )
    indexes = [*EventIndexPage.objects.all(), *TrainingIndexPage.objects.all()]
    _grant_pages(organisers, indexes, ["add", "change", "publish"])
    _grant_collection(
        organisers,
        [
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ],
    )
    return new_translators + new_managers + new_organisers


def ensure_cluster_manager_group(cluster: ClusterProfilePage) -> tuple[Group, int]:
    """Return the group whose members may edit `cluster`'s page, creating it if missing.

    The group is found by its page permission, not its name, so renaming the cluster (or the
    group) does not create a second one. Its members also need the "Cluster managers" group for
    admin access.

    Returns:
        The group and 1 if it was created now, else 0.
    """
    change = _page_permission("change")
    existing = (
        Group.objects.filter(
            name__startswith=CLUSTER_GROUP_PREFIX,
            page_permissions__page=cluster,
            page_permissions__permission=change,
        )
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return existing, 0
    group, created = Group.objects.get_or_create(
        name=f"{CLUSTER_GROUP_PREFIX}{cluster.title}"[:150]
    )
    _grant_pages(group, [cluster], ["change"])
    return group, int(created)
