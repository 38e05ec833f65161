from django.apps import AppConfig


class WorkflowTestAppConfig(AppConfig):
    """The workflow plugin's test page type; installed by the test settings only
    (`tests/settings.py`), never in a deployment."""

    name = "tests.workflow_testapp"
    label = "workflow_testapp"
    default_auto_field = "django.db.models.BigAutoField"
