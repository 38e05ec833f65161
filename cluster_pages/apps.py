from django.apps import AppConfig


class ClusterPagesConfig(AppConfig):
    """Cluster pages; `ready` connects the creation of each cluster's managers group and the
    record of who joins or leaves it (`managers`)."""

    name = "cluster_pages"
    label = "cluster_pages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cluster_pages import managers, roles  # noqa: F401  (roles connects its receiver)

        managers.connect()
