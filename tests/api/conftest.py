"""Fixtures of the API tests: a bilingual site tree, images, documents and a translator."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from cms.translation import translate_object
from tests import factories


def english_strings(instance: object, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """A translation of every segment of `instance`: "EN <text>", slugs as "<slug>-en"."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    source.update_from_db()
    strings = {}
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        strings[text] = f"{text}-en" if segment.context.path == "slug" else f"EN {text}"
    strings.update(overrides or {})
    return strings


@pytest.fixture
def to_english(django_capture_on_commit_callbacks) -> Callable[..., Any]:
    """Translate a page or snippet into English through wagtail-localize, like a translator.

    `to_english(obj, {"source": "target"}, publish=True)`: strings not given become "EN ...".
    Returns the English object (the specific page for pages).
    """

    def translate(instance: Any, overrides: Mapping[str, str] | None = None, publish=True):
        with django_capture_on_commit_callbacks(execute=True):
            translated = translate_object(
                instance=instance,
                locale_code="en",
                strings=english_strings(instance, overrides),
                publish=publish,
            )
        if isinstance(translated, Page):
            translated.refresh_from_db()
        return translated

    return translate


@pytest.fixture
def api() -> Client:
    """An anonymous client, as a front end calling the API from a browser would be."""
    return Client()


@dataclass
class Tree:
    """The Hungarian index pages and their live English translations."""

    clusters: Page
    clusters_en: Page
    trainings: Page
    trainings_en: Page
    events: Page
    events_en: Page


@pytest.fixture
def tree(home, en_home, to_english) -> Tree:
    clusters = factories.cluster_index(home)
    trainings = factories.training_index(home)
    events = factories.event_index(home)
    return Tree(
        clusters=clusters,
        clusters_en=to_english(clusters, {"Klaszterek": "Clusters", "klaszterek": "clusters"}),
        trainings=trainings,
        trainings_en=to_english(trainings, {"Képzések": "Trainings", "kepzesek": "trainings"}),
        events=events,
        events_en=to_english(events, {"Rendezvények": "Events", "rendezvenyek": "events"}),
    )


@pytest.fixture
def document(db) -> Document:
    return Document.objects.create(
        title="Tematika", file=ContentFile(b"%PDF-1.4 test", name="tematika.pdf")
    )
