"""Fixtures of the public-site tests: a small bilingual site and a translation helper."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file


@pytest.fixture
def logo(db) -> Image:
    return Image.objects.create(
        title="agrar-logo.png",
        description="Az Agrár Klaszter logója",
        file=get_test_image_file("agrar-logo.png", colour="green", size=(400, 200)),
    )


@pytest.fixture
def document(db) -> Document:
    return Document.objects.create(
        title="Tematika", file=ContentFile(b"%PDF-1.4 test", name="tematika.pdf")
    )


@pytest.fixture
def site_content(home, en_home, to_english, logo, document):
    """One page of each type in Hungarian with its English translation, and their snippets.

    Returns a dict of the pages and snippets by role ("cluster", "en_cluster", ...).
    """
    import datetime as dt
    from decimal import Decimal

    from django.utils import timezone

    from tests import factories

    digital = factories.sector("digital")
    venue = factories.venue()
    topic = factories.topic()
    en_venue = to_english(venue, {"Debreceni Egyetem Főépület": "University of Debrecen"})
    en_topic = to_english(topic, {"Klaszterstratégia": "Cluster strategy"})

    cluster_index = factories.cluster_index(home)
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
    en_cluster_index = to_english(cluster_index, {"Klaszterek": "Clusters"})
    en_cluster = to_english(
        cluster,
        {
            "Agrár Klaszter": "Agri Cluster",
            "Élelmiszeripari együttműködés.": "Food industry cooperation.",
            "Közös fejlesztések a régióban.": "Joint development in the region.",
        },
    )

    training_index = factories.training_index(home)
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
    en_training_index = to_english(training_index, {"Képzések": "Trainings"})
    en_training = to_english(
        training,
        {
            "Klaszterstratégia a gyakorlatban": "Cluster strategy in practice",
            "+ 27% ÁFA": "+ 27% VAT",
        },
    )

    event_index = factories.event_index(home)
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
    en_event_index = to_english(event_index, {"Rendezvények": "Events"})
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
