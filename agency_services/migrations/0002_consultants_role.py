"""Install the Consultants role (see `agency_services.roles`), reversibly and idempotently."""

from django.db import migrations

from cms import grants

CONSULTANTS = grants.RoleGrants(
    role="Consultants",
    permissions=(
        "wagtailadmin.access_admin",
        "agency_services.view_consultationrequest",
        "agency_services.change_consultationrequest",
        "agency_services.add_clusterapplication",
        "agency_services.change_clusterapplication",
        "agency_services.delete_clusterapplication",
        "agency_services.view_clusterapplication",
        "agency_services.add_eventsupport",
        "agency_services.change_eventsupport",
        "agency_services.delete_eventsupport",
        "agency_services.view_eventsupport",
        "agency_services.change_consultationsettings",
    ),
)


class Migration(migrations.Migration):
    dependencies = [
        ("agency_services", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(CONSULTANTS.install, CONSULTANTS.uninstall)]
