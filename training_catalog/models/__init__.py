"""Trainings with their runs and topics (`trainings`) and their index page (`index_page`)."""

from training_catalog.models.index_page import TrainingIndexPage
from training_catalog.models.trainings import (
    DeliveryLanguage,
    TrainingLevel,
    TrainingPage,
    TrainingRun,
    TrainingTopic,
)

__all__ = [
    "DeliveryLanguage",
    "TrainingIndexPage",
    "TrainingLevel",
    "TrainingPage",
    "TrainingRun",
    "TrainingTopic",
]
