"""Template tags of the training pages."""

from django import template
from django.utils import timezone

from cms.localization import attach_localized
from training_catalog.models import TrainingPage, TrainingRun

register = template.Library()


@register.simple_tag
def upcoming_runs(page: TrainingPage) -> list[TrainingRun]:
    """The runs of `page` that have not ended, soonest first, each with `venue_localized`.

    Runs are rows of the page's own locale; their venue is synchronised (it points at the
    Hungarian venue row), so it is swapped for the reader's language in one query.
    """
    runs = list(
        page.runs.filter(end_date__gte=timezone.localdate())
        .select_related("venue")
        .order_by("start_date", "pk")
    )
    attach_localized(runs, "venue", page.locale)
    return runs
