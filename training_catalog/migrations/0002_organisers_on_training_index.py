"""Let Organisers add, edit and publish trainings (see `training_catalog.roles`), reversibly.

Grants `add_page`, `change_page` and `publish_page` to the Organisers group (created if missing;
`event_booking` adds the rest of the role) on each training index page that already exists, in
every language; new index pages get it from the receiver in `training_catalog.roles`. Only adds
what is missing. The backwards step removes these page permissions, and the group if nothing
else is left in it.
"""

from django.db import migrations

from cms import grants

ORGANISERS = "Organisers"
PAGE_KINDS = ["add", "change", "publish"]


def training_indexes(apps):
    return apps.get_model("training_catalog", "TrainingIndexPage").objects.all()


def forwards(apps, schema_editor):
    grants.grant_role_on_pages(apps, ORGANISERS, training_indexes(apps), PAGE_KINDS)


def backwards(apps, schema_editor):
    grants.revoke(
        apps,
        grants.group_named(apps, ORGANISERS),
        pages=training_indexes(apps),
        page_kinds=PAGE_KINDS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("training_catalog", "0001_initial"),
        # After Wagtail's own data migrations: some give every group with admin access more
        # permissions (e.g. wagtaildocs 0011 "choose document"), which these roles must not get.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
