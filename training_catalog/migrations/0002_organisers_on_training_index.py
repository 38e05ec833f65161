"""Let Organisers add, edit and publish trainings (see `training_catalog.roles`), reversibly.

Grants `add_page`, `change_page` and `publish_page` to the Organisers group (created if missing;
`event_booking` adds the rest of the role) on each training index page that already exists, in
every language; new index pages get it from the receiver in `training_catalog.roles`. Only adds
what is missing. The backwards step removes these page permissions, and the group if nothing
else is left in it.
"""

from django.db import migrations

from cms import grants


def training_indexes(apps):
    return apps.get_model("training_catalog", "TrainingIndexPage").objects.all()


ORGANISERS = grants.RoleGrants(
    role="Organisers", page_kinds=("add", "change", "publish"), pages=training_indexes
)


class Migration(migrations.Migration):
    dependencies = [
        ("training_catalog", "0001_initial"),
        # After Wagtail's own data migrations (see cms 0003_translators_role).
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(ORGANISERS.install, ORGANISERS.uninstall)]
