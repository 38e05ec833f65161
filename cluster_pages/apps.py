from django.apps import AppConfig


class ClusterPagesConfig(AppConfig):
    """Cluster pages; `ready` connects the creation of each cluster's managers group."""

    name = "cluster_pages"
    label = "cluster_pages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cluster_pages import roles  # noqa: F401  (connects its receiver)
