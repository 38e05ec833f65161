"""`make screenshots`: fresh pictures of the site for the README, under docs/screenshots/.

Builds the demo site in a scratch SQLite database (migrate, seed_demo, configure_site), serves
it with `runserver` on a free local port, and photographs it with Debian's Chromium (or
CHROMIUM_PATH) through Playwright: the public site in Hungarian and English at phone and
desktop size, and the organisers' booking screen in the admin. Nothing here is a test; the
scratch folder is removed at the end. PNGs are reduced to 256 colours to keep them small.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def demo_addresses(env: dict[str, str]) -> dict[str, dict[str, str]]:
    """Page addresses by language: home, clusters, one event, one training (from the demo)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from cluster_pages.models import ClusterIndexPage
    from event_booking.models import EventPage
    from training_catalog.models import TrainingPage

    addresses = {}
    for language in ("hu", "en"):

        def first(model: type, language: str = language) -> str:
            page = model.objects.live().filter(locale__language_code=language).order_by("path")
            return page.first().url

        addresses[language] = {
            "home": f"/{language}/",
            "clusters": first(ClusterIndexPage),
            "event": first(EventPage),
            "training": first(TrainingPage),
        }
    return addresses


def shoot(page: Page, path: Path) -> None:
    from PIL import Image

    page.screenshot(path=path)
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)
    print(f"  {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")


def main() -> None:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cms-screenshots-") as scratch:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings",
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{scratch}/db.sqlite3",
            "MEDIA_ROOT": f"{scratch}/media",
            "PUBLIC_BASE_URL": base,
            "REDIS_URL": "",
            "EMAIL_URL": "dummy:",
            "LOG_LEVEL": "WARNING",
        }
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo", "-v", "0")
        manage(env, "configure_site")
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(f"{base}/hu/")
            addresses = demo_addresses(env)
            from cms.demo.users import demo_password  # Django is set up by demo_addresses

            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                for language, pages in addresses.items():
                    for size, options in (("phone", PHONE), ("desktop", DESKTOP)):
                        context = browser.new_context(base_url=base, **options)
                        page = context.new_page()
                        for name, address in pages.items():
                            page.goto(address)
                            shoot(page, OUT / f"{language}-{name}-{size}.png")
                        context.close()
                context = browser.new_context(base_url=base, **DESKTOP)
                page = context.new_page()
                page.goto("/admin/login/")
                page.locator("#id_username").fill("organiser")
                page.locator("#id_password").fill(demo_password("organiser"))
                page.locator("#id_password").press("Enter")
                page.wait_for_url(f"{base}/admin/")
                page.goto("/admin/bookings/")
                shoot(page, OUT / "admin-bookings-desktop.png")
                page.locator("table.listing tbody a").first.click()
                page.wait_for_load_state()
                shoot(page, OUT / "admin-offering-desktop.png")
                context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = sum(path.stat().st_size for path in OUT.glob("*.png"))
    print(f"docs/screenshots: {total // 1024} KB in all")


if __name__ == "__main__":
    main()
