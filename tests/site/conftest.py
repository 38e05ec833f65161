"""Fixtures of the public-site tests: a logo, a document and a small bilingual site.

`site_content` is built once per test module (see `module_world` in tests/conftest.py): its
tests only read it, and each gets fresh copies of the objects.
"""

import copy
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests import factories


def agrar_logo() -> Image:
    return factories.image(
        "agrar-logo.png",
        filename="agrar-logo.png",
        description="Az Agrár Klaszter logója",
        colour="green",
        size=(400, 200),
    )


@pytest.fixture
def logo(db) -> Image:
    return agrar_logo()


@pytest.fixture
def document(db) -> Document:
    return factories.document()


@pytest.fixture(scope="module")
def _site_content(module_world) -> dict:
    return build_site_content()


@pytest.fixture
def site_content(_site_content, db) -> dict:
    """One page of each type in Hungarian with its English translation, and their snippets.

    A dict of the pages and snippets by role ("cluster", "en_cluster", ...).
    """
    return copy.deepcopy(_site_content)


def build_site_content() -> dict:
    site = factories.bilingual_site()
    logo = agrar_logo()
    document = factories.document()
    to_english = factories.to_english
    digital = factories.sector("digital")
    venue = factories.venue()
    topic = factories.topic()
    en_venue = to_english(venue, {"Debreceni Egyetem Főépület": "University of Debrecen"})
    en_topic = to_english(topic, {"Klaszterstratégia": "Cluster strategy"})

    home, en_home = site.home, site.home_en
    cluster_index, en_cluster_index = site.clusters, site.clusters_en
    cluster = factories.cluster(
        cluster_index,
        sectors=[digital],
        title="Agrár Klaszter",
        slug="agrar-klaszter",
        summary="Élelmiszeripari együttműködés.",
        logo=logo,
        management_organisation="Agrár Klaszter Kft.",
        contact_name="Kovács Anna",
        contact_phone="+36 52 123 456",
        website="https://agrar.example.org",
        quality_label="esca-silver",
        quality_label_expires=dt.date(2031, 3, 31),
        description=[("paragraph", "<p>Közös fejlesztések a régióban.</p>")],
        social_links=[("link", {"platform": "linkedin", "url": "https://linkedin.example/agrar"})],
    )
    en_cluster = to_english(
        cluster,
        {
            "Agrár Klaszter": "Agri Cluster",
            "Élelmiszeripari együttműködés.": "Food industry cooperation.",
            "Közös fejlesztések a régióban.": "Joint development in the region.",
        },
    )

    training_index, en_training_index = site.trainings, site.trainings_en
    training = factories.training(
        training_index,
        runs=2,
        title="Klaszterstratégia a gyakorlatban",
        slug="klaszterstrategia",
        topic=topic,
        vat_note="+ 27% ÁFA",
        price_eur=Decimal("1500.00"),
        materials=[("document", document)],
        trainers=[("trainer", {"name": "Dr. Szabó Péter", "role": "tréner", "bio": ""})],
    )
    run = training.runs.first()
    run.venue = venue
    run.save()
    training.save_revision().publish()
    en_training = to_english(
        training,
        {
            "Klaszterstratégia a gyakorlatban": "Cluster strategy in practice",
            "+ 27% ÁFA": "+ 27% VAT",
        },
    )

    event_index, en_event_index = site.events, site.events_en
    start = dt.datetime(2030, 6, 3, 8, 0, tzinfo=dt.UTC)  # 10:00 in Budapest (CEST)
    event = factories.event(
        event_index,
        title="Agrár üzletember-találkozó",
        slug="agrar-talalkozo",
        start=start,
        end=start + dt.timedelta(hours=6),
        venue=venue,
        organiser="Klaszterközpont",
        fee=Decimal("0"),
        registration_closes=start - dt.timedelta(days=2),
    )
    event.participating_clusters.set([cluster])
    event.save_revision().publish()
    en_event = to_english(
        event, {"Agrár üzletember-találkozó": "Agri business meeting", "Klaszterközpont": "Centre"}
    )
    assert timezone.now() < start
    return {
        "home": home,
        "en_home": en_home,
        "sector": digital,
        "venue": venue,
        "en_venue": en_venue,
        "topic": topic,
        "en_topic": en_topic,
        "cluster_index": cluster_index,
        "en_cluster_index": en_cluster_index,
        "cluster": cluster,
        "en_cluster": en_cluster,
        "training_index": training_index,
        "en_training_index": en_training_index,
        "training": training,
        "en_training": en_training,
        "event_index": event_index,
        "en_event_index": en_event_index,
        "event": event,
        "en_event": en_event,
    }
