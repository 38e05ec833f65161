"""Who may do what with the reviewed snippets (sectors, venues, training topics, fields of
interest), by migration.

The snippets have drafts and the site's workflow (`cms.workflow.snippets`). Django's snippet
permissions are per model, not per language; the workflow plugin adds the language: a user who
may change but not add a snippet type edits only its translations (`snippets.may_edit`), and
the approval task is chosen by the object's language.

- Moderators: add, change, delete, publish, lock, unlock (edit and publish both languages;
  approve Hungarian);
- Editors: add, change (edit both languages, submit for review);
- Translators: change (edit English, submit for review);
- Translation reviewers: change (open English to approve it).

Nobody but Moderators (and superusers) publishes a snippet; a Hungarian change waits for a
moderator, an English one for a translation reviewer. Organisers get no snippet permission (as
before): they choose venues and topics, they do not edit them.

`SnippetReview(models).install` assigns the plugin's workflow to the models and grants the
table above (only what is missing); `uninstall` undoes both and deletes a group only when it is
left with no permission at all (`cms.grants.revoke`). For the apps' migrations.
"""

from dataclasses import dataclass
from typing import Any

from django.apps.registry import Apps

from cms import grants
from cms.workflow import install

ROLE_ACTIONS = {
    "Moderators": ("add", "change", "delete", "publish", "lock", "unlock"),
    "Editors": ("add", "change"),
    "Translators": ("change",),
    "Translation reviewers": ("change",),
}


@dataclass(frozen=True)
class SnippetReview:
    """The workflow and the role grants of some snippet models ("app_label.model")."""

    models: tuple[str, ...]

    def _permissions(self, actions: tuple[str, ...]) -> list[str]:
        return [
            f"{app_label}.{action}_{model}"
            for app_label, model in (label.split(".") for label in self.models)
            for action in actions
        ]

    def install(self, apps: Apps, schema_editor: Any = None) -> None:
        install.assign_workflow_to_models(apps, self.models)
        for role, actions in ROLE_ACTIONS.items():
            grants.ensure_group(apps, role, self._permissions(actions))

    def uninstall(self, apps: Apps, schema_editor: Any = None) -> None:
        install.unassign_workflow_from_models(apps, self.models)
        for role, actions in ROLE_ACTIONS.items():
            grants.revoke(
                apps, grants.group_named(apps, role), permissions=self._permissions(actions)
            )
