from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    """The workflow plugin (see the package docstring for its contract)."""

    name = "cms.workflow"
    label = "cms_workflow"
    verbose_name = _("Workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.workflow import placement, reviewers, signals

        placement.connect(self)
        reviewers.connect(self)
        signals.connect()
