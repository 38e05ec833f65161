"""The translation loop: a published Hungarian change becomes an English draft, an outdated
state and one notice per translator; the translator's approved work makes it current again.

The loop's job runs inline at commit (`committed`), as django-q2's worker would run it after
the publication's transaction.
"""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)
from wagtail_localize.tasks import background

from cms.workflow import jobs, loop
from cms.workflow.localize_jobs import DjangoQ2Backend
from cms.workflow.notices import Event, Notice
from cms.workflow.status import State, state_of
from tests.workflow.test_locale_approval import accepted, act
from tests.workflow_testapp.models import ReviewedPage, ReviewedSnippet

SUBMIT = {"cms-workflow-submit-for-review": "1"}
NEW_BODY = '<p>Új <a href="https://example.hu">bekezdés</a></p><p>Második</p>'


def publish(page: Page, **fields) -> Page:
    """Publish a new version of `page` with `fields` changed (as an approval would)."""
    page = Page.objects.get(pk=page.pk).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def translate(text: str, english: str) -> None:
    """A translator's string in wagtail-localize's editor (for the segment with `text`)."""
    segment = StringSegment.objects.select_related("string", "context").get(string__data=text)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        context=segment.context,
        locale=Page.objects.get(pk=english_of(segment.source.object_id).pk).locale,
        defaults={"data": english, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
    )


def english_of(translation_key) -> Page:
    return Page.objects.get(translation_key=translation_key, locale__language_code="en").specific


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def translator_notices(users) -> list[Notice]:
    return list(Notice.objects.filter(recipient=users["translator"], event=Event.TO_TRANSLATE))


def test_a_hungarian_change_becomes_an_english_draft_outdated_and_one_notice(
    hu_page, en_page, mailable, committed, django_user_model
):
    second = django_user_model.objects.create_user("translator2", "t2@example.org", "x")
    second.groups.add(Group.objects.get(name="Translators"))
    live_english = (en_page.title, en_page.body)
    assert state_of(hu_page, "en").state == State.CURRENT

    with committed():
        publish(hu_page, body=NEW_BODY)

    english = Page.objects.get(pk=en_page.pk).specific
    assert (english.title, english.body) == live_english  # the live row is untouched
    draft = english.get_latest_revision_as_object()
    assert draft.pk == english.pk and english.latest_revision_id != english.live_revision_id
    assert draft.title == en_page.title  # the unchanged title keeps its translation
    assert "Második" in draft.body  # the new text waits in the draft, to be translated
    state = state_of(hu_page, "en")
    assert (state.state, state.public, state.live) == (State.OUTDATED, State.OUTDATED, True)
    assert state.waiting_since is not None and state.source_changed_at is not None

    (notice,) = translator_notices(mailable)
    assert notice.changed_segments == ["Új bekezdés", "Második"]
    assert notice.link == edit_url(en_page)
    assert notice.language == "en"
    for other in ("moderator", "reviewer", "editor", "manager"):
        assert not Notice.objects.filter(recipient=mailable[other]).exists()
    assert Notice.objects.filter(recipient=second, event=Event.TO_TRANSLATE).count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["t2@example.org", "translator@example.org"]
    (message,) = [m for m in mail.outbox if m.to == ["translator@example.org"]]
    assert message.subject == f"To translate: {en_page.title}"
    assert "- Új bekezdés\n- Második\n" in message.body
    assert reverse("cms_workflow_notices:open", args=[notice.pk]) in message.body


def test_the_job_run_again_or_a_second_change_sends_nothing_new(
    hu_page, en_page, mailable, committed
):
    with committed():
        hu = publish(hu_page, body=NEW_BODY)
    draft_revision = Page.objects.get(pk=en_page.pk).latest_revision_id
    content_type = loop.base_content_type(hu).pk

    with committed():
        assert jobs.sync_translations(content_type, hu.pk) == 0
        assert jobs.sync_translations(content_type, hu.pk) == 0
    assert Page.objects.get(pk=en_page.pk).latest_revision_id == draft_revision
    assert len(translator_notices(mailable)) == 1
    assert len(mail.outbox) == 1

    with committed():  # another change before anyone translated: the same work
        publish(hu_page, body=NEW_BODY + "<p>Harmadik</p>")
    (notice,) = translator_notices(mailable)
    assert notice.changed_segments == ["Új bekezdés", "Második", "Harmadik"]
    assert len(mail.outbox) == 1
    assert "Harmadik" in Page.objects.get(pk=en_page.pk).get_latest_revision_as_object().body


def test_the_translated_and_approved_change_is_current_with_overrides_kept(
    hu_page, en_page, mailable, as_user, committed
):
    link = OverridableSegment.objects.get(source__object_id=hu_page.translation_key)
    SegmentOverride.objects.create(
        locale=en_page.locale, context=link.context, data_json='"https://example.com/en"'
    )
    with committed():
        publish(hu_page, body=NEW_BODY)
    translate('Új <a id="a1">bekezdés</a>', 'New <a id="a1">paragraph</a>')
    translate("Második", "Second")

    translator = as_user("translator")
    assert translator.post(edit_url(en_page), SUBMIT).status_code == 302
    assert state_of(hu_page, "en").state == State.AWAITING_REVIEW
    assert state_of(hu_page, "en").public == State.OUTDATED  # readers see the live version
    english = Page.objects.get(pk=en_page.pk)
    with committed():
        state = english.current_workflow_task_state
        assert accepted(act(as_user("reviewer"), english, state, "approve"), english)

    english = Page.objects.get(pk=en_page.pk).specific
    assert english.title == en_page.title  # the unchanged segment's translation survived
    assert english.body == (
        '<p>New <a href="https://example.com/en">paragraph</a></p><p>Second</p>'
    )  # the override survived the sync
    assert state_of(hu_page, "en").state == State.CURRENT
    assert len(translator_notices(mailable)) == 1

    with committed():  # the next change is new work: a new notice
        publish(hu_page, body=NEW_BODY + "<p>Harmadik</p>")
    assert len(translator_notices(mailable)) == 2
    assert state_of(hu_page, "en").state == State.OUTDATED


def test_approving_the_fallback_draft_unchanged_keeps_it_outdated(
    hu_page, en_page, mailable, users, committed
):
    with committed():
        publish(hu_page, body=NEW_BODY)
    english = Page.objects.get(pk=en_page.pk).specific
    with committed():
        english.get_latest_revision().publish()  # Hungarian text approved by mistake

    assert state_of(hu_page, "en").state == State.OUTDATED


def test_a_new_hungarian_page_gets_an_english_draft_and_stays_missing_until_approved(
    home, en_home, mailable, as_user, committed
):
    with committed():
        page = ReviewedPage(title="Pályázat", slug="palyazat", body="<p>Pályázati szöveg</p>")
        home.add_child(instance=page)
        page.save_revision().publish()

    english = english_of(page.translation_key)
    assert not english.live and english.get_parent().pk == en_home.pk
    assert Translation.objects.filter(source__object_id=page.translation_key).exists()
    state = state_of(page, "en")
    assert (state.state, state.public) == (State.MISSING, State.MISSING)
    assert state.target_id == english.pk
    (notice,) = translator_notices(mailable)
    assert notice.changed_segments == ["Pályázat", "palyazat", "Pályázati szöveg"]
    assert notice.link == edit_url(english)

    translate("Pályázat", "Call")
    assert state_of(page, "en").state == State.IN_PROGRESS
    assert state_of(page, "en").share == pytest.approx(1 / 3)
    translate("palyazat", "call")
    translate("Pályázati szöveg", "Text of the call")
    as_user("translator").post(edit_url(english), SUBMIT)
    assert state_of(page, "en").public == State.MISSING
    english = Page.objects.get(pk=english.pk)
    with committed():
        state = english.current_workflow_task_state
        assert accepted(act(as_user("reviewer"), english, state, "approve"), english)

    english = Page.objects.get(pk=english.pk)
    assert english.live and english.title == "Call"
    assert state_of(page, "en").state == State.CURRENT


def test_a_change_of_facts_only_notifies_nobody(hu_page, en_page, mailable, committed):
    with committed():
        publish(hu_page, link="https://example.hu/uj")

    assert translator_notices(mailable) == []
    assert state_of(hu_page, "en").state == State.CURRENT


def test_a_translatable_snippet_change_reaches_the_translators(
    home, en_home, mailable, committed, to_english
):
    snippet = ReviewedSnippet.objects.create(name="Régi név", locale=home.locale)
    snippet.save_revision().publish()
    english = to_english(snippet)

    with committed():
        snippet = ReviewedSnippet.objects.get(pk=snippet.pk)
        snippet.name = "Új név"
        snippet.save_revision().publish()

    english.refresh_from_db()
    assert english.name == "EN Régi név" and english.live
    assert english.get_latest_revision_as_object().name == "Új név"
    assert state_of(snippet, "en").state == State.OUTDATED
    (notice,) = translator_notices(mailable)
    assert notice.changed_segments == ["Új név"]


CALLS: list = []


def record_call(*args, **kwargs) -> None:
    """A stand-in for a wagtail-localize job (addressed by dotted path, like the real ones)."""
    CALLS.append((args, kwargs))


def test_wagtail_localizes_own_jobs_go_to_django_q2_after_commit(
    db, jobs_inline, django_capture_on_commit_callbacks
):
    assert isinstance(background, DjangoQ2Backend)  # WAGTAILLOCALIZE_JOBS
    CALLS.clear()

    with django_capture_on_commit_callbacks(execute=True):
        background.enqueue(record_call, [1, "en"], {"group": "not django-q2's option"})
        assert CALLS == []  # nothing runs before the commit

    assert CALLS == [((1, "en"), {"group": "not django-q2's option"})]
