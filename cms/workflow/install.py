"""Install the review groups and the workflow, through any app registry (for migrations).

A migration passes its historical `apps`; tests pass `django.apps.apps`. Only Django's and
Wagtail's models and this app's task are used, by name. Migrations import this module: keep
each function's behaviour backwards compatible.

Contract: `install` is idempotent (running it twice changes nothing) and `uninstall` undoes it:
Wagtail's "Moderators approval" workflow is active on the root again, the plugin's workflow and
task are gone (or, if reviews already ran on them, kept but deactivated, so history stays), the
review groups' page grants (`reviewers`) are removed, and a review group the plugin created is
deleted if it holds nothing but admin access. `assign_workflow_to_models` (for snippet models with
`snippets.ReviewedSnippetMixin`, called by the site's own migrations) and its undo follow the
same contract.
"""

from collections.abc import Iterable
from typing import Any

from django.apps.registry import Apps

from cms.workflow import conf, reviewers

WAGTAIL_WORKFLOW = "Moderators approval"
TASK_NAME = "Review by language"
ACCESS_ADMIN = ("wagtailadmin", "access_admin")


def _access_admin(apps: Apps) -> Any:
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    return permission


def _root(apps: Apps) -> Any:
    return apps.get_model("wagtailcore", "Page").objects.get(depth=1)


def install_review_groups(apps: Apps) -> None:
    """Create each group of `REVIEW_GROUPS` that is missing, with admin access."""
    group_model = apps.get_model("auth", "Group")
    for name in conf.review_groups().values():
        group, created = group_model.objects.get_or_create(name=name)
        if created:
            group.permissions.add(_access_admin(apps))


def uninstall_review_groups(apps: Apps) -> None:
    """Delete each review group that holds admin access only (so the plugin made it)."""
    access_admin = _access_admin(apps)
    for group in apps.get_model("auth", "Group").objects.filter(
        name__in=conf.review_groups().values()
    ):
        has_grants = any(
            apps.get_model("wagtailcore", model).objects.filter(group_id=group.pk).exists()
            for model in ("GroupPagePermission", "GroupCollectionPermission", "GroupSitePermission")
        )
        if not has_grants and set(group.permissions.all()) <= {access_admin}:
            group.delete()


def install_workflow(apps: Apps) -> None:
    """Put the plugin's workflow on the root page in place of Wagtail's default one."""
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    task, _ = apps.get_model("cms_workflow", "LocaleApprovalTask").objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "groups_by_locale": conf.review_groups(),
            "content_type": apps.get_model("contenttypes", "ContentType").objects.get_or_create(
                app_label="cms_workflow", model="localeapprovaltask"
            )[0],
        },
    )
    workflow, _ = workflow_model.objects.get_or_create(name=conf.workflow_name())
    workflow.active = True
    workflow.save(update_fields=["active"])
    apps.get_model("wagtailcore", "WorkflowTask").objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    apps.get_model("wagtailcore", "WorkflowPage").objects.update_or_create(
        page=_root(apps), defaults={"workflow": workflow}
    )
    # Pages already in moderation finish on the old workflow; it takes no new submissions.
    workflow_model.objects.filter(name=WAGTAIL_WORKFLOW).update(active=False)


def uninstall_workflow(apps: Apps) -> None:
    """Give the root page back to Wagtail's default workflow; remove (or retire) the plugin's."""
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    original = workflow_model.objects.filter(name=WAGTAIL_WORKFLOW).first()
    page_workflows = apps.get_model("wagtailcore", "WorkflowPage").objects
    if original is not None:
        original.active = True
        original.save(update_fields=["active"])
        page_workflows.update_or_create(page=_root(apps), defaults={"workflow": original})
    else:
        page_workflows.filter(page=_root(apps)).delete()
    used = apps.get_model("wagtailcore", "WorkflowState").objects.filter(
        workflow__name=conf.workflow_name()
    )
    plugin_workflows = workflow_model.objects.filter(name=conf.workflow_name())
    tasks = apps.get_model("cms_workflow", "LocaleApprovalTask").objects.filter(name=TASK_NAME)
    if used.exists():
        plugin_workflows.update(active=False)
        tasks.update(active=False)
    else:
        plugin_workflows.delete()
        tasks.delete()


def install(apps: Apps, schema_editor: Any = None) -> None:
    install_review_groups(apps)
    reviewers.grant(apps, reviewers.top_pages(apps))
    install_workflow(apps)


def uninstall(apps: Apps, schema_editor: Any = None) -> None:
    uninstall_workflow(apps)
    reviewers.revoke(apps, reviewers.top_pages(apps))
    uninstall_review_groups(apps)


def assign_workflow_to_models(apps: Apps, labels: Iterable[str]) -> None:
    """Assign the plugin's workflow to snippet models ("app_label.model"), e.g. in a migration.

    For the models with `snippets.ReviewedSnippetMixin`: their changes then wait for the
    workflow's approval like pages. Idempotent; a model that has another workflow keeps it (an
    administrator chose it in Settings > Workflows).
    """
    workflow = apps.get_model("wagtailcore", "Workflow").objects.get(name=conf.workflow_name())
    assignments = apps.get_model("wagtailcore", "WorkflowContentType").objects
    for content_type in _content_types(apps, labels):
        assignments.get_or_create(content_type_id=content_type.pk, defaults={"workflow": workflow})


def unassign_workflow_from_models(apps: Apps, labels: Iterable[str]) -> None:
    """Undo `assign_workflow_to_models`: the models' assignment to the plugin's workflow goes."""
    apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(
        content_type_id__in=[content_type.pk for content_type in _content_types(apps, labels)],
        workflow__name=conf.workflow_name(),
    ).delete()


def _content_types(apps: Apps, labels: Iterable[str]) -> list[Any]:
    content_types = apps.get_model("contenttypes", "ContentType").objects
    return [
        content_types.get_or_create(app_label=app_label, model=model.lower())[0]
        for app_label, model in (label.split(".") for label in labels)
    ]
