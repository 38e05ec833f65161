"""Review groups publish the pages of their own language, and nothing else.

Wagtail publishes an approved revision as the approving user, with that user's publish
permission (`wagtail.workflows.publish_workflow_state`): a reviewer who cannot publish cannot
approve. So each review group (of `CMS_WORKFLOW["REVIEW_GROUPS"]`, and of the mapping of each
active `LocaleApprovalTask`, which administrators edit: saving a task grants its groups) holds
`change_page` and `publish_page` on the top-level pages (depth 2: the home pages) of its
language, which Wagtail applies to every page below them (`grant`). Pages that exist at migrate
time are granted by the migrations and, for those a later migration creates (a site's own home
page), after each `migrate`; those created at run time (the English home page, made by
translation) by `connect`'s receiver. Through any app registry, like `install`; only what is
missing is added.

A review group holds publish on no other language (`confine`): Wagtail's own migrations give its
"Moderators" `publish_page` on the root, so in every language, and a moderator could publish an
English page directly, around the translation review. `confine` removes `publish_page` on the
root from every review group (their edit rights stay); `unconfine`, its backwards step, gives it
back to Wagtail's "Moderators" when they are a review group, as Wagtail made them.
"""

from typing import Any

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db.models.signals import post_migrate, post_save
from wagtail.models import Page

from cms.workflow import conf

KINDS = ("change", "publish")
TOP_DEPTH = 2
WAGTAIL_MODERATORS = "Moderators"


def _permissions(apps: Apps, kinds: tuple[str, ...] = KINDS) -> list[Any]:
    return list(
        apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="wagtailcore", codename__in=[f"{k}_page" for k in kinds]
        )
    )


def _review_groups(apps: Apps, page: Any) -> list[Any]:
    """The groups that approve `page`'s language: by the setting and by each active task."""
    language = page.locale.language_code
    names = {conf.review_groups().get(language)}
    try:
        tasks = apps.get_model("cms_workflow", "LocaleApprovalTask").objects.filter(active=True)
    except LookupError:  # a registry from before the plugin's first migration
        tasks = []
    for mapping in (task.groups_by_locale for task in tasks):
        if isinstance(mapping, dict):
            names.add(mapping.get(language))
    names.discard(None)
    return list(apps.get_model("auth", "Group").objects.filter(name__in=names))


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
        for group in _review_groups(apps, page):
            for permission in permissions:
                grants.get_or_create(group_id=group.pk, page_id=page.pk, permission=permission)


def revoke(apps: Apps, pages: list[Any]) -> None:
    """Remove what `grant` gives (for a migration's backwards step)."""
    grants = apps.get_model("wagtailcore", "GroupPagePermission").objects
    permissions = _permissions(apps)
    for page in pages:
        groups = [group.pk for group in _review_groups(apps, page)]
        grants.filter(group_id__in=groups, page_id=page.pk, permission__in=permissions).delete()


def confine(apps: Apps) -> None:
    """Remove `publish_page` on the root from every review group (see the module docstring)."""
    apps.get_model("wagtailcore", "GroupPagePermission").objects.filter(
        group__name__in=conf.review_groups().values(),
        page__depth=1,
        permission__in=_permissions(apps, ("publish",)),
    ).delete()


def unconfine(apps: Apps) -> None:
    """Give Wagtail's "Moderators" (if a review group) `publish_page` on the root again.

    Their grants on the top-level pages stay: `grant` gives every review group those.
    """
    if WAGTAIL_MODERATORS not in conf.review_groups().values():
        return
    group = apps.get_model("auth", "Group").objects.filter(name=WAGTAIL_MODERATORS).first()
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if group is None or root is None:
        return
    for permission in _permissions(apps, ("publish",)):
        apps.get_model("wagtailcore", "GroupPagePermission").objects.get_or_create(
            group_id=group.pk, page_id=root.pk, permission=permission
        )


def _on_page_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs: Any):
    if created and not raw and isinstance(instance, Page) and instance.depth == TOP_DEPTH:
        grant(global_apps, [instance])


def _after_migrate(sender: Any, apps: Apps, **kwargs: Any) -> None:
    """Grant on the top-level pages that migrations made, while the plugin is installed."""
    try:
        apps.get_model("cms_workflow", "LocaleApprovalTask")
    except LookupError:  # migrated backwards to before the plugin: grant nothing
        return
    grant(apps, top_pages(apps))


def connect(app_config: Any) -> None:
    """Grant review groups on each top-level page when it is created (called by `ready`)."""
    post_save.connect(_on_page_saved, weak=False, dispatch_uid="cms_workflow:review_groups")
    post_migrate.connect(
        _after_migrate, sender=app_config, weak=False, dispatch_uid="cms_workflow:migrated"
    )
