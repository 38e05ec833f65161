"""Training topics go through the "Cluster site" workflow; snippet permissions per role.

See `cms.snippet_review` for the table of roles. Reversible and idempotent.
"""

from django.db import migrations

from cms.snippet_review import SnippetReview

REVIEW = SnippetReview(models=("training_catalog.trainingtopic",))


class Migration(migrations.Migration):
    dependencies = [
        ("training_catalog", "0004_reviewed_topics"),
        ("cms", "0005_snippet_review"),
    ]

    operations = [migrations.RunPython(REVIEW.install, REVIEW.uninstall)]
