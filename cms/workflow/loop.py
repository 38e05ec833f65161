"""The translation loop: a published source change reaches its translators as a draft to finish.

wagtail-localize never syncs on publish (its issues #676 and #743) and has no notion of an
outdated translation. When a page or a translatable snippet with drafts is published in the
site's source language, `signals` enqueues the django-q2 job `jobs.sync_translations` on
commit, which calls `sync_source`. For each other language it:

1. updates the object's wagtail-localize `TranslationSource` from the published version (the
   live row), so the translation editor shows the new and changed segments; every segment whose
   text did not change keeps its translation, and manual overrides are kept (wagtail-localize
   keys both by string and context, and `update_from_db` leaves them in place);
2. saves the translation's new *draft revision*, built in memory from the source and the
   translated strings (changed segments fall back to the source text, as wagtail-localize's
   preview does), never touching the live row; where there is no translation yet it creates
   one as a draft (not live). A translation waiting in review gets no draft (the reviewer must
   approve what was submitted; the editor shows the new segments afterwards); a page whose
   parent is not translated gets none either (the translator uses "Translate this page"),
   nor one the model's validation refuses (logged; the translator is still told);
3. marks the translation behind the source (`TranslationStatus`: the source revision it must
   catch up with, since when it waits);
4. notifies the language's translators once per piece of work (`notify.record_translation_work`:
   an in-admin notice and an e-mail, with a link to the translation editor and the segments to
   translate).

"Changed translatable content" means the source's segments changed, or the language still has
untranslated segments (a new page; a change someone else's sync already pulled in). A
publication that changed only facts (dates, numbers, images) moves the status along and
notifies nobody: those fields are synchronised when the translation is next saved.

Idempotent: the status row remembers the source revision it was synced with, so running the
job twice, or for an older publication, does nothing; and a second publication before the
translation caught up is the same work (same notice, no second e-mail; the notice's segment list
is brought up to date).

`record_approval` closes the loop: when a translation is published (a reviewer approved it) and
all its segments are translated against the current source, it is `current` again and records
the source revision it was made from.
"""

import logging
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    Revision,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.workflow import notify
from cms.workflow.holds import PublicationHold
from cms.workflow.translation_status import TranslationStatus

logger = logging.getLogger(__name__)

#: At most this many changed segments are listed in a notice (the editor shows them all).
LISTED_SEGMENTS = 50


def is_loop_source(obj: Any) -> bool:
    """Whether publishing `obj` starts the loop: a live translatable page or snippet with drafts
    in the site's source language."""
    return (
        isinstance(obj, TranslatableMixin)
        and isinstance(obj, DraftStateMixin)
        and obj.live
        and obj.locale_id == Locale.get_default().pk
    )


def base_content_type(obj: TranslatableMixin) -> ContentType:
    """The content type the loop's job and status rows name `obj` by (Page for every page)."""
    return ContentType.objects.get_for_model(obj.get_translation_model())


def untranslated_segments(*, source: TranslationSource, locale: Locale) -> list[str]:
    """The source strings of `source` that have no (valid) translation into `locale`, in order."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale.pk,
        has_error=False,
    )
    return list(
        StringSegment.objects.filter(source=source)
        .exclude(Exists(translated))
        .order_by("order")
        .values_list("string__data", flat=True)
    )


def is_fully_translated(obj: Any) -> bool:
    """Whether translation `obj` has every segment of its current source translated (a
    translation whose wagtail-localize editing was turned off, edited by hand, counts)."""
    translation = (
        Translation.objects.filter(
            source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )
    return translation is None or not untranslated_segments(
        source=translation.source, locale=obj.locale
    )


def _segment_keys(source: TranslationSource) -> set[tuple[int, int]]:
    return set(StringSegment.objects.filter(source=source).values_list("context_id", "string_id"))


@dataclass
class SyncResult:
    """What `sync_source` did for one language (for tests and the log)."""

    language: str
    drafted: bool = False
    created: bool = False
    notified: list = field(default_factory=list)


def sync_source(
    *, content_type_id: int, object_id: int, revision_id: int | None = None
) -> list[SyncResult]:
    """Run the translation loop for one published source object (module docstring).

    With `revision_id`, for the object's held revision instead (`together`): an approved
    revision whose publication waits for its translations is synchronised as if published,
    and the translators hear that a publication waits for them; nothing is done unless that
    revision is still the object's waiting hold.

    Takes ids (it runs in a worker); locks the source row and its status rows, so two jobs for
    the same object run one after the other and the second finds nothing to do. Returns what
    was done per language ([] when nothing was).
    """
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return []
    with transaction.atomic():
        obj = model._default_manager.select_for_update().filter(pk=object_id).first()
        if obj is None:
            return []
        obj = obj.specific if isinstance(obj, Page) else obj
        version, version_id = _version_to_sync(obj, revision_id)
        if version is None:
            return []
        statuses = {
            status.locale_id: status
            for status in TranslationStatus.objects.select_for_update().filter(
                translation_key=obj.translation_key
            )
        }
        pending = [
            locale
            for locale in Locale.objects.exclude(pk=obj.locale_id).order_by("pk")
            if locale.pk not in statuses or statuses[locale.pk].source_revision_id != version_id
        ]
        if not pending:
            return []
        if revision_id is None:
            source, created = TranslationSource.get_or_create_from_instance(obj)
            before = set() if created else _segment_keys(source)
            if not created:
                source.update_from_db()
        else:
            existing = TranslationSource.objects.filter(
                object_id=obj.translation_key, locale_id=obj.locale_id
            ).first()
            before = set() if existing is None else _segment_keys(existing)
            source, created = TranslationSource.update_or_create_from_instance(version)
        segments_changed = created or _segment_keys(source) != before
        return [
            _sync_locale(
                obj=obj,
                version_id=version_id,
                source=source,
                locale=locale,
                status=statuses.get(locale.pk),
                segments_changed=segments_changed,
                held=revision_id is not None,
            )
            for locale in pending
        ]


def _version_to_sync(obj: Any, revision_id: int | None) -> tuple[Any, int | None]:
    """The version of `obj` the loop synchronises and its revision id: the live one, or the
    held `revision_id` while it waits; (None, None) when there is nothing to synchronise."""
    if revision_id is None:
        if not is_loop_source(obj) or obj.live_revision_id is None:
            return None, None
        return obj, obj.live_revision_id
    waiting = PublicationHold.objects.waiting().filter(
        translation_key=obj.translation_key, revision_id=revision_id
    )
    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is None or not waiting.exists():
        return None, None
    return revision.as_object(), revision_id


def _sync_locale(
    *,
    obj: Any,
    version_id: int,
    source: TranslationSource,
    locale: Locale,
    status: TranslationStatus | None,
    segments_changed: bool,
    held: bool,
) -> SyncResult:
    result = SyncResult(language=locale.language_code)
    target = _translated_instance(source, locale)
    missing_text = untranslated_segments(source=source, locale=locale)
    if status is None:
        status = TranslationStatus(
            content_type=base_content_type(obj), translation_key=obj.translation_key, locale=locale
        )
    caught_up = not status.is_behind and target is not None and getattr(target, "live", True)
    status.source_revision_id = version_id
    if not (segments_changed or missing_text or target is None):
        if caught_up:  # only facts changed: the translation stays current
            status.made_from_revision_id = version_id
        status.save()
        return result
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if translation.enabled:
        try:
            with transaction.atomic():
                target, result.created, result.drafted = _save_draft(source, locale, target)
        except (ParentNotTranslatedError, ValidationError) as error:
            # The translator still hears of the work; the editor shows what is wrong.
            logger.warning("Translation loop: no draft for %s into %s: %r", obj, locale, error)
    now = timezone.now()
    status.outdated_since = status.outdated_since or now
    if not held:  # a held change is not public yet: the site must not say it happened
        status.source_changed_at = obj.last_published_at or now
    status.save()
    result.notified = notify.record_translation_work(
        status=status,
        source=obj,
        target=target,
        segments=[strip_tags(text).strip() for text in missing_text[:LISTED_SEGMENTS]],
        held=held,
    )
    logger.info(
        "Translation loop: %s %s -> %s (draft: %s, created: %s, notified: %s)",
        type(obj).__name__,
        obj.pk,
        locale.language_code,
        result.drafted,
        result.created,
        len(result.notified),
    )
    return result


def _translated_instance(source: TranslationSource, locale: Locale) -> Any:
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    return target.specific if isinstance(target, Page) else target


def _save_draft(source: TranslationSource, locale: Locale, target: Any) -> tuple[Any, bool, bool]:
    """Save the translation's draft from `source`; returns (target, created, drafted)."""
    if target is None:
        source.create_or_update_translation(locale, publish=False, fallback=True)
        return _translated_instance(source, locale), True, True
    in_review = isinstance(target, WorkflowMixin) and target.workflow_in_progress
    if in_review or getattr(target, "alias_of_id", None):
        return target, False, False
    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    draft.save_revision(log_action=True)
    return target, False, True


def record_approval(*, obj: Any) -> TranslationStatus | None:
    """A translation `obj` was published: if it is complete against the current source, it is
    current again (made from the source revision it had to catch up with).

    Runs in a transaction of its own (nested in the publication's where there is one:
    wagtail-localize publishes on commit, outside any transaction). A translation published
    with segments still untranslated (the loop's fallback draft approved as it was) stays
    behind. A translation
    whose wagtail-localize editing was turned off (edited by hand) counts as caught up.
    """
    if not isinstance(obj, TranslatableMixin) or obj.locale_id == Locale.get_default().pk:
        return None
    with transaction.atomic():
        return _catch_up(obj)


def _catch_up(obj: Any) -> TranslationStatus | None:
    """`record_approval`'s work, under the status row's lock."""
    status = (
        TranslationStatus.objects.select_for_update()
        .filter(translation_key=obj.translation_key, locale_id=obj.locale_id)
        .first()
    )
    if status is None or not status.is_behind:
        return status
    if not is_fully_translated(obj):
        return status
    status.made_from_revision_id = status.source_revision_id
    status.outdated_since = None
    status.save(update_fields=["made_from_revision", "outdated_since", "updated_at"])
    return status
