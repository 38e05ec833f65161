"""Install the review groups and the workflow on the root page (see `cms.workflow.install`)."""

from django.db import migrations

from cms.workflow import install


class Migration(migrations.Migration):
    dependencies = [
        ("cms_workflow", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(install.install, install.uninstall)]
