"""Run the role migrations' RunPython steps directly, as `migrate` would, for tests."""

import functools
import importlib

from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader

ROLE_MIGRATIONS = [
    ("cms", "0003_translators_role"),
    ("cluster_pages", "0003_cluster_managers_role"),
    ("training_catalog", "0002_organisers_on_training_index"),
    ("event_booking", "0004_organisers_role"),
    # The reviewed snippets' workflow and permissions (cms.snippet_review), after the roles.
    ("cms", "0005_snippet_review"),
    ("training_catalog", "0005_topic_review"),
    ("event_booking", "0009_field_of_interest_review"),
    ("cms_workflow", "0004_publish_by_language"),
    ("event_booking", "0007_organisers_publish_hungarian_only"),
    ("training_catalog", "0006_organisers_publish_hungarian_only"),
]


@functools.cache
def historical_apps():
    """The app registry the migrations see (models as of the latest migrations)."""
    return MigrationLoader(connection).project_state().apps


def _run_python(app_label: str, name: str):
    """The migration's RunPython operation: what `migrate` runs, forwards and backwards."""
    (operation,) = importlib.import_module(
        f"{apps.get_app_config(app_label).name}.migrations.{name}"
    ).Migration.operations
    return operation


def run_forwards(app_label: str, name: str) -> None:
    _run_python(app_label, name).code(historical_apps(), None)


def run_backwards(app_label: str, name: str) -> None:
    _run_python(app_label, name).reverse_code(historical_apps(), None)
