"""Admin registrations of the training catalog."""

from wagtail.snippets.models import register_snippet

from training_catalog.models import TrainingTopic

register_snippet(TrainingTopic)
