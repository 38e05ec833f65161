"""`manage.py seed_demo`: build the demo site and its users; safe to run again."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from cms.demo.seed import seed_demo
from cms.demo.users import DEMO_USERS, PASSWORD_SUFFIX


class Command(BaseCommand):
    help = (
        "Create the demo content (Hungarian pages with English translations made through "
        "wagtail-localize) and the demo users, in the groups the migrations installed. Only "
        "what is missing is created: a second run changes nothing and existing dates are never "
        "moved."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        created = seed_demo()
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{label}: {count}" for label, count in sorted(created.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {elapsed:.1f} s. Created now: {summary or 'nothing'}."
            )
        )
        if options["verbosity"] >= 1:
            usernames = ", ".join(user.username for user in DEMO_USERS)
            self.stdout.write(
                f"Demo users (demo-only passwords: username + '{PASSWORD_SUFFIX}'): {usernames}"
            )
