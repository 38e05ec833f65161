"""Install the Organisers role (see `event_booking.roles`), reversibly and idempotently.

The Organisers group with admin access and the booking permissions; choose images, add and
choose documents in the root collection; `add_page`, `change_page` and `publish_page` on each
event index page that already exists, in every language (new ones get it from the receiver in
`event_booking.roles`; training index pages from `training_catalog`). Only adds what is
missing. The backwards step removes these permissions, and the group if nothing else is left
in it.
"""

from django.db import migrations

from cms import grants

ORGANISERS = "Organisers"
PERMISSIONS = [
    "wagtailadmin.access_admin",
    "event_booking.view_booking",
    "event_booking.change_booking",
    "event_booking.delete_booking",
]
COLLECTION_PERMISSIONS = [
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
PAGE_KINDS = ["add", "change", "publish"]


def event_indexes(apps):
    return apps.get_model("event_booking", "EventIndexPage").objects.all()


def forwards(apps, schema_editor):
    group = grants.ensure_group(apps, ORGANISERS, PERMISSIONS)
    grants.grant_collection(apps, group, COLLECTION_PERMISSIONS)
    grants.grant_pages(apps, group, event_indexes(apps), PAGE_KINDS)


def backwards(apps, schema_editor):
    grants.revoke(
        apps,
        grants.group_named(apps, ORGANISERS),
        permissions=PERMISSIONS,
        collection_permissions=COLLECTION_PERMISSIONS,
        pages=event_indexes(apps),
        page_kinds=PAGE_KINDS,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("event_booking", "0003_offering_page_key_consent_v1"),
        # After Wagtail's own data migrations: some give every group with admin access more
        # permissions (e.g. wagtaildocs 0011 "choose document"), which these roles must not get.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
