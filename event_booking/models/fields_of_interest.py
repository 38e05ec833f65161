"""Fields of interest: the translatable taxonomy of speed-dating events.

An event names its scientific field with one; participants pick the fields they work in.
Participants' choices refer to the source-language (Hungarian) rows; a field's translations
share its `translation_key` and its slug, and are shown in the reader's language.

A reviewed snippet (`cms.workflow.snippets.ReviewedSnippetMixin`), like sectors, venues and
training topics: a change or a translation waits for the "Cluster site" workflow (Hungarian
for a moderator, English for a translation reviewer), and readers (the booking form, the API's
booking endpoint, the matchmaking page) only ever see live rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.workflow.snippets import ReviewedSnippetMixin


class FieldOfInterest(ReviewedSnippetMixin, TranslatableMixin, models.Model):
    """A scientific or business field (for example "battery chemistry")."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("field of interest")
        verbose_name_plural = _("fields of interest")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_field_of_interest_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name
