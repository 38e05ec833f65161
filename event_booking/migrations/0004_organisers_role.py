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


def event_indexes(apps):
    return apps.get_model("event_booking", "EventIndexPage").objects.all()


ORGANISERS = grants.RoleGrants(
    role="Organisers",
    permissions=(
        "wagtailadmin.access_admin",
        "event_booking.view_booking",
        "event_booking.change_booking",
        "event_booking.delete_booking",
    ),
    collection_permissions=(
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ),
    page_kinds=("add", "change", "publish"),
    pages=event_indexes,
)


class Migration(migrations.Migration):
    dependencies = [
        ("event_booking", "0003_offering_page_key_consent_v1"),
        # After Wagtail's own data migrations (see cms 0003_translators_role).
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(ORGANISERS.install, ORGANISERS.uninstall)]
