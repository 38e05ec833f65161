from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The shared base; `ready` connects the Translators' grant on translated home pages and
    the page cache's invalidation (cms/page_cache/receivers.py)."""

    name = "cms"
    label = "cms"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms import roles  # noqa: F401  (connects its receiver)
        from cms.page_cache import receivers

        receivers.connect()
