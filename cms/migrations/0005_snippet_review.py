"""Sectors and venues go through the "Cluster site" workflow; snippet permissions per role.

See `cms.snippet_review` for the table of roles. Reversible and idempotent.
"""

from django.db import migrations

from cms.snippet_review import SnippetReview

REVIEW = SnippetReview(models=("cms.sector", "cms.venue"))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_reviewed_snippets"),
        ("cms", "0003_translators_role"),
        ("cms_workflow", "0002_review_workflow"),
    ]

    operations = [migrations.RunPython(REVIEW.install, REVIEW.uninstall)]
