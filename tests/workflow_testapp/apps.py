from django.apps import AppConfig


class WorkflowTestAppConfig(AppConfig):
    """The workflow plugin's test page type; installed always, harmless (not creatable)."""

    name = "tests.workflow_testapp"
    label = "workflow_testapp"
    default_auto_field = "django.db.models.BigAutoField"
