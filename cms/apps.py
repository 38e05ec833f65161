from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The shared base; `ready` connects the Translators' grant on translated home pages."""

    name = "cms"
    label = "cms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms import roles  # noqa: F401  (connects its receiver)
