"""`TranslationStatus`: how far a translation lags behind its source, per object and language.

wagtail-localize has no notion of an outdated translation: its `TranslationSource` moves when the
source changes, but nothing records which version of the source the live translation was made
from. One row per (source object, target language) says it:

- `source_revision`: the revision of the source (the published one) that the translation loop
  last synchronised into the `TranslationSource`, i.e. the version the translation must catch up
  with;
- `made_from_revision`: the source revision the live translation was approved against (None:
  never, or before the plugin tracked it);
- `outdated_since`: when the translation fell behind (the first source change not yet caught
  up with); None once an approved translation caught up. It is set for a missing translation
  too (a new source page), so "how long has it waited" is known for both;
- `source_changed_at`: when the source version it must catch up with was published (the public
  site's "the original was updated on ..." notice).

An object without a row never changed since the plugin started watching: its live translation
counts as current. Rows are written by the translation loop (`loop`) and by the approval of a
translation (`loop.record_approval`); `status` reads them for whole listings.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Revision

from cms.workflow.holds import PublicationHold


class TranslationStatusQuerySet(models.QuerySet):
    def behind(self) -> "TranslationStatusQuerySet":
        """The rows whose translation has not caught up with the source (`is_behind`)."""
        return self.filter(outdated_since__isnull=False)

    def with_held(self) -> "TranslationStatusQuerySet":
        """Annotate `held`: the source version to catch up with is approved but held for its
        translation (`together`), so readers do not know of it yet."""
        return self.annotate(held=Exists(_held_source_revision()))

    def behind_in_public(self) -> "TranslationStatusQuerySet":
        """`behind`, as readers may know it: not for a held source change (`with_held`)."""
        return self.behind().exclude(Exists(_held_source_revision()))


def _held_source_revision() -> models.QuerySet:
    return PublicationHold.objects.waiting().filter(revision_id=OuterRef("source_revision_id"))


class TranslationStatus(models.Model):
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The base content type of the source (Page for pages), as wagtail-localize's "
        "TranslatableObject stores it.",
    )
    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    source_revision = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source version to catch up with"),
    )
    made_from_revision = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source version of the live translation"),
    )
    outdated_since = models.DateTimeField(_("out of date since"), null=True, blank=True)
    source_changed_at = models.DateTimeField(_("source updated"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslationStatusQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="cms_workflow_translation_status_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation_key} [{self.locale_id}]"

    @property
    def is_behind(self) -> bool:
        """Whether the translation has not caught up with the source's last change (the same
        rule as `TranslationStatusQuerySet.behind`)."""
        return self.outdated_since is not None
