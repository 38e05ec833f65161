"""The test snippet in the admin (see `models`)."""

from wagtail.snippets.models import register_snippet

from tests.workflow_testapp.models import ReviewedSnippet

register_snippet(ReviewedSnippet)
