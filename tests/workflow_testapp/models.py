"""`ReviewedPage` and `ReviewedSnippet`: the page type and snippet the plugin's tests use.

The plugin knows none of the project's page types, so its tests bring their own: a title, a
rich text body and a link, the kinds of field whose translations need review. The app is
installed by the test settings only (`tests/settings.py`), never in a deployment;
`is_creatable = False` keeps the type out of the admin's "Add page" choices all the same.
`ReviewedSnippet` is a translatable snippet with the plugin's drafts and workflow
(`cms.workflow.snippets`); it is registered as a snippet (`wagtail_hooks`), but no group has a
permission on it, so only superusers see it.
"""

from django.db import models
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin

from cms.workflow.snippets import ReviewedSnippetMixin


class ReviewedPage(Page):
    body = RichTextField(blank=True)
    link = models.URLField(blank=True)

    content_panels = [*Page.content_panels, "body", "link"]

    is_creatable = False


class ReviewedSnippet(ReviewedSnippetMixin, TranslatableMixin, models.Model):
    name = models.CharField(max_length=100)

    panels = ["name"]

    class Meta(TranslatableMixin.Meta):
        pass

    def __str__(self) -> str:
        return self.name
