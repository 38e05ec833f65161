"""The translation loop in the demo: one outdated and one missing English page, on purpose.

After the bilingual content is seeded, `seed_demo` adds a Hungarian training with no English
version (`MISSING_TRAINING`) and `seed_translation_examples`:

- publishes a Hungarian change to the trainings index page (a sentence added to its intro),
  so its live English page is `outdated`, with an English draft and a notice waiting for the
  translator;
- runs the loop for the new training: its English draft is created, and its state is `missing`
  until a translation reviewer approves a translation.

The loop runs here, synchronously; the jobs the publications enqueued find nothing left to do.
Idempotent like the rest of `seed_demo`: the change is made only while the intro lacks the
sentence; the loop does nothing for a publication it has synced.
"""

from decimal import Decimal

from django.db import transaction

from cms.demo.bilingual import T
from cms.demo.data.trainings import TRAINERS, VAT_NOTE, RunSeed, TrainingSeed, outcomes
from cms.workflow import loop
from training_catalog.models import (
    DeliveryLanguage,
    TrainingIndexPage,
    TrainingLevel,
    TrainingPage,
)

OUTDATED_SENTENCE = "2027-től minden képzésünk online is elérhető."

MISSING_TRAINING = TrainingSeed(
    fields={
        "title": T("Pályázatírás klasztereknek", "Grant Writing for Clusters"),
        "slug": T("palyazatiras-klasztereknek", "grant-writing-for-clusters"),
        "summary": T(
            "Egynapos gyakorlati képzés hazai és uniós klaszterpályázatok előkészítéséről.",
            "A one-day hands-on training on preparing Hungarian and EU cluster grant bids.",
        ),
        "learning_outcomes": outcomes(
            [T("Pályázati tervet és költségvetést készít", "Draft a grant plan and budget")]
        ),
        "audience": T(
            "Klasztermenedzsereknek és pályázati munkatársaknak.",
            "Cluster managers and grant officers.",
        ),
        "vat_note": VAT_NOTE,
        "trainers": [TRAINERS["lakatos"]],
        "level": TrainingLevel.INTERMEDIATE,
        "duration_days": 1,
        "duration_hours": 8,
        "delivery_language": DeliveryLanguage.HUNGARIAN,
        "price_eur": Decimal("450.00"),
        "max_seats_per_booking": 2,
    },
    topic="funding",
    runs=[RunSeed(starts_in_days=42, seats=14)],
)


def seed_translation_examples(*, training_index: TrainingIndexPage, missing: TrainingPage) -> None:
    """Make the outdated example and run the loop for both (module docstring)."""
    with transaction.atomic():
        index = TrainingIndexPage.objects.select_for_update().get(pk=training_index.pk)
        if OUTDATED_SENTENCE not in index.intro:
            index.intro = f"{index.intro} {OUTDATED_SENTENCE}".strip()
            index.save_revision().publish()
    for page in (training_index, missing):
        content_type = loop.base_content_type(page)
        loop.sync_source(content_type_id=content_type.pk, object_id=page.pk)
