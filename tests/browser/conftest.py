"""The real-browser harness: Playwright for Python drives Chromium against the live server.

* The browser is Debian's Chromium (`/usr/bin/chromium`, or the one `CHROMIUM_PATH` names);
  Playwright never downloads one. `make browser-deps` (a prerequisite of `make test`) installs
  it with apt where it is missing, and axe-core from the npm registry into `.cache/browser/`.
* One browser per test process (session scope), so the tests also run under pytest-xdist.
* The site is pytest-django's `live_server` on a free port with a fresh test database; each
  test builds its own data, and the database is restored after it (serialized rollback keeps
  what the migrations created: locales, the home page, sectors, the consent text).
* django-q2 runs its jobs inline, so the e-mails of a booking are in `mail.outbox` when the
  page that made it has loaded; absolute links in them point at the live server.
* On failure, every page the test opened is saved as a screenshot, with its console messages,
  failed requests and error responses, under `test-artifacts/`.
"""

import os

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is intended (the test thread only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import re
import shutil
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from django_q.conf import Conf
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from cluster_pages.models import County
from tests import factories
from tests.browser.pages import PageLog
from tests.event_booking.form_helpers import english_event
from tests.site.conftest import build_site_content, document, logo  # noqa: F401  (shared fixtures)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
DEFAULT_AXE = ROOT / ".cache" / "browser" / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Viewports: a common phone, the narrowest phone the site supports, and a laptop.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
NARROW = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
SIZES = {"phone": PHONE, "narrow": NARROW, "desktop": DESKTOP}
ACCEPT_LANGUAGE = {"hu": "hu-HU", "en": "en-GB"}


def chromium_path() -> str:
    """The Chromium to drive: `CHROMIUM_PATH`, else Debian's, else `chromium` on PATH."""
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail(
        "No Chromium found: run `make browser-deps` (installs Debian's chromium as root) or "
        "set CHROMIUM_PATH to a Chromium or Chrome executable.",
        pytrace=False,
    )


def axe_path() -> Path:
    """axe-core's `axe.min.js`: `AXE_CORE_PATH`, else what `make browser-deps` installed."""
    path = Path(os.environ.get("AXE_CORE_PATH") or DEFAULT_AXE)
    if not path.exists():
        pytest.fail(
            f"axe-core is missing at {path}: run `make browser-deps` (npm install) or set "
            "AXE_CORE_PATH to an axe.min.js.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def axe_source() -> str:
    return axe_path().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    """Remember each phase's report on the item, so fixtures can tell that the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _browser_site(settings, live_server, monkeypatch) -> None:
    """Jobs inline (django-q2 reads `sync` once, at import) and e-mail links to the server.

    Under pytest-xdist the workers share one Redis database: each gets its own key prefix,
    or a rendition cached by one worker would name an image file that exists only in that
    worker's media folder, and the other worker's page would show a broken image.
    """
    monkeypatch.setattr(Conf, "SYNC", True)
    settings.PUBLIC_BASE_URL = live_server.url
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    if settings.REDIS_URL:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        default = {**settings.CACHES["default"], "KEY_PREFIX": f"browser-{worker}"}
        settings.CACHES = {**settings.CACHES, "default": default}


@pytest.fixture
def open_page(
    request, browser: Browser, live_server
) -> Iterator[Callable[..., tuple[Page, PageLog]]]:
    """`open_page(language, size="phone")` -> (page, log) in a fresh browser context.

    The context sends the language as Accept-Language and resolves relative URLs against the
    live server. `log` collects console errors, failed requests and error responses.
    """
    opened: list[tuple[BrowserContext, Page, PageLog]] = []

    def open_(language: str = "hu", size: str = "phone") -> tuple[Page, PageLog]:
        context = browser.new_context(
            base_url=live_server.url,
            locale=ACCEPT_LANGUAGE[language],
            accept_downloads=True,
            **SIZES[size],
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        log = PageLog.attach(page)
        opened.append((context, page, log))
        return page, log

    yield open_

    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        _save_artifacts(request.node.nodeid, opened)
    for context, _page, _log in opened:
        context.close()


def _save_artifacts(nodeid: str, opened: list[tuple[BrowserContext, Page, PageLog]]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "_", nodeid)
    for number, (_context, page, log) in enumerate(opened, start=1):
        name = f"{stem}-{number}"
        try:
            page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
        except Exception as error:  # a crashed or closed page still gets its log written
            log.lines.append(f"(no screenshot: {error})")
        (ARTIFACTS / f"{name}.log").write_text(
            f"URL: {page.url}\n" + "\n".join(log.lines) + "\n", encoding="utf-8"
        )


# --- data ------------------------------------------------------------------------------------


@pytest.fixture
def bilingual_site(transactional_db, to_english) -> dict:
    """The public-site tests' content (`build_site_content`: one page of each type in both
    languages, a free event, a paid training with two runs) plus a second cluster in another
    sector and county, and a full event.

    Built per test, not as a module world: the live server needs committed rows, so these
    tests are transactional (and `module_world` refuses transactional modules).
    """
    site_content = build_site_content()
    health = factories.sector("health")
    other = factories.cluster(
        site_content["cluster_index"],
        sectors=[health],
        title="Egészségipari Klaszter",
        slug="egeszsegipari-klaszter",
        county=County.SZABOLCS_SZATMAR_BEREG,
        city="Nyíregyháza",
        summary="Gyógyászati fejlesztések.",
    )
    en_other = to_english(
        other,
        {
            "Egészségipari Klaszter": "Health Industry Cluster",
            "Gyógyászati fejlesztések.": "Medical developments.",
        },
    )
    full = factories.event(
        site_content["event_index"],
        title="Teltházas szeminárium",
        slug="teltbazas-szeminarium",
        capacity=1,
        days_ahead=20,
    )
    en_full = to_english(full, {"Teltházas szeminárium": "Sold-out seminar"})
    factories.booking(factories.offering(full), email="first@example.org")
    return {
        **site_content,
        "other_cluster": other,
        "en_other_cluster": en_other,
        "full_event": full,
        "en_full_event": en_full,
    }


@pytest.fixture
def bookable_event(home, en_home) -> dict:
    """A free upcoming event at a venue, published in Hungarian and English."""
    event = factories.event(
        factories.event_index(home),
        title="Agrár üzletember-találkozó",
        slug="agrar-talalkozo",
        venue=factories.venue(),
    )
    en_event = english_event(event, title="Agri business meeting")
    return {"event": event, "en_event": en_event}


@pytest.fixture
def paid_and_full(home, en_home, to_english) -> dict:
    """A paid training (500 EUR, two runs) and a free event whose one seat is taken, both
    published in Hungarian and English."""
    training_index = factories.training_index(home)
    training = factories.training(
        training_index,
        runs=2,
        title="Klaszterstratégia a gyakorlatban",
        slug="klaszterstrategia",
        price_eur=Decimal("500.00"),
    )
    to_english(training_index, {"Képzések": "Trainings"})
    en_training = to_english(
        training, {"Klaszterstratégia a gyakorlatban": "Cluster strategy in practice"}
    )
    event_index = factories.event_index(home)
    full = factories.event(event_index, title="Teltházas szeminárium", capacity=1)
    to_english(event_index, {"Rendezvények": "Events"})
    en_full = to_english(full, {"Teltházas szeminárium": "Sold-out seminar"})
    factories.booking(factories.offering(full), email="first@example.org")
    return {"training": training, "en_training": en_training, "full": full, "en_full": en_full}
