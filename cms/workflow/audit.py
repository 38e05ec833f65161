"""The plugin's own audit log actions (registered by `wagtail_hooks`).

Wagtail and wagtail-localize already log, with the user and the time: a workflow's start
("wagtail.workflow.start", the submission), approval and rejection ("wagtail.workflow.approve",
"wagtail.workflow.reject", with the comment), the resubmission ("wagtail.workflow.resume"),
publication ("wagtail.publish"), and "Translate this page" ("wagtail.copy_for_translation",
"wagtail.create"). Two steps are missing or lose the user, and are logged here:

- `SUBMIT_TRANSLATION`: a translation submitted for review from wagtail-localize's editor (the
  workflow's start is logged too; this entry says it came from the translation editor);
- `SCHEDULED_PUBLICATION_FAILED`: a scheduled publication that raised (Wagtail logs only
  the successful ones, "wagtail.publish.scheduled");
- publish together (`together`): `HOLD` (an approved revision held for its translations, with
  its go-live time: a held pair's schedule), `HOLD_SUPERSEDED` (a later approval replaced it,
  which unschedules it), `RELEASED` (a publisher published the source alone),
  `PUBLISHED_TOGETHER` (the pair went live; Wagtail logs each publication too) and
  `PUBLISH_TOGETHER_FAILED` (an attempt failed, with the reason; it is retried);
- `SYNC`: "Sync translated pages": wagtail-localize writes the translated pages' revisions
  without a log entry, and publishes "immediately" in an on-commit hook that logs
  "wagtail.publish" without a user, so this entry records who synced and whether they chose
  to publish.
"""

from typing import Any

from wagtail.log_actions import log

SUBMIT_TRANSLATION = "cms_workflow.submit_translation"
SYNC = "cms_workflow.sync"
#: A scheduled publication that failed (`scheduled`); every failed attempt is one entry.
SCHEDULED_PUBLICATION_FAILED = "cms_workflow.scheduled_publication_failed"


HOLD = "cms_workflow.hold"
HOLD_SUPERSEDED = "cms_workflow.hold_superseded"
RELEASED = "cms_workflow.hold_released"
PUBLISHED_TOGETHER = "cms_workflow.published_together"
PUBLISH_TOGETHER_FAILED = "cms_workflow.publish_together_failed"


def log_hold(
    *, instance: Any, hold: Any, action: str, user: Any = None, data: dict | None = None
) -> None:
    """Record a step of a held publication (`together`) on the held source `instance`."""
    log(
        instance=instance,
        action=action,
        user=user,
        revision=hold.revision,
        data={
            "hold": hold.pk,
            "revision_id": hold.revision_id,
            "go_live_at": hold.go_live_at.isoformat() if hold.go_live_at else None,
            "translations": hold.approved_translations,
            **(data or {}),
        },
    )


def log_sync(*, instance: Any, user: Any, publish: bool, locales: list[str]) -> None:
    """Record that `user` synced the translations of `instance` (the source object)."""
    log(
        instance=instance,
        action=SYNC,
        user=user,
        data={"publish": publish, "locales": locales},
    )


def log_scheduled_failure(*, instance: Any, revision: Any, reason: str) -> None:
    """Record that the scheduled publication of `revision` of `instance` failed, and why."""
    log(
        instance=instance,
        action=SCHEDULED_PUBLICATION_FAILED,
        revision=revision,
        data={"revision_id": revision.pk, "reason": reason},
    )
