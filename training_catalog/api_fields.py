"""API fields of the training catalog: a training's scheduled runs."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db import models
from rest_framework import serializers

from cms.api_fields import VENUE_FIELDS, BatchedField, Context, localized_snippets_for

_date = serializers.DateField()
_datetime = serializers.DateTimeField()


class TrainingRunsField(BatchedField):
    """A training's runs, in date order, each with its venue in the page's language.

    `id` is the run's row in the page's locale and stays the same across translation syncs;
    `translation_key` is shared by the Hungarian and English rows of the same run, and is what
    bookings refer to (seats are counted once per translation key). Two queries per response
    (the runs are shared with the `booking` field: `TrainingPage.runs_of`).
    """

    default_value: Any = ()

    def load(self, pages: Sequence[models.Model], context: Context) -> dict[Any, Any]:
        # The run model through the page type, which imports this module for its api_fields.
        page_type = type(pages[0])
        run_model = page_type._meta.get_field("runs").related_model
        runs = sorted(
            page_type.runs_of([page.pk for page in pages]),
            key=lambda run: (run.page_id, run.sort_order, run.start_date, run.pk),
        )
        locale_of = {page.pk: page.locale_id for page in pages}
        venues = localized_snippets_for(
            rows=[(run.pk, run.venue_id, locale_of[run.page_id]) for run in runs],
            model=run_model._meta.get_field("venue").related_model,
            fields=VENUE_FIELDS,
            context=context,
        )
        result: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        for run in runs:
            result[run.page_id].append(
                {
                    "id": run.pk,
                    "translation_key": str(run.translation_key),
                    "start_date": _date.to_representation(run.start_date),
                    "end_date": _date.to_representation(run.end_date),
                    "venue": venues[run.pk],
                    "online": run.online,
                    "seats": run.seats,
                    "registration_closes": _datetime.to_representation(run.registration_closes)
                    if run.registration_closes
                    else None,
                }
            )
        return result
