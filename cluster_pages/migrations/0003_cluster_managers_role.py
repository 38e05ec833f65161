"""Install the Cluster managers role (see `cluster_pages.roles`), reversibly and idempotently.

The shared "Cluster managers" group (admin access, add and choose images in the root
collection), and for each cluster page in the source language that already exists, its group
"Cluster managers: <cluster>" with `change_page` on it (new cluster pages get theirs from the
receiver in `cluster_pages.roles`). The backwards step removes these permissions, and each
group if nothing else is left in it.
"""

from django.db import migrations

from cms import grants

CLUSTER_MANAGERS = "Cluster managers"
PREFIX = "Cluster managers: "
PERMISSIONS = ["wagtailadmin.access_admin"]
COLLECTION_PERMISSIONS = ["wagtailimages.add_image", "wagtailimages.choose_image"]
PAGE_KINDS = ["change"]


def source_clusters(apps):
    cluster_page = apps.get_model("cluster_pages", "ClusterProfilePage")
    return cluster_page.objects.filter(locale__language_code=grants.default_language())


def forwards(apps, schema_editor):
    group = grants.ensure_group(apps, CLUSTER_MANAGERS, PERMISSIONS)
    grants.grant_collection(apps, group, COLLECTION_PERMISSIONS)
    for cluster in source_clusters(apps):
        grants.ensure_page_group(apps, cluster, prefix=PREFIX, title=cluster.title, kinds=PAGE_KINDS)


def backwards(apps, schema_editor):
    grants.revoke(
        apps,
        grants.group_named(apps, CLUSTER_MANAGERS),
        permissions=PERMISSIONS,
        collection_permissions=COLLECTION_PERMISSIONS,
    )
    for cluster in source_clusters(apps):
        group = grants.page_group(apps, cluster, prefix=PREFIX, kind=PAGE_KINDS[0])
        grants.revoke(apps, group, pages=[cluster], page_kinds=PAGE_KINDS)


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0002_initial"),
        # After Wagtail's own data migrations: some give every group with admin access more
        # permissions (e.g. wagtaildocs 0011 "choose document"), which these roles must not get.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
