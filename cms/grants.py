"""Give groups permissions through any app registry: what role migrations and receivers share.

The editorial roles (groups) are installed by data migrations, and page permissions on pages
created later are granted by signal receivers (see `cms.roles`). Both use these helpers, so
each takes the app registry to work with: a migration passes its historical `apps`, a receiver
passes `django.apps.apps`. The helpers touch only Django's and Wagtail's own models (auth,
contenttypes, wagtailcore) through that registry, and pages and groups by primary key, so a
historical page instance and a live one are treated alike. Migrations import this module:
keep every function's behaviour backwards compatible.

Contract: granting only adds what is missing (idempotent; never removes a permission an
administrator granted by hand). Revoking removes exactly the permissions named, and deletes the
group only when it is left with no permission of any kind (so members lose nothing by it).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps.registry import Apps
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant

PAGE_PERMISSION = "wagtailcore.{kind}_page"


def permission(apps: Apps, dotted: str) -> Any:
    """Return the permission `app_label.codename`, creating it if missing.

    Django creates model permissions after `migrate` (post_migrate), so on a fresh database a
    migration may run before `event_booking.view_booking` exists. It is then created here under
    the name Django would give it ("Can view booking"); Django's own step later finds it.
    """
    app_label, codename = dotted.split(".")
    permission_model = apps.get_model("auth", "Permission")
    found = permission_model.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if found is not None:
        return found
    action, _, model_name = codename.partition("_")
    opts = apps.get_model(app_label, model_name)._meta
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=opts.model_name
    )
    return permission_model.objects.create(
        content_type=content_type, codename=codename, name=f"Can {action} {opts.verbose_name_raw}"
    )


def ensure_group(apps: Apps, name: str, permissions: Iterable[str] = ()) -> Any:
    """Return the group called `name` (created if missing) holding at least `permissions`."""
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
    group.permissions.add(*[permission(apps, dotted) for dotted in permissions])
    return group


def root_collection(apps: Apps) -> Any:
    return apps.get_model("wagtailcore", "Collection").objects.get(depth=1)


def grant_collection(apps: Apps, group: Any, permissions: Iterable[str]) -> None:
    """Give `group` each of `permissions` ("wagtailimages.add_image") on the root collection."""
    model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    collection = root_collection(apps)
    for dotted in permissions:
        model.objects.get_or_create(
            group_id=group.pk, collection_id=collection.pk, permission=permission(apps, dotted)
        )


def grant_pages(apps: Apps, group: Any, pages: Iterable[Any], kinds: Iterable[str]) -> None:
    """Give `group` each page permission kind ("add", "change", "publish"...) on each page.

    Wagtail applies a page permission to the page and every page below it.
    """
    model = apps.get_model("wagtailcore", "GroupPagePermission")
    kinds = list(kinds)
    for page in pages:
        for kind in kinds:
            model.objects.get_or_create(
                group_id=group.pk,
                page_id=page.pk,
                permission=permission(apps, PAGE_PERMISSION.format(kind=kind)),
            )


def grant_role_on_pages(apps: Apps, role: str, pages: Iterable[Any], kinds: Iterable[str]) -> None:
    """Give the group `role` (created if missing) page permissions `kinds` on `pages`."""
    grant_pages(apps, ensure_group(apps, role), pages, kinds)


def group_named(apps: Apps, name: str) -> Any | None:
    return apps.get_model("auth", "Group").objects.filter(name=name).first()


def page_group(apps: Apps, page: Any, *, prefix: str, kind: str) -> Any | None:
    """The oldest group named `prefix...` holding page permission `kind` on `page`, if any."""
    return (
        apps.get_model("auth", "Group")
        .objects.filter(
            name__startswith=prefix,
            page_permissions__page_id=page.pk,
            page_permissions__permission=permission(apps, PAGE_PERMISSION.format(kind=kind)),
        )
        .order_by("pk")
        .first()
    )


def ensure_page_group(
    apps: Apps, page: Any, *, prefix: str, title: str, kinds: Iterable[str]
) -> tuple[Any, bool]:
    """Return the group dedicated to one page and whether it was created now.

    Wagtail gives page permissions to groups, not users, so letting one person edit one page
    takes a group of its own, named `prefix + title`. It is found by its permission on the page
    (and its name prefix), not by its full name, so renaming the page or the group does not make
    a second one; a new group whose name is taken gets the page id appended.
    """
    kinds = list(kinds)
    existing = page_group(apps, page, prefix=prefix, kind=kinds[0])
    if existing is not None:
        return existing, False
    name = f"{prefix}{title}"[:150]
    if group_named(apps, name) is not None:
        name = f"{prefix}{title}"[: 150 - len(f" ({page.pk})")] + f" ({page.pk})"
    group = ensure_group(apps, name)
    grant_pages(apps, group, [page], kinds)
    return group, True


def revoke(
    apps: Apps,
    group: Any | None,
    *,
    permissions: Iterable[str] = (),
    collection_permissions: Iterable[str] = (),
    pages: Iterable[Any] = (),
    page_kinds: Iterable[str] = (),
) -> None:
    """Remove the named permissions from `group`; delete it if it is left with none at all.

    The reverse of the grants above, for a migration's backwards step. A group with no
    permission of any kind (model, collection, page or site) gives its members nothing, so
    deleting it loses nothing; a group that still holds one (say, granted by hand) is kept.
    `None` (the group is already gone) is ignored.
    """
    if group is None:
        return
    group.permissions.remove(*[permission(apps, dotted) for dotted in permissions])
    collection_grants = apps.get_model("wagtailcore", "GroupCollectionPermission").objects
    page_grants = apps.get_model("wagtailcore", "GroupPagePermission").objects
    site_grants = apps.get_model("wagtailcore", "GroupSitePermission").objects
    collection_grants.filter(
        group_id=group.pk,
        permission__in=[permission(apps, dotted) for dotted in collection_permissions],
    ).delete()
    page_grants.filter(
        group_id=group.pk,
        page_id__in=[page.pk for page in pages],
        permission__in=[permission(apps, PAGE_PERMISSION.format(kind=k)) for k in page_kinds],
    ).delete()
    if (
        not any(
            grants.filter(group_id=group.pk).exists()
            for grants in (collection_grants, page_grants, site_grants)
        )
        and not group.permissions.exists()
    ):
        group.delete()


def no_pages(apps: Apps) -> list:
    return []


@dataclass(frozen=True)
class RoleGrants:
    """What one migration grants one role: `install` forwards, `uninstall` backwards.

    `pages` returns, from the registry it is given, the pages that already exist and on which
    the role gets `page_kinds` (pages created later are granted by a receiver, `cms.roles`).
    """

    role: str
    permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()
    page_kinds: tuple[str, ...] = ()
    pages: Callable[[Apps], Iterable[Any]] = no_pages

    def install(self, apps: Apps, schema_editor: Any = None) -> None:
        group = ensure_group(apps, self.role, self.permissions)
        grant_collection(apps, group, self.collection_permissions)
        grant_pages(apps, group, self.pages(apps), self.page_kinds)

    def uninstall(self, apps: Apps, schema_editor: Any = None) -> None:
        revoke(
            apps,
            group_named(apps, self.role),
            permissions=self.permissions,
            collection_permissions=self.collection_permissions,
            pages=self.pages(apps),
            page_kinds=self.page_kinds,
        )


def default_language() -> str:
    """The language code of the site's source locale (Hungarian here), as Wagtail resolves it."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class PageGrantsWithdrawn:
    """What one migration takes back from one role: `install` revokes, `uninstall` re-grants.

    The page permissions `page_kinds` of `role` on the pages `pages` returns (from the registry
    it is given) are removed; the group keeps everything else (it is not deleted here, unlike
    `RoleGrants.uninstall`). Backwards, exactly those grants are given again.
    """

    role: str
    page_kinds: tuple[str, ...]
    pages: Callable[[Apps], Iterable[Any]]

    def install(self, apps: Apps, schema_editor: Any = None) -> None:
        group = group_named(apps, self.role)
        if group is not None:
            apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
                group_id=group.pk,
                page_id__in=[page.pk for page in self.pages(apps)],
                permission__in=[
                    permission(apps, PAGE_PERMISSION.format(kind=kind)) for kind in self.page_kinds
                ],
            ).delete()

    def uninstall(self, apps: Apps, schema_editor: Any = None) -> None:
        if group_named(apps, self.role) is not None:
            grant_role_on_pages(apps, self.role, self.pages(apps), self.page_kinds)
