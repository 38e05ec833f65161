"""Remove every "sync from" setting of the locales (see `cms.workflow.routes`).

wagtail-localize's locale synchronisation fills a locale with aliases of another locale's pages,
which Wagtail publishes with their source: content would go live in a reviewed locale without
its review. The locale form no longer offers it; this removes the syncs configured before.
Aliases it already made stay aliases of their source: convert them into translations or delete
them.

Backwards: nothing to undo; the removed settings are not restored (they would publish around
review again).
"""

from django.db import migrations


def remove_locale_syncs(apps, schema_editor):
    apps.get_model("wagtail_localize", "LocaleSynchronization").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms_workflow", "0004_publish_by_language"),
        ("wagtail_localize", "0012_localesynchronization"),
    ]

    operations = [migrations.RunPython(remove_locale_syncs, migrations.RunPython.noop)]
