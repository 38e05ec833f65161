"""`manage.py seed_scale --pages N`: a bilingual site of N pages with logos and bookings,
translated through wagtail-localize, built idempotently.

The command runs twice per module with N = 40 (the second run must add nothing) in the module's
world (`module_world`), rolled back when the module's tests are done. The first page of each
kind is made the editor's way (Wagtail's and wagtail-localize's own code), the others by the
bulk path: the rows of each bulk page must be those of the editor-made page of its kind.
"""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Sum
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationLog,
    TranslationSource,
)

from cluster_pages.models import ClusterProfilePage
from event_booking.models import Booking, BookingStatus, EventPage, Offering
from tests import factories
from training_catalog.models import TrainingPage

PAGES = 40


def counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


@pytest.fixture(scope="module")
def runs(module_world):
    """Two runs of the command on the module's world; the output and table counts of each."""
    outputs, snapshots = [], []
    # The home and index pages first (the command finds them by slug), each English page
    # published before children are added under it, as the command's own commits do outside
    # a test: published later, from a revision taken before, a page would lose its children.
    factories.bilingual_site()
    for _ in range(2):
        out = io.StringIO()
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_scale", "--pages", str(PAGES), stdout=out)
        outputs.append(out.getvalue())
        snapshots.append(counts())
    return {"outputs": outputs, "snapshots": snapshots}


@pytest.fixture
def seeded(runs, db):
    return runs


def scale_pages(language: str):
    return Page.objects.filter(locale__language_code=language, slug__startswith="scale-")


def test_half_hungarian_sources_half_live_english_translations(seeded):
    hungarian, english = scale_pages("hu"), scale_pages("en")
    assert hungarian.count() == english.count() == PAGES // 2
    assert not scale_pages("hu").filter(live=False).exists()
    assert not scale_pages("en").filter(live=False).exists()
    assert set(english.values_list("translation_key", flat=True)) == set(
        hungarian.values_list("translation_key", flat=True)
    )
    # Spread over the three kinds, each under its index page in its own language.
    assert ClusterProfilePage.objects.filter(slug__startswith="scale-").count() == 14
    assert TrainingPage.objects.filter(slug__startswith="scale-").count() == 14
    assert EventPage.objects.filter(slug__startswith="scale-").count() == 12
    english_cluster = ClusterProfilePage.objects.get(slug="scale-cluster-00003-en")
    assert english_cluster.title == "Scale cluster 3"
    parent = english_cluster.get_parent()
    assert (parent.locale.language_code, parent.slug) == ("en", "clusters")


def test_english_pages_carry_the_rows_of_a_translators_work(seeded):
    """What the translation editor leaves: a source, an enabled translation to English, and an
    English string for every segment of the source."""
    for page in scale_pages("hu"):
        source = TranslationSource.objects.get(object_id=page.translation_key)
        assert Translation.objects.filter(
            source=source, target_locale__language_code="en", enabled=True
        ).exists()
        segments = StringSegment.objects.filter(source=source)
        assert segments.count() >= 2  # title and slug at least
        translated = StringTranslation.objects.filter(
            translation_of__segments__source=source, locale__language_code="en"
        ).distinct()
        assert translated.count() == segments.values("string").distinct().count()


def translation_rows(page: Page) -> dict[str, object]:
    """What wagtail-localize and Wagtail keep of one page's translation, with the texts and ids
    left out (they differ from page to page): segments by order and field, the strings
    translated into English, the translation's state, the history and the side rows."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    english = Page.objects.get(translation_key=page.translation_key, locale__language_code="en")
    translation = Translation.objects.get(source=source)
    segments = StringSegment.objects.filter(source=source).select_related("context", "string")
    return {
        "type": source.specific_content_type.model_class(),
        "schema": source.schema_version,
        "strings": [(s.order, s.context.field_path, s.attrs) for s in segments.order_by("order")],
        "templates": [
            (s.order, s.context.field_path, s.template.template)
            for s in TemplateSegment.objects.filter(source=source).order_by("order")
        ],
        "overridables": [
            (s.order, s.context.field_path)
            for s in OverridableSegment.objects.filter(source=source).order_by("order")
        ],
        "translated": sorted(
            StringTranslation.objects.filter(
                context__object_id=page.translation_key, locale=english.locale
            ).values_list("context__field_path", "translation_type")
        ),
        "translation": (translation.target_locale.language_code, translation.enabled),
        "progress_complete": translation.get_progress()[0] == translation.get_progress()[1],
        "log_of_live_revision": TranslationLog.objects.filter(
            source=source, locale=english.locale, revision=english.live_revision
        ).exists(),
        "history": sorted(
            PageLogEntry.objects.filter(page__in=[page, english]).values_list("action", flat=True)
        ),
        "redirects": Redirect.objects.filter(redirect_page=english).count(),
        "references": ReferenceIndex.objects.filter(
            object_id__in=[str(page.pk), str(english.pk)]
        ).count(),
        "offerings": Offering.objects.filter(page_translation_key=page.translation_key).count(),
        "english": (english.live, english.get_parent().translation_key),
    }


@pytest.mark.parametrize("kind", ["cluster", "training", "event"])
def test_bulk_pages_have_the_rows_of_an_editor_made_page(seeded, kind):
    """Page 0, 1 and 2 (one per kind) are made through Wagtail and wagtail-localize; every later
    page of the same kind, written in bulk, has the same rows (texts aside)."""
    pages = list(scale_pages("hu").filter(slug__startswith=f"scale-{kind}-").order_by("slug"))
    reference = translation_rows(pages[0])
    assert reference["strings"] and reference["progress_complete"]
    for page in pages[1:]:
        assert translation_rows(page) == reference, page.slug


def test_bulk_pages_translate_their_own_texts(seeded):
    """Each bulk page's strings are its own, translated into its own English texts."""
    page = Page.objects.get(slug="scale-event-00005")
    source = TranslationSource.objects.get(object_id=page.translation_key)
    translated = dict(
        StringTranslation.objects.filter(translation_of__segments__source=source)
        .distinct()
        .values_list("translation_of__data", "data")
    )
    assert translated["Skála rendezvény 5"] == "Scale event 5"
    assert translated["scale-event-00005"] == "scale-event-00005-en"
    hungarian = "A(z) 5. oldal leírása: tagok, szolgáltatások és közös projektek a régióban."
    english = "Description of page 5: members, services and joint projects in the region."
    assert translated[hungarian] == english


def test_the_page_tree_is_valid(seeded):
    """Treebeard finds nothing to repair (paths, depths, child counts), and every English page
    lives under its parent's translation."""
    assert Page.find_problems() == ([], [], [], [], [])
    for english in scale_pages("en"):
        parent = english.get_parent()
        assert parent.locale_id == english.locale_id
        assert english.url_path == f"{parent.url_path}{english.slug}/"


def test_clusters_have_logos_and_events_have_bookings(seeded):
    for cluster in ClusterProfilePage.objects.filter(slug__startswith="scale-"):
        assert cluster.logo is not None
        assert ReferenceIndex.get_references_to(cluster.logo).exists()
    events = EventPage.objects.filter(locale__language_code="hu", slug__startswith="scale-")
    for event in events:
        offering = Offering.objects.get(page_translation_key=event.translation_key)
        confirmed = offering.bookings.filter(status=BookingStatus.CONFIRMED)
        assert confirmed.count() == 3
        assert confirmed.aggregate(seats=Sum("seats"))["seats"] <= offering.capacity


def test_english_pages_are_served_and_listed(seeded, client):
    page = ClusterProfilePage.objects.get(slug="scale-cluster-00003-en")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Scale cluster 3" in response.content.decode()
    listing = client.get(
        "/api/v2/pages/",
        {"type": "cluster_pages.ClusterProfilePage", "locale": "en", "limit": 50},
    ).json()
    titles = {item["title"] for item in listing["items"]}
    assert {f"Scale cluster {n}" for n in range(0, 20, 3)} <= titles
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    source = Page.objects.get(slug="scale-cluster-00003")
    assert [(t["locale"], t["id"]) for t in detail["meta"]["translations"]] == [("hu", source.pk)]


def test_search_finds_the_scale_pages(seeded, client):
    with translation.override("en"):
        url = reverse("search")
    response = client.get(url, {"q": "Scale cluster 12"})
    assert response.status_code == 200
    assert "Scale cluster 12" in response.content.decode()


def test_second_run_creates_nothing(seeded):
    first, second = seeded["snapshots"]
    assert second == first
    assert "bookings: 0, images: 0, pages: 0, translations: 0" in seeded["outputs"][1]
    assert first["event_booking.Booking"] == Booking.objects.count()


def test_postgresql_gets_the_statistics_of_the_loaded_tables(seeded):
    # SQLite plans without statistics and gets none (no sqlite_stat1 table).
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchall() == []
            assert "ANALYZE" not in seeded["outputs"][1]
            return
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'wagtailcore_page'")
        (rows,) = cursor.fetchone()
    assert rows >= Page.objects.count()  # -1 when never analysed
    # inside the test's transaction, where VACUUM cannot run
    assert "Planner statistics refreshed (ANALYZE)." in seeded["outputs"][1]


def test_progress_is_plain_lines_outside_a_terminal(seeded):
    output = seeded["outputs"][0]
    assert "pages: 20/20 (100 %)" in output
    assert "\r" not in output


def test_negative_page_count_is_refused(db):
    with pytest.raises(CommandError, match="--pages"):
        call_command("seed_scale", "--pages", "-2", stdout=io.StringIO())


def test_a_run_completes_what_an_interrupted_one_left(seeded):
    """A Hungarian page without its English translation (an interrupted run) gets it."""
    Page.objects.get(slug="scale-training-00001-en").delete()
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_scale", "--pages", str(PAGES), stdout=out)
    assert "pages: 0, translations: 1." in out.getvalue()
    english = TrainingPage.objects.get(slug="scale-training-00001-en")
    assert english.live and english.title == "Scale training 1"
