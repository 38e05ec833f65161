"""Translation states for listings (a fixed number of queries) and the coverage figure."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from cms.workflow import status
from cms.workflow.status import State
from cms.workflow.translation_status import TranslationStatus
from tests.workflow.test_locale_approval import submit
from tests.workflow_testapp.models import ReviewedPage


def add_page(parent: Page, title: str, *, live: bool = True) -> ReviewedPage:
    slug = title.lower().replace(" ", "-")
    page = ReviewedPage(title=title, slug=slug, body=f"<p>{title}</p>", live=live)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def mark_behind(page: Page) -> None:
    """What the translation loop records when the source changed (see test_translation_loop)."""
    TranslationStatus.objects.create(
        content_type_id=page.content_type_id,  # any; states() reads key and locale
        translation_key=page.translation_key,
        locale=Locale.objects.get(language_code="en"),
        source_revision_id=page.live_revision_id,
        outdated_since=timezone.now(),
        source_changed_at=timezone.now(),
    )


def start_translation(page: Page, *, translated: int) -> None:
    """A wagtail-localize translation into English with `translated` strings done."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.translations.get_or_create(target_locale=Locale.objects.get(language_code="en"))
    for segment in StringSegment.objects.filter(source=source).order_by("order")[:translated]:
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=Locale.objects.get(language_code="en"),
            data=f"EN {segment.string.data}",
        )


@pytest.fixture
def every_state(home, en_home, to_english, users) -> dict[State, Page]:
    """One Hungarian page per state of its English translation."""
    pages = {}
    pages[State.CURRENT] = add_page(home, "Kész")
    to_english(pages[State.CURRENT])
    pages[State.OUTDATED] = add_page(home, "Régi")
    to_english(pages[State.OUTDATED])
    mark_behind(pages[State.OUTDATED])
    pages[State.AWAITING_REVIEW] = add_page(home, "Bírálat")
    english = to_english(pages[State.AWAITING_REVIEW], publish=False)
    submit(english, users["translator"])
    pages[State.IN_PROGRESS] = add_page(home, "Félkész")
    start_translation(pages[State.IN_PROGRESS], translated=1)
    pages[State.MISSING] = add_page(home, "Hiányzó")
    return pages


def test_each_state_and_what_readers_may_learn_of_it(every_state):
    found = status.states(every_state.values(), "en")

    for expected, page in every_state.items():
        assert found[page.translation_key].state == expected
    public = status.public_states(every_state.values(), "en")
    assert {state: public[page.translation_key] for state, page in every_state.items()} == {
        State.CURRENT: State.CURRENT,
        State.OUTDATED: State.OUTDATED,
        State.AWAITING_REVIEW: State.MISSING,  # never published: a review is not public
        State.IN_PROGRESS: State.MISSING,
        State.MISSING: State.MISSING,
    }
    in_progress = found[every_state[State.IN_PROGRESS].translation_key]
    assert in_progress.share == pytest.approx(1 / 3)  # title, slug, body: one of three done
    assert found[every_state[State.MISSING].translation_key].target_id is None
    assert found[every_state[State.MISSING].translation_key].waiting_since is not None


def test_a_live_translation_in_review_shows_its_live_state_to_readers(every_state, users):
    english = every_state[State.OUTDATED].get_translation(Locale.objects.get(language_code="en"))
    english.save_revision()
    submit(english, users["translator"])

    found = status.state_of(every_state[State.OUTDATED], "en")
    assert (found.state, found.public) == (State.AWAITING_REVIEW, State.OUTDATED)


def test_a_page_is_its_own_translation_in_its_language(every_state):
    assert status.state_of(every_state[State.MISSING], "hu").state == State.CURRENT
    english = every_state[State.CURRENT].get_translation(Locale.objects.get(language_code="en"))
    assert status.state_of(english, "hu").public == State.CURRENT


def queries_for(pages: list[Page]) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as captured:
        found = status.states(pages, "en")
    return len(captured.captured_queries), found


@pytest.mark.parametrize("count", [20, 200])
def test_states_of_a_listing_take_a_fixed_number_of_queries(every_state, home, count):
    pages = list(every_state.values()) + [
        add_page(home, f"Oldal {n}") for n in range(count - len(every_state))
    ]
    listing = list(Page.objects.filter(pk__in=[page.pk for page in pages]))

    queries, found = queries_for(listing)

    assert len(found) == count
    assert queries <= 6
    assert sum(state.state == State.MISSING for state in found.values()) == count - 4


def test_coverage_counts_current_translations_of_live_public_pages_per_section(
    home, en_home, to_english
):
    before = status.coverage("en")
    section = add_page(home, "Szakasz")
    to_english(section)
    to_english(add_page(section, "Kész aloldal"))
    add_page(section, "Hiányzó aloldal")
    outdated = add_page(home, "Másik szakasz")
    to_english(outdated)
    mark_behind(outdated)
    add_page(section, "Vázlat", live=False)  # not live: not counted

    after = status.coverage("en")

    sections = {item.page_id: item for item in after.sections}
    assert (sections[section.pk].total, sections[section.pk].current) == (3, 2)
    assert sections[section.pk].share == pytest.approx(2 / 3)
    assert (sections[outdated.pk].total, sections[outdated.pk].current) == (1, 0)
    assert after.total == before.total + 4
    assert after.current == before.current + 2
    assert (after.outdated, after.missing) == (before.outdated + 1, before.missing + 1)
    assert after.share == pytest.approx(after.current / after.total)
