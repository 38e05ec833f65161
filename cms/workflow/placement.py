"""Where the plugin's workflow sits: on the home page (top-level page) of each locale.

Wagtail looks up a page's workflow on the page and its ancestors, so the workflow on each
top-level page (depth 2: the home pages) covers every page of that language. The migration
`cms_workflow.0008_workflow_on_home_pages` moves it there from the root page, where
`install.install_workflow` (migration 0002) first put it; home pages that later migrations
create get it after each `migrate`, and those created at run time (the English home page,
made by translation) when they are saved (`connect`). Through any app registry, like
`install`; a top-level page that already has another workflow keeps it (an administrator chose
it in Settings > Workflows).
"""

from typing import Any

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.db.models.signals import post_migrate, post_save
from wagtail.models import Page

from cms.workflow import conf

TOP_DEPTH = 2


def _workflow(apps: Apps) -> Any:
    workflows = apps.get_model("wagtailcore", "Workflow").objects
    return workflows.filter(name=conf.workflow_name()).first()


def place_on_home_pages(apps: Apps, pages: list[Any] | None = None) -> None:
    """Assign the plugin's workflow to each top-level page (all of them when `pages` is None)."""
    workflow = _workflow(apps)
    if workflow is None:  # before the plugin's workflow is installed
        return
    page_model = apps.get_model("wagtailcore", "Page")
    if pages is None:
        pages = list(page_model.objects.filter(depth=TOP_DEPTH))
    assignments = apps.get_model("wagtailcore", "WorkflowPage").objects
    for page in pages:
        assignments.get_or_create(page_id=page.pk, defaults={"workflow": workflow})


def move_from_root(apps: Apps, schema_editor: Any = None) -> None:
    """Migration step: the workflow goes from the root page to every home page."""
    place_on_home_pages(apps)
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(
        page__depth=1, workflow__name=conf.workflow_name()
    ).delete()


def move_to_root(apps: Apps, schema_editor: Any = None) -> None:
    """Backwards step: the workflow sits on the root page again, as migration 0002 left it."""
    workflow = _workflow(apps)
    if workflow is None:
        return
    assignments = apps.get_model("wagtailcore", "WorkflowPage").objects
    root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    assignments.update_or_create(page_id=root.pk, defaults={"workflow": workflow})
    assignments.filter(page__depth=TOP_DEPTH, workflow=workflow).delete()


def _on_page_saved(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs: Any):
    if created and not raw and isinstance(instance, Page) and instance.depth == TOP_DEPTH:
        place_on_home_pages(global_apps, [instance])


def _after_migrate(sender: Any, apps: Apps, **kwargs: Any) -> None:
    """Place the workflow on home pages that migrations made, once 0008 has moved it there."""
    if _placed_on_home_pages(apps):
        place_on_home_pages(apps)


def _placed_on_home_pages(apps: Apps) -> bool:
    """Whether the workflow already sits on home pages rather than on the root (0008 ran)."""
    workflow = _workflow(apps)
    if workflow is None:
        return False
    return (
        not apps.get_model("wagtailcore", "WorkflowPage")
        .objects.filter(page__depth=1, workflow=workflow)
        .exists()
    )


def connect(app_config: Any) -> None:
    """Place the workflow on each top-level page when it is created (called by `ready`)."""
    post_save.connect(_on_page_saved, weak=False, dispatch_uid="cms_workflow:placement")
    post_migrate.connect(
        _after_migrate, sender=app_config, weak=False, dispatch_uid="cms_workflow:placed"
    )
