from django.apps import AppConfig


class TrainingCatalogConfig(AppConfig):
    """The training catalogue; `ready` connects the Organisers' grant on training index pages."""

    name = "training_catalog"
    label = "training_catalog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from training_catalog import roles  # noqa: F401  (connects its receiver)
