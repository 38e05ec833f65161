"""Organisers publish Hungarian trainings only (see `training_catalog.roles`), reversibly.

`0002_organisers_on_training_index` gave Organisers `publish_page` on the training index pages
of every language; this takes it back on the English ones (add and edit stay), so English
trainings go live through translation review. Idempotent; backwards gives it again.
"""

from django.db import migrations

from cms import grants


def english_training_indexes(apps):
    return apps.get_model("training_catalog", "TrainingIndexPage").objects.exclude(
        locale__language_code=grants.default_language()
    )


ORGANISERS = grants.PageGrantsWithdrawn(
    role="Organisers", page_kinds=("publish",), pages=english_training_indexes
)


class Migration(migrations.Migration):
    dependencies = [("training_catalog", "0005_topic_review")]

    operations = [migrations.RunPython(ORGANISERS.install, ORGANISERS.uninstall)]
