"""Existing training index pages go in the main menu (cms.navigation reads show_in_menus)."""

from django.db import migrations

from cms.migration_operations import show_in_menus


class Migration(migrations.Migration):
    dependencies = [
        ("training_catalog", "0002_organisers_on_training_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [show_in_menus("training_catalog", "TrainingIndexPage")]
