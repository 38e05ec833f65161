"""Publish together: a Hungarian update approved "with its translation" is held, approved but not
live, until its English translation is approved; then both go live in one transaction, or
neither. A publisher can release the Hungarian alone; a go-live time holds the pair until then.

Jobs (the translation loop, e-mails) run inline at commit (`committed`), as django-q2's worker
would run them after the approval's transaction.
"""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from cms.workflow import approval_choice, audit, previews, scheduled, together
from cms.workflow.holds import HoldStatus, PublicationHold
from cms.workflow.notices import Event, Notice
from cms.workflow.status import State, state_of
from tests.workflow.conftest import refused
from tests.workflow.test_locale_approval import accepted, act
from tests.workflow.test_scheduled_publication import publish_from_two_workers
from tests.workflow.test_translation_loop import SUBMIT, edit_url, translate

NEW_BODY = "<p>Új bekezdés</p>"
NEW_TITLE = "Friss hírek"


def submit(page: Page, user, **fields) -> Page:
    """`user` saves a new draft of `page` with `fields` and submits it for review."""
    page = Page.objects.get(pk=page.pk).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return Page.objects.get(pk=page.pk).specific


def approve(client, page: Page, action: str = approval_choice.APPROVE_WITH_TRANSLATION) -> None:
    page = Page.objects.get(pk=page.pk)
    assert accepted(act(client, page, page.current_workflow_task_state, action), page)


def live(page: Page) -> Page:
    return Page.objects.get(pk=page.pk).specific


def held_for(page: Page) -> PublicationHold | None:
    return PublicationHold.objects.filter(object_id=str(page.pk)).order_by("-pk").first()


def log_actions(page: Page) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page_id=page.pk).order_by("pk").values_list("action", flat=True)
    )


@pytest.fixture
def held(hu_page, en_page, mailable, as_user, committed):
    """The editor's update of `hu_page`, approved by the moderator "with its translation"."""
    submit(hu_page, mailable["editor"], title=NEW_TITLE, body=NEW_BODY)
    with committed():
        approve(as_user("moderator"), hu_page)
    return held_for(hu_page)


def finish_translation(as_user, en_page, committed) -> None:
    """The translator translates the held text and submits it; the reviewer approves."""
    translate(NEW_TITLE, "Fresh news")
    translate("Új bekezdés", "New paragraph")
    assert as_user("translator").post(edit_url(en_page), SUBMIT).status_code == 302
    with committed():
        approve(as_user("reviewer"), en_page, "approve")


def test_approving_with_the_translation_holds_the_update_and_tells_the_translators(
    held, hu_page, en_page, mailable
):
    assert held.status == HoldStatus.WAITING
    assert (live(hu_page).title, live(hu_page).body) == (hu_page.title, hu_page.body)
    assert live(hu_page).live_revision_id == hu_page.live_revision_id
    assert audit.HOLD in log_actions(hu_page)
    # The translation loop ran for the held text: an English draft, and the translators' notice
    # says that a publication waits for them.
    assert NEW_BODY not in live(en_page).body
    (notice,) = Notice.objects.filter(recipient=mailable["translator"], event=Event.TO_TRANSLATE)
    assert notice.publication_waits
    assert "Új bekezdés" in notice.changed_segments
    (email,) = [m for m in mail.outbox if m.to == ["translator@example.org"]]
    assert "its publication waits for this translation" in email.body
    # Admins see the work (outdated); readers do not learn of a change that is not public.
    assert state_of(hu_page, "en").state == State.OUTDATED
    assert state_of(hu_page, "en").public == State.CURRENT
    from cms.workflow.translation_status import TranslationStatus

    assert not TranslationStatus.objects.behind_in_public().exists()
    assert TranslationStatus.objects.behind().exists()


def test_the_english_approval_publishes_both_at_once(held, hu_page, en_page, as_user, committed):
    finish_translation(as_user, en_page, committed)

    hungarian, english = live(hu_page), live(en_page)
    assert (hungarian.title, hungarian.body) == (NEW_TITLE, NEW_BODY)
    assert (english.title, english.body) == ("Fresh news", "<p>New paragraph</p>")
    assert hungarian.live_revision_id == held.revision_id
    assert hungarian.last_published_at == english.last_published_at or (
        abs(hungarian.last_published_at - english.last_published_at) < dt.timedelta(seconds=5)
    )
    held.refresh_from_db()
    assert held.status == HoldStatus.PUBLISHED
    assert held.approved_translations == {"en": english.live_revision_id}
    assert audit.PUBLISHED_TOGETHER in log_actions(hu_page)
    assert log_actions(hu_page).count("wagtail.publish") == 2  # the fixture's, and this one
    assert state_of(hu_page, "en").state == State.CURRENT


def test_an_incomplete_translation_cannot_be_submitted_and_the_update_stays_held(
    held, hu_page, en_page, as_user
):
    translate(NEW_TITLE, "Fresh news")  # the paragraph is not translated
    response = as_user("translator").post(edit_url(en_page), SUBMIT, follow=True)
    assert "Translate every string before submitting." in response.content.decode()
    assert live(hu_page).body == hu_page.body
    assert held_for(hu_page).status == HoldStatus.WAITING


def test_an_older_translation_approved_meanwhile_goes_live_alone_and_the_update_stays_held(
    hu_page,
    en_page,
    mailable,
    as_user,
    committed,
):
    english = Page.objects.get(pk=en_page.pk).specific
    english.save_revision(user=mailable["translator"])
    english.get_workflow().start(english, mailable["translator"])  # in review before the hold
    submit(hu_page, mailable["editor"], title=NEW_TITLE, body=NEW_BODY)
    with committed():
        approve(as_user("moderator"), hu_page)
        approve(as_user("reviewer"), en_page, "approve")

    assert live(en_page).live_revision_id != en_page.live_revision_id  # the old text, live
    assert live(hu_page).body == hu_page.body  # still held: that was not its translation
    assert held_for(hu_page).status == HoldStatus.WAITING


@pytest.fixture
def failing_english_publication():
    """Every publication of an English page raises (a broken signal receiver, a lost row...)."""

    def fail(sender, instance, **kwargs):
        if instance.locale.language_code == "en":
            raise RuntimeError("the English page could not be published")

    page_published.connect(fail, dispatch_uid="test-failing-english")
    yield
    page_published.disconnect(dispatch_uid="test-failing-english")


def test_a_failed_english_publication_leaves_neither_live_tells_the_moderator_and_is_retried(
    held,
    hu_page,
    en_page,
    mailable,
    as_user,
    committed,
    failing_english_publication,
):
    finish_translation(as_user, en_page, committed)

    assert (live(hu_page).title, live(hu_page).body) == (hu_page.title, hu_page.body)
    assert live(en_page).live_revision_id == en_page.live_revision_id
    held.refresh_from_db()
    assert held.status == HoldStatus.WAITING
    assert "could not be published" in held.last_error
    assert audit.PUBLISH_TOGETHER_FAILED in log_actions(hu_page)
    notice = Notice.objects.get(recipient=mailable["moderator"], event=Event.PAIR_FAILED)
    assert "could not be published" in notice.comment
    assert as_user("moderator").get(edit_url(hu_page)).status_code == 200

    with committed():
        assert scheduled.run().pairs_failed == [held.pk]  # still failing: reported once
    assert (
        Notice.objects.filter(recipient=mailable["moderator"], event=Event.PAIR_FAILED).count() == 1
    )

    page_published.disconnect(dispatch_uid="test-failing-english")
    with committed():
        assert scheduled.run().pairs_published == [held.pk]
    assert (live(hu_page).body, live(en_page).body) == (NEW_BODY, "<p>New paragraph</p>")
    assert scheduled.run().pairs_published == []  # once


def said(language: str, message: str, **values) -> str:
    """`message` as the admin shows it in `language` (the user's admin language)."""
    with translation.override(language):
        return escape(gettext(message) % values)


def test_the_editor_shows_the_held_state_and_the_report_says_the_publication_waits(
    held, hu_page, en_page, as_user
):
    held_message = said(
        "hu",
        "An approved version of “%(title)s” is held: it goes live with its translation once "
        "the translation is approved.",
        title=NEW_TITLE,
    )
    page = as_user("moderator").get(edit_url(hu_page)).content.decode()
    assert held_message in page
    assert reverse("cms_workflow_holds:release", args=[held.pk]) in page
    editor_view = as_user("editor").get(edit_url(hu_page)).content.decode()
    assert held_message in editor_view
    assert reverse("cms_workflow_holds:release", args=[held.pk]) not in editor_view  # no publish
    translation_view = as_user("translator").get(edit_url(en_page)).content.decode()
    assert (
        said(
            "en",
            "The approved version of “%(title)s” waits for this translation: when a reviewer "
            "approves it, both go live at once.",
            title=NEW_TITLE,
        )
        in translation_view
    )
    report = as_user("translator").get(reverse("cms_workflow_report:index")).content.decode()
    assert "data-publication-waits" in report
    dashboard = as_user("translator").get(reverse("wagtailadmin_home")).content.decode()
    panel = dashboard[dashboard.index('id="cms-workflow-to-translate-section"') :]
    assert "data-publication-waits" in panel


def test_only_a_publisher_releases_the_hungarian_alone_and_it_is_audited(
    held, hu_page, en_page, as_user, users
):
    url = reverse("cms_workflow_holds:release", args=[held.pk])
    for role in ("editor", "translator", "reviewer", "manager"):
        assert refused(as_user(role).post(url)), role
    assert live(hu_page).body == hu_page.body

    moderator = as_user("moderator")
    assert said("hu", "Publish the original now") in moderator.get(url).content.decode()
    response = moderator.post(url)
    assert response.status_code == 302
    assert live(hu_page).body == NEW_BODY
    assert live(en_page).body == en_page.body
    held.refresh_from_db()
    assert (held.status, held.finished_by) == (HoldStatus.RELEASED, users["moderator"])
    entry = PageLogEntry.objects.get(page_id=hu_page.pk, action=audit.RELEASED)
    assert entry.user == users["moderator"]
    assert moderator.post(url).status_code == 404  # nothing held any more


def come_due(held: PublicationHold) -> None:
    """Time passes: the held revision's go-live time is a minute ago (as its revisions say)."""
    past = timezone.now() - dt.timedelta(minutes=1)
    revisions = [
        held.revision,
        *(Revision.objects.get(pk=pk) for pk in held.approved_translations.values()),
    ]
    for revision in revisions:
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["content"])
    PublicationHold.objects.filter(pk=held.pk).update(go_live_at=past)


def test_a_held_pair_with_a_go_live_time_goes_live_together_at_that_time_once(
    hu_page,
    en_page,
    mailable,
    as_user,
    committed,
):
    go_live = timezone.now() + dt.timedelta(hours=1)
    submit(hu_page, mailable["editor"], title=NEW_TITLE, body=NEW_BODY, go_live_at=go_live)
    with committed():
        approve(as_user("moderator"), hu_page)
    finish_translation(as_user, en_page, committed)
    held = held_for(hu_page)
    assert abs(held.go_live_at - go_live) < dt.timedelta(milliseconds=1)  # JSON keeps ms
    assert (live(hu_page).body, live(en_page).body) == (hu_page.body, en_page.body)

    assert scheduled.run().pairs_published == []  # before its time
    assert live(hu_page).body == hu_page.body
    come_due(held)
    with committed():
        assert scheduled.run().pairs_published == [held.pk]
    assert (live(hu_page).body, live(en_page).body) == (NEW_BODY, "<p>New paragraph</p>")
    assert scheduled.run().pairs_published == []
    published = PageLogEntry.objects.filter(action="wagtail.publish.scheduled")
    assert sorted(published.values_list("page_id", flat=True)) == sorted([hu_page.pk, en_page.pk])


def test_a_held_revision_can_be_previewed_by_its_editor(held, users, settings, client):
    token = previews.make_token(revision=held.revision)
    response = client.get("/api/v2/preview/", {"token": token})
    assert response.status_code == 200
    assert response.json()["title"] == NEW_TITLE
    listing = client.get("/api/v2/pages/", {"fields": "title"}).content.decode()
    assert NEW_TITLE not in listing


def test_without_a_default_plain_approve_publishes_at_once_and_the_other_choice_is_offered(
    hu_page, en_page, mailable, as_user
):
    task = Page.objects.get(pk=hu_page.pk).get_workflow().tasks.first().specific
    names = [name for name, _label, _modal in task.get_actions(hu_page, mailable["moderator"])]
    assert names == ["reject", "approve", "approve", approval_choice.APPROVE_WITH_TRANSLATION]
    submit(hu_page, mailable["editor"], body=NEW_BODY)
    approve(as_user("moderator"), hu_page, "approve")
    assert live(hu_page).body == NEW_BODY
    assert held_for(hu_page) is None


@pytest.mark.parametrize(
    "default",
    [{"types": ["workflow_testapp.ReviewedPage"]}, {"sections": ["/hirek/"]}],
    ids=["page type", "section"],
)
def test_a_page_type_or_section_defaults_to_publishing_with_the_translation(
    hu_page, en_page, mailable, as_user, settings, default
):
    settings.CMS_WORKFLOW = {**settings.CMS_WORKFLOW, "PUBLISH_WITH_TRANSLATION": default}
    task = Page.objects.get(pk=hu_page.pk).get_workflow().tasks.first().specific
    names = [name for name, _label, _modal in task.get_actions(hu_page, mailable["moderator"])]
    with_translation = approval_choice.APPROVE_WITH_TRANSLATION
    assert names == ["reject", with_translation, with_translation, "approve"]  # offered first

    submit(hu_page, mailable["editor"], body=NEW_BODY)
    menu = as_user("moderator").get(edit_url(hu_page)).content.decode()
    label = said("hu", "Approve, publish with its translation")
    assert label in menu
    assert menu.index(label) < menu.index(said("hu", "Approve with comment"))
    # An approval without a choice (code calling Wagtail's API) follows the default.
    state = Page.objects.get(pk=hu_page.pk).current_workflow_task_state.specific
    state.approve(user=mailable["moderator"])
    assert live(hu_page).body == hu_page.body
    assert held_for(hu_page).status == HoldStatus.WAITING

    submit(hu_page, mailable["editor"], body="<p>Sürgős</p>")
    approve(as_user("moderator"), hu_page, "approve")  # "Approve and Publish": at once
    assert live(hu_page).body == "<p>Sürgős</p>"
    assert held_for(hu_page).status == HoldStatus.SUPERSEDED


def test_a_translation_is_never_held(en_page, mailable):
    task = Page.objects.get(pk=en_page.pk).get_workflow().tasks.first().specific
    names = [name for name, _label, _modal in task.get_actions(en_page, mailable["reviewer"])]
    assert approval_choice.APPROVE_WITH_TRANSLATION not in names


# --- Two workers at once, on PostgreSQL with real connections --------------------------------


def ready_pair(hu_page: Page, en_page: Page) -> PublicationHold:
    """A held Hungarian revision with its approved English one, due now (as after approvals)."""
    hungarian, english = live(hu_page), live(en_page)
    hungarian.title, english.title = NEW_TITLE, "Fresh news"
    hu_revision, en_revision = hungarian.save_revision(), english.save_revision()
    return PublicationHold.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(hu_page.pk),
        translation_key=hu_page.translation_key,
        revision=hu_revision,
        approved_translations={"en": en_revision.pk},
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_publish_a_ready_pair_once(hu_page, en_page, monkeypatch):
    held = ready_pair(hu_page, en_page)

    assert sorted(publish_from_two_workers(monkeypatch)) == sorted([hu_page.pk, en_page.pk])

    assert (live(hu_page).title, live(en_page).title) == (NEW_TITLE, "Fresh news")
    held.refresh_from_db()
    assert held.status == HoldStatus.PUBLISHED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_control_without_the_hold_lock_two_workers_publish_the_pair_twice(
    hu_page, en_page, monkeypatch
):
    """Proves the test above can see the race: without the row lock both runs publish."""

    def take_without_lock(*, hold_id):
        return PublicationHold.objects.waiting().filter(pk=hold_id).first()

    monkeypatch.setattr(together, "lock_waiting_hold", take_without_lock)
    ready_pair(hu_page, en_page)

    published = publish_from_two_workers(monkeypatch)

    assert sorted(published) == sorted([hu_page.pk, en_page.pk] * 2)
