"""Organisers publish Hungarian event pages only (see `event_booking.roles`), reversibly.

`0004_organisers_role` gave Organisers `publish_page` on the event index pages of every
language; this takes it back on the English ones (add and edit stay), so English events go live
through translation review. Idempotent; backwards gives it again.
"""

from django.db import migrations

from cms import grants


def english_event_indexes(apps):
    return apps.get_model("event_booking", "EventIndexPage").objects.exclude(
        locale__language_code=grants.default_language()
    )


ORGANISERS = grants.PageGrantsWithdrawn(
    role="Organisers", page_kinds=("publish",), pages=english_event_indexes
)


class Migration(migrations.Migration):
    dependencies = [("event_booking", "0006_speed_dating")]

    operations = [migrations.RunPython(ORGANISERS.install, ORGANISERS.uninstall)]
