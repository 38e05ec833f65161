"""Forms of the consultation requests: the public form, the cluster manager's form and the
consultants' forms. They check types and presence only; the rules are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from agency_services.services.consultations import RequestDetails
from cluster_pages.models import ClusterProfilePage
from cms.grants import default_language
from event_booking.forms import HONEYPOT_FIELD, honeypot_field

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RequestDetailsForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    needs = forms.CharField(
        label=_("What you need"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What should the consultation achieve, for whom, and what exists already?"),
    )
    preferred_from = forms.DateField(label=_("Preferred period: from"), widget=DATE_WIDGET)
    preferred_until = forms.DateField(label=_("Preferred period: until"), widget=DATE_WIDGET)

    def details(self) -> RequestDetails:
        data = self.cleaned_data
        return RequestDetails(
            topic=data["topic"],
            needs=data["needs"],
            preferred_from=data["preferred_from"],
            preferred_until=data["preferred_until"],
        )

    def mark_invalid_fields(self) -> None:
        """`aria-invalid` and the error's id on every field with an error."""
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"
                self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-error"


class PublicRequestForm(RequestDetailsForm):
    """The visitor's form; the cluster list shows live, public clusters of the page's language."""

    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    cluster = forms.TypedChoiceField(
        label=_("Cluster"), required=False, coerce=int, empty_value=None
    )
    field_order = [
        "organisation",
        "contact_name",
        "email",
        "cluster",
        "topic",
        "needs",
        "preferred_from",
        "preferred_until",
    ]

    def __init__(self, *args: Any, locale: Locale, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        clusters = shown_clusters(locale)
        self.fields["cluster"].choices = [("", _("No cluster / not listed"))] + [
            (cluster.pk, cluster.title) for cluster in clusters
        ]
        self.fields[HONEYPOT_FIELD] = honeypot_field()

    @property
    def honeypot(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]

    def visible_fields_in_order(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name != HONEYPOT_FIELD]

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))


def shown_clusters(locale: Locale) -> list[ClusterProfilePage]:
    """Live, public clusters in `locale`, and the source-language page of each cluster that
    has no live translation in it (a visitor may belong to a cluster not yet translated)."""
    live = ClusterProfilePage.objects.live().public()
    translated = list(live.filter(locale=locale))
    keys = {cluster.translation_key for cluster in translated}
    untranslated = live.filter(locale__language_code=default_language()).exclude(
        translation_key__in=keys
    )
    return sorted([*translated, *untranslated], key=lambda cluster: cluster.title)


class ClusterRequestForm(RequestDetailsForm):
    """A cluster manager's form in the admin: one of their clusters."""

    cluster = forms.ModelChoiceField(label=_("Cluster"), queryset=ClusterProfilePage.objects.none())
    field_order = ["cluster", "topic", "needs", "preferred_from", "preferred_until"]

    def __init__(self, *args: Any, clusters: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters
        if clusters.count() == 1:
            self.fields["cluster"].initial = clusters.first().pk


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment to the requester"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent in the decision e-mail; required when declining."),
    )


class OverrideFields(forms.Form):
    override = forms.BooleanField(label=_("Override the budget"), required=False)
    override_reason = forms.CharField(
        label=_("Reason for exceeding the budget"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SessionForm(OverrideFields):
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    days = forms.CharField(
        label=_("Working days"), max_length=6, help_text=_("Whole or half days: 0.5, 1, 1.5 ...")
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)
    field_order = ["date", "days", "note", "override", "override_reason"]


class DeliveryForm(OverrideFields):
    days = forms.CharField(
        label=_("Working days delivered"),
        max_length=6,
        help_text=_("Whole or half days: 0.5, 1, 1.5 ..."),
    )
    field_order = ["days", "override", "override_reason"]
