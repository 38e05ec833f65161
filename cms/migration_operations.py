"""Reusable data-migration operations for the apps' page types.

Migrations import this module, so what it does must keep working for migrations already
written: change it only in ways that are right for every caller.
"""

from typing import Any

from django.db import migrations


def show_in_menus(app_label: str, model_name: str) -> migrations.RunPython:
    """A reversible `RunPython` that puts every existing page of a type in the menus.

    The main menu lists the home page's children that have Wagtail's `show_in_menus` set. Index
    pages made before it did so have it off: this sets it on, in both languages, on the page row
    and in the latest revision. The revision matters: the page editor opens the latest revision,
    so without it the "Show in menus" box would show unticked and the next publication would
    drop the page from the menu again. Reversing sets it off. Running it twice changes nothing.
    """

    def forwards(apps: Any, schema_editor: Any) -> None:
        _set(apps, app_label, model_name, value=True)

    def backwards(apps: Any, schema_editor: Any) -> None:
        _set(apps, app_label, model_name, value=False)

    return migrations.RunPython(forwards, backwards)


def _set(apps: Any, app_label: str, model_name: str, *, value: bool) -> None:
    model = apps.get_model(app_label, model_name)
    page_model = apps.get_model("wagtailcore", "Page")
    revision_model = apps.get_model("wagtailcore", "Revision")
    pages = page_model.objects.filter(pk__in=model.objects.values("pk"))
    pages.update(show_in_menus=value)
    revision_ids = pages.exclude(latest_revision=None).values_list("latest_revision_id", flat=True)
    for revision in revision_model.objects.filter(pk__in=list(revision_ids)):
        if revision.content.get("show_in_menus") != value:
            revision.content["show_in_menus"] = value
            revision.save(update_fields=["content"])
