"""Fields of interest go through the "Cluster site" workflow; snippet permissions per role.

See `cms.snippet_review` for the table of roles. Reversible and idempotent.
"""

from django.db import migrations

from cms.snippet_review import SnippetReview

REVIEW = SnippetReview(models=("event_booking.fieldofinterest",))


class Migration(migrations.Migration):
    dependencies = [
        ("event_booking", "0008_reviewed_fields_of_interest"),
        ("cms", "0005_snippet_review"),
    ]

    operations = [migrations.RunPython(REVIEW.install, REVIEW.uninstall)]
