"""Template tags of the training pages."""

from django import template
from django.utils import timezone

from cms.localization import attach_localized
from training_catalog.models import TrainingPage, TrainingRun

register = template.Library()


@register.simple_tag(takes_context=True)
def upcoming_runs(context: template.Context, page: TrainingPage) -> list[TrainingRun]:
    """The runs of `page` that have not ended, soonest first, each with `venue_localized`.

    Runs are rows of the page's own locale; their venue is synchronised (it points at the
    Hungarian venue row), so it is swapped for the reader's language in one query. The
    stored runs are the booking form's too (`TrainingPage.runs_of`, read once); a preview
    shows the runs of the draft instead.
    """
    today = timezone.localdate()
    if getattr(context.get("request"), "is_preview", False) or not page.pk:
        runs = list(
            page.runs.filter(end_date__gte=today)
            .select_related("venue")
            .order_by("start_date", "pk")
        )
    else:
        runs = sorted(
            (run for run in TrainingPage.runs_of([page.pk]) if run.end_date >= today),
            key=lambda run: (run.start_date, run.pk),
        )
    attach_localized(runs, "venue", page.locale)
    return runs
