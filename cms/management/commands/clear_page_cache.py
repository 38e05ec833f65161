"""Make every cached page and API response stale: run it after each deployment.

New templates or code, or a data migration that changed live rows without Wagtail's signals,
are then shown at once instead of after `PAGE_CACHE_SECONDS`. Only the page cache's tags are
bumped (cms/page_cache): sessions, renditions and other cache entries stay.
"""

from typing import Any

from django.core.management.base import BaseCommand

from cms.page_cache.invalidation import everything_tags
from cms.page_cache.store import bump


class Command(BaseCommand):
    help = "Make every cached page and API response stale (after a deployment)."

    def handle(self, *args: Any, **options: Any) -> None:
        bump(everything_tags())
        self.stdout.write("Page cache cleared.")
