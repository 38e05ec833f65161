"""Existing event index pages go in the main menu (cms.navigation reads show_in_menus)."""

from django.db import migrations

from cms.migration_operations import show_in_menus


class Migration(migrations.Migration):
    dependencies = [
        ("event_booking", "0004_organisers_role"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [show_in_menus("event_booking", "EventIndexPage")]
