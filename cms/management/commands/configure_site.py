"""Point the default Wagtail Site at PUBLIC_BASE_URL (run after `migrate`, like setup_schedules)."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site


def configure_default_site(public_base_url: str) -> bool:
    """Give the default Site the host name and port of `public_base_url`.

    Wagtail builds absolute page URLs (the API's `meta.html_url`, e-mails) from the Site's
    host name and port; the migration can only guess "localhost:80". Idempotent.

    Returns:
        True when the Site changed.
    """
    address = urlsplit(public_base_url)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    with transaction.atomic():
        site = Site.objects.select_for_update().get(is_default_site=True)
        if (site.hostname, site.port) == (hostname, port):
            return False
        site.hostname, site.port = hostname, port
        site.save()
    return True


class Command(BaseCommand):
    help = "Make the default Wagtail Site's host name and port match PUBLIC_BASE_URL."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = configure_default_site(settings.PUBLIC_BASE_URL)
        state = "updated" if changed else "already"
        self.stdout.write(f"default site {state} at {settings.PUBLIC_BASE_URL}")
