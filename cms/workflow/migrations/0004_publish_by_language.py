"""Each review group publishes its own language only (see `cms.workflow.reviewers`).

Wagtail's "Moderators" lose `publish_page` on the root (so on English pages) and get it, with
`change_page`, on the Hungarian home page: English pages go live only through the Translation
reviewers' approval. Idempotent; the backwards step gives the root grant back. A home page that
a later migration creates is granted after `migrate` (`reviewers.connect`).
"""

from django.db import migrations

from cms.workflow import reviewers


def forwards(apps, schema_editor):
    reviewers.grant(apps, reviewers.top_pages(apps))
    reviewers.confine(apps)


def backwards(apps, schema_editor):
    reviewers.unconfine(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms_workflow", "0003_notices"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
