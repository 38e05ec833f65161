"""The audit log of the translation loop: every step is there, with who did it.

Wagtail and wagtail-localize log the translation's creation, the workflow's start, rejection,
resumption and approval, and the publication; the plugin adds the translation editor's
submission and the sync (whose publication wagtail-localize logs without a user).
"""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageLogEntry, TaskState
from wagtail_localize.models import TranslationSource

from tests.workflow.test_locale_approval import act
from tests.workflow.test_translation_review import SUBMIT, edit_url, retranslate


def entries(page: Page, since: int = 0) -> list[tuple[str, str | None]]:
    """The (action, username) of `page`'s log entries after the entry id `since`, in order."""
    return [
        (entry.action, entry.user.username if entry.user else None)
        for entry in PageLogEntry.objects.filter(page_id=page.pk, pk__gt=since).order_by("pk")
    ]


def last_entry_id() -> int:
    return PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def test_translate_this_page_is_logged_with_who(
    hu_page, en_home, as_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        as_user("moderator").post(
            reverse("wagtail_localize:submit_page_translation", args=[hu_page.pk]),
            {"locales": [en_home.locale_id]},
        )

    en_page = hu_page.get_translation(en_home.locale)
    assert ("wagtail.copy_for_translation", "moderator") in entries(en_page)


def test_sync_submit_reject_resubmit_approve_and_publish_are_logged_with_who(
    hu_page, en_page, as_user, django_capture_on_commit_callbacks
):
    translator = as_user("translator")
    source = TranslationSource.objects.get(object_id=hu_page.translation_key)
    since = last_entry_id()
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), {}
        )
    assert response.status_code == 302
    (sync,) = PageLogEntry.objects.filter(pk__gt=since, action="cms_workflow.sync")
    assert (sync.page_id, sync.user.username, sync.data) == (
        hu_page.pk,
        "translator",
        {"publish": False, "locales": ["en"]},
    )
    with translation.override("en"):  # the site history shows the registered message
        assert sync.message == "Translations synced with the source"

    retranslate(en_page, "Hírek", "News, first try")
    since = last_entry_id()
    translator.post(edit_url(en_page), SUBMIT)
    assert entries(en_page, since) == [
        ("wagtail.edit", "translator"),
        ("cms_workflow.submit_translation", "translator"),
        ("wagtail.workflow.start", "translator"),
    ]

    reviewer = as_user("reviewer")
    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    since = last_entry_id()
    act(reviewer, en_page, state, "reject", comment="Not yet")
    assert entries(en_page, since) == [("wagtail.workflow.reject", "reviewer")]

    retranslate(en_page, "Hírek", "News")
    since = last_entry_id()
    as_user("translator").post(edit_url(en_page), SUBMIT)  # one client: log in again
    assert entries(en_page, since) == [
        ("wagtail.edit", "translator"),
        ("cms_workflow.submit_translation", "translator"),
        ("wagtail.workflow.resume", "translator"),
    ]

    state = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    since = last_entry_id()
    act(as_user("reviewer"), en_page, state, "approve")
    assert entries(en_page, since) == [
        ("wagtail.workflow.approve", "reviewer"),
        ("wagtail.rename", "reviewer"),  # the translated title went live
        ("wagtail.publish", "reviewer"),
    ]


def test_a_sync_that_publishes_is_logged_with_who_asked_to_publish(
    en_page, hu_page, admin_client, admin_user, django_capture_on_commit_callbacks
):
    # Only a user who may publish every English page may sync and publish: a superuser here.
    source = TranslationSource.objects.get(object_id=hu_page.translation_key)
    since = last_entry_id()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )

    assert ("cms_workflow.sync", admin_user.username) in entries(hu_page, since)
    assert PageLogEntry.objects.get(pk__gt=since, action="cms_workflow.sync").data["publish"]
    assert ("wagtail.publish", None) in entries(en_page, since)  # wagtail-localize's, no user
