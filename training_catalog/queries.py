"""Which trainings an index page lists, and the form that filters them by topic."""

from typing import Any

from django import forms
from django.db.models import F, Min, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.listing import Listing, build_listing
from cms.localization import attach_localized, one_per_translation
from cms.tree import children_q
from cms.visibility import public
from training_catalog.models.trainings import TrainingPage, TrainingTopic


class TrainingFilterForm(forms.Form):
    """`?topic=<slug>`; topic slugs are the same in every language."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args: Any, locale: Locale | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topics = one_per_translation(TrainingTopic.objects.filter(live=True), locale)
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (topic.slug, topic.name) for topic in topics
        ]


def with_next_run(trainings: QuerySet) -> QuerySet:
    """Annotate `next_run_start`: the first day of the earliest run that has not started."""
    today = timezone.localdate()
    return trainings.annotate(
        next_run_start=Min("runs__start_date", filter=Q(runs__start_date__gte=today))
    )


def filter_trainings(index: Page, *, topic: str = "") -> QuerySet:
    """The live, public trainings under `index`: those with a coming run first, soonest first."""
    trainings = with_next_run(public(TrainingPage.objects.filter(children_q(index)).live()))
    if topic:
        trainings = trainings.filter(topic__slug=topic)
    return trainings.select_related("topic").order_by(
        F("next_run_start").asc(nulls_last=True), "title"
    )


def training_listing(index: Page, params: QueryDict) -> Listing:
    """The index page's listing for the query string `params`, topics in the reader's language."""
    form = TrainingFilterForm(params, locale=index.locale)
    listing = build_listing(
        form=form, query=lambda **filters: filter_trainings(index, **filters), params=params
    )
    # Topics are synchronised: an English training points at the Hungarian topic row.
    attach_localized(listing.page_obj.object_list, "topic", index.locale)
    return listing


def upcoming_trainings(index: Page, *, limit: int) -> list[TrainingPage]:
    """Home-page teasers of `index`: its live, public trainings with a coming run, soonest first."""
    trainings = with_next_run(public(TrainingPage.objects.filter(children_q(index)).live()))
    trainings = list(
        trainings.filter(next_run_start__isnull=False)
        .select_related("topic")
        .order_by("next_run_start", "title")[:limit]
    )
    attach_localized(trainings, "topic", index.locale)
    return trainings
