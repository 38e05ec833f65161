"""Fixtures of the API tests: a bilingual site tree, images, documents and a translator."""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Page

from tests import factories


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
