"""Install the Translators role (see `cms.roles`), reversibly and idempotently.

Admin access and wagtail-localize's `submit_translation`, and `change_page` on every home page
that is not in the source language and already exists (on a fresh database there is none yet:
`cms.roles` grants it when the English home page is created by translation). Wagtail's own
migrations already installed the "Moderators approval" workflow on the root; nothing to add.
The backwards step removes these permissions, and the group if nothing else is left in it.
"""

from django.db import migrations

from cms import grants


def translated_homes(apps):
    home_page = apps.get_model("cms", "HomePage")
    return home_page.objects.exclude(locale__language_code=grants.default_language())


TRANSLATORS = grants.RoleGrants(
    role="Translators",
    permissions=("wagtailadmin.access_admin", "wagtail_localize.submit_translation"),
    page_kinds=("change",),
    pages=translated_homes,
)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_site_setup"),
        # After Wagtail's own data migrations: some give every group with admin access more
        # permissions (e.g. wagtaildocs 0011 "choose document"), which these roles must not get.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(TRANSLATORS.install, TRANSLATORS.uninstall)]
