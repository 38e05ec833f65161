"""Demo pages left in each review state, so every demo user logs in to something to do.

- `manager1` edited their cluster's Hungarian summary and submitted it: it waits for the
  moderator ("Waiting for you" on the moderator's dashboard);
- `translator` revised an English training's summary in the translation editor and submitted it
  for review (`cms.workflow.translation_review.submit_for_review`): it waits for `reviewer`;
- `translator` submitted an English cluster profile, which `reviewer` rejected with a comment:
  it is back with the translator;
- `manager2` updated their cluster's Hungarian summary and `moderator` approved it "with its
  translation" (`cms.workflow.together`): the update is held, not live, until the English
  translation is approved; the translation loop has made the English draft and told
  `translator` that a publication waits. The translator translates the new sentence and
  submits, `reviewer` approves, and both languages change at once.

Made through the plugin's service and Wagtail's workflow API, as the admin would. Idempotent
like the rest of the demo: a page that has ever been in a workflow is left alone, so a second
run changes nothing. The live pages keep their approved text throughout.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import StringSegment, StringTranslation

from cms.workflow import approval_choice, loop, together
from cms.workflow.translation_review import submit_for_review, translation_of

# Hungarian slugs of the pages each state is left on.
CLUSTER_IN_MODERATION = "hajdusagi-gyogyszeripari-klaszter"  # manager1's cluster
TRANSLATION_IN_REVIEW = "nemzetkozi-piacra-lepes-klasztereknek"  # a training
TRANSLATION_REJECTED = "alfoldi-epitoipari-klaszter"  # a cluster

CLUSTER_HELD = "debreceni-infokommunikacios-klaszter"  # manager2's cluster
HELD_UPDATE = " 2026 őszétől közös kiberbiztonsági laborunk is a tagok rendelkezésére áll."

CLUSTER_UPDATE = (
    " Új tagjaink 2026-ban: három debreceni gyógyszeripari beszállító és egy kutatóintézet."
)
REVISED_SUMMARY = " Updated for the 2026 programme."
REJECTED_SUMMARY = " (machine translated, to check)"
REJECTION_COMMENT = "Please check the machine translation and remove the note."


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def _hungarian(slug: str) -> Page:
    return Page.objects.get(slug=slug, locale__language_code="hu").specific


def _english(slug: str) -> Page:
    return _hungarian(slug).get_translation(Locale.objects.get(language_code="en")).specific


def _untouched(page: Page) -> bool:
    return not page.workflow_states.exists()


def _revise_summary(page: Page, addition: str) -> None:
    """The translator's edit of the English summary in the translation editor (stored string)."""
    translation = translation_of(page)
    segment = StringSegment.objects.get(source=translation.source, context__path="summary")
    string = StringTranslation.objects.get(
        translation_of=segment.string, locale=page.locale, context=segment.context
    )
    string.data += addition
    string.save(update_fields=["data"])


def _cluster_in_moderation() -> int:
    page = _hungarian(CLUSTER_IN_MODERATION)
    if not _untouched(page):
        return 0
    manager = _user("manager1")
    page.summary += CLUSTER_UPDATE
    page.save_revision(user=manager, log_action=True)
    page.get_workflow().start(page, manager)
    return 1


def _translation_submitted(slug: str, addition: str) -> Page | None:
    page = _english(slug)
    if not _untouched(page):
        return None
    _revise_summary(page, addition)
    submit_for_review(translation=translation_of(page), obj=page, user=_user("translator"))
    return page


def _translation_rejected() -> int:
    page = _translation_submitted(TRANSLATION_REJECTED, REJECTED_SUMMARY)
    if page is None:
        return 0
    state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    state.task.specific.on_action(state, _user("reviewer"), "reject", comment=REJECTION_COMMENT)
    return 1


def _cluster_held() -> int:
    page = _hungarian(CLUSTER_HELD)
    if not _untouched(page):
        return 0
    manager, moderator = _user("manager2"), _user("moderator")
    page.summary += HELD_UPDATE
    page.save_revision(user=manager, log_action=True)
    workflow_state = page.get_workflow().start(page, manager)
    state = workflow_state.current_task_state.specific
    state.task.specific.on_action(state, moderator, approval_choice.APPROVE_WITH_TRANSLATION)
    # The translation loop's job for the held revision, now rather than when a worker picks it
    # up (the enqueued job then finds nothing left to do).
    hold = together.waiting_hold(page)
    transaction.on_commit(
        lambda: loop.sync_source(
            content_type_id=hold.content_type_id,
            object_id=page.pk,
            revision_id=hold.revision_id,
        )
    )
    return 1


def seed_review_states() -> int:
    """Leave the four pages above in their states (each in its own transaction).

    Needs the demo pages, their English translations and the demo users.

    Returns:
        How many states were made now (0 on a second run).
    """
    made = 0
    for step in (
        _cluster_in_moderation,
        lambda: int(_translation_submitted(TRANSLATION_IN_REVIEW, REVISED_SUMMARY) is not None),
        _translation_rejected,
        _cluster_held,
    ):
        with transaction.atomic():
            made += step()
    return made
