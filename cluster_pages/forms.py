"""The cluster page's edit form: its fields plus the cluster's managers (`managers`).

The `managers` field is not page content: it shows and changes the membership of the cluster's
group (`cluster_pages.managers`). Wagtail's `FieldPanel(permission=...)` removes it from the form
of users without `ASSIGN_PERMISSION`, so whatever such a user posts under that name is ignored.
It is offered only on an existing Hungarian cluster page, the only kind with a group (a new page
gets its group when it is first saved: assign its managers after that).

`save` does not write the membership, because Wagtail's preview saves the form too (uncommitted):
it leaves the choice on the page (`managers_to_assign`) for the `after_edit_page` hook, which runs
only when the edit is really saved, whichever button was pressed.
"""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from cluster_pages.managers import current_managers
from cms.grants import default_language

MANAGERS_FIELD = "managers"


def manager_choices() -> Any:
    return get_user_model().objects.filter(is_active=True).order_by("username")


class ClusterProfilePageForm(WagtailAdminPageForm):
    managers = forms.ModelMultipleChoiceField(
        queryset=None,  # set per form: the active users
        required=False,
        label=_("Cluster managers"),
        help_text=_(
            "These users may edit this cluster's Hungarian page and submit it for moderation. "
            "The change takes effect when you save."
        ),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if MANAGERS_FIELD not in self.fields:
            return
        page = self.instance
        if page.pk is None or page.locale.language_code != default_language():
            del self.fields[MANAGERS_FIELD]
            return
        self.fields[MANAGERS_FIELD].queryset = manager_choices()
        self.initial[MANAGERS_FIELD] = list(current_managers(page))

    def save(self, commit: bool = True) -> Any:
        page = super().save(commit=commit)
        if MANAGERS_FIELD in self.fields:
            page.managers_to_assign = list(self.cleaned_data[MANAGERS_FIELD])
        return page
