"""Review groups may edit and publish the pages of their language.

Wagtail publishes an approved revision as the approving user, with that user's publish
permission (`wagtail.workflows.publish_workflow_state`): a reviewer who cannot publish cannot
approve. So each review group of `CMS_WORKFLOW["REVIEW_GROUPS"]` holds `change_page` and
`publish_page` on the top-level pages (depth 2: the home pages) of its language, which Wagtail
applies to every page below them, unless it already holds `publish_page` on the root (Wagtail's
Moderators do, for every language). Pages that exist at migrate time are granted by the
migration, those created later (the English home page, made by translation) by `connect`'s
receiver. Through any app registry, like `install`; only what is missing is added.
"""

from typing import Any

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db.models.signals import post_save
from wagtail.models import Page

from cms.workflow import conf

KINDS = ("change", "publish")
TOP_DEPTH = 2


def _permissions(apps: Apps) -> list[Any]:
    return list(
        apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="wagtailcore", codename__in=[f"{k}_page" for k in KINDS]
        )
    )


def _review_group(apps: Apps, page: Any) -> Any | None:
    """The review group of `page`'s language, unless it can already publish from the root."""
    name = conf.review_groups().get(page.locale.language_code)
    group = apps.get_model("auth", "Group").objects.filter(name=name).first() if name else None
    if group is None:
        return None
    publishes_everywhere = (
        apps.get_model("wagtailcore", "GroupPagePermission")
        .objects.filter(group_id=group.pk, page__depth=1, permission__codename="publish_page")
        .exists()
    )
    return None if publishes_everywhere else group


def top_pages(apps: Apps) -> list[Any]:
    return list(
        apps.get_model("wagtailcore", "Page")
        .objects.filter(depth=TOP_DEPTH)
        .select_related("locale")
    )


def grant(apps: Apps, pages: list[Any]) -> None:
    """Give each top-level page's review group change and publish permission on it."""
    grants = apps.get_model("wagtailcore", "GroupPagePermission").objects
    permissions = _permissions(apps)
    for page in pages:
        group = _review_group(apps, page)
        for permission in permissions if group is not None else ():
            grants.get_or_create(group_id=group.pk, page_id=page.pk, permission=permission)


def revoke(apps: Apps, pages: list[Any]) -> None:
    """Remove what `grant` gives (for the migration's backwards step)."""
    grants = apps.get_model("wagtailcore", "GroupPagePermission").objects
    permissions = _permissions(apps)
    for page in pages:
        group = _review_group(apps, page)
        if group is not None:
            grants.filter(group_id=group.pk, page_id=page.pk, permission__in=permissions).delete()


def _on_page_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs: Any):
    if created and not raw and isinstance(instance, Page) and instance.depth == TOP_DEPTH:
        grant(global_apps, [instance])


def connect() -> None:
    """Grant review groups on each top-level page when it is created (called by `ready`)."""
    post_save.connect(_on_page_saved, weak=False, dispatch_uid="cms_workflow:review_groups")
