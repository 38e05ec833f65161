"""The permission to assign a cluster's managers, given to Moderators (reversibly, idempotently).

Whoever holds `cluster_pages.assign_cluster_managers` sees the "Cluster managers" panel of a
Hungarian cluster page (see `cluster_pages.managers`); superusers hold every permission. The
permission is created here if Django has not made it yet (it does so after `migrate`), so a
fresh database grants it in the same run. Backwards: Moderators lose it (nothing else changes).
"""

from django.db import migrations

MODERATORS = "Moderators"
CODENAME = "assign_cluster_managers"
NAME = "Can assign cluster managers"


def the_permission(apps):
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="cluster_pages", model="clusterprofilepage"
    )
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    return permission


def forwards(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=MODERATORS)
    group.permissions.add(the_permission(apps))


def backwards(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.remove(the_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0004_index_page_in_menus"),
        # Moderators come from Wagtail's own data migrations.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="clusterprofilepage",
            options={
                "permissions": [(CODENAME, NAME)],
                "verbose_name": "cluster profile",
                "verbose_name_plural": "cluster profiles",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
