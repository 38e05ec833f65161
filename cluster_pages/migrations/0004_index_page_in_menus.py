"""Existing cluster index pages go in the main menu (cms.navigation reads show_in_menus)."""

from django.db import migrations

from cms.migration_operations import show_in_menus


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0003_cluster_managers_role"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [show_in_menus("cluster_pages", "ClusterIndexPage")]
