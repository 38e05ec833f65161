"""Install the Cluster managers role (see `cluster_pages.roles`), reversibly and idempotently.

The shared "Cluster managers" group (admin access, add and choose images in the root
collection), and for each cluster page in the source language that already exists, its group
"Cluster managers: <cluster>" with `change_page` on it (new cluster pages get theirs from the
receiver in `cluster_pages.roles`). The backwards step removes these permissions, and each
group if nothing else is left in it.
"""

from django.db import migrations

from cms import grants

CLUSTER_MANAGERS = grants.RoleGrants(
    role="Cluster managers",
    permissions=("wagtailadmin.access_admin",),
    collection_permissions=("wagtailimages.add_image", "wagtailimages.choose_image"),
)
PREFIX = "Cluster managers: "
PAGE_KIND = "change"


def source_clusters(apps):
    cluster_page = apps.get_model("cluster_pages", "ClusterProfilePage")
    return cluster_page.objects.filter(locale__language_code=grants.default_language())


def forwards(apps, schema_editor):
    CLUSTER_MANAGERS.install(apps)
    for cluster in source_clusters(apps):
        grants.ensure_page_group(apps, cluster, prefix=PREFIX, title=cluster.title, kinds=[PAGE_KIND])


def backwards(apps, schema_editor):
    CLUSTER_MANAGERS.uninstall(apps)
    for cluster in source_clusters(apps):
        group = grants.page_group(apps, cluster, prefix=PREFIX, kind=PAGE_KIND)
        grants.revoke(apps, group, pages=[cluster], page_kinds=[PAGE_KIND])


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0002_initial"),
        # After Wagtail's own data migrations (see cms 0003_translators_role).
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
