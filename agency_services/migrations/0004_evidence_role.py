"""Who sees the evidence dashboard: Consultants and Moderators (`agency_services.roles`),
reversibly and idempotently. Consultants also keep the region's number of clusters."""

from django.db import migrations

from cms import grants

CONSULTANTS = grants.RoleGrants(
    role="Consultants",
    permissions=(
        "agency_services.view_evidence",
        "agency_services.change_evidencesettings",
    ),
)
MODERATORS = grants.RoleGrants(role="Moderators", permissions=("agency_services.view_evidence",))


def ensure_view_evidence(apps) -> None:  # noqa: ANN001 (migration registry)
    """Create the custom permission now (Django would only after `migrate`); `grants` can only
    guess the model of the standard add/change/delete/view permissions."""
    content_type, _created = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="agency_services", model="evidencesettings"
    )
    apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename="view_evidence",
        defaults={"name": "Can see the evidence dashboard"},
    )


def install(apps, schema_editor) -> None:  # noqa: ANN001 (migration signature)
    ensure_view_evidence(apps)
    CONSULTANTS.install(apps, schema_editor)
    MODERATORS.install(apps, schema_editor)


def uninstall(apps, schema_editor) -> None:  # noqa: ANN001 (migration signature)
    CONSULTANTS.uninstall(apps, schema_editor)
    MODERATORS.uninstall(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("agency_services", "0003_evidence_settings"),
        ("agency_services", "0002_consultants_role"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
