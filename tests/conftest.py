"""Shared fixtures and the test run's settings.

- Tests marked `postgres` run only when the database is PostgreSQL; on SQLite they are
  deselected with a notice (printed by the controller when pytest-xdist runs the suite).
- `--reuse-db` (`make test-fast`) keeps a file-based SQLite test database per xdist worker
  under `.pytest-db/`; without it the test database is built fresh, in memory.
- Passwords are hashed with MD5 (the real hasher costs ~0.3 s per login; tests do not need it)
  and, with Redis, each xdist worker caches in a Redis database of its own.
- `module_world`: a transaction around a test module, for read-only worlds built once per
  module (see its docstring).
"""

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections, transaction
from django.test import override_settings

from tests import factories

LOCAL_MEMORY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
_POSTGRES_DESELECTED = "postgres_deselected"
_deselected_by_workers: dict[str, int] = {}  # filled in the xdist controller


def _is_sqlite() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


def _postgres_notice(count: int) -> str:
    return (
        f"NOTICE: {count} test(s) marked 'postgres' deselected: the database is SQLite. "
        "Run with DATABASE_URL=postgres://... (CI does) to run them."
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("reuse_db", False) and not _is_sqlite():
        # The PostgreSQL-only tests flush the database they ran on; a kept database would
        # start the next run without the rows the migrations create.
        raise pytest.UsageError("--reuse-db (make test-fast) is for the SQLite test database.")


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering (transactional tests last)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run each module's `module_world` tests after its other tests; deselect PostgreSQL-only
    tests on SQLite, and say so: they run in CI's PostgreSQL pass."""
    items[:] = _world_tests_last(items)
    _refuse_transactional_tests_that_lose_the_migrated_rows(items)
    if not _is_sqlite():
        return
    postgres_only = [item for item in items if item.get_closest_marker("postgres")]
    if not postgres_only:
        return
    items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    config.hook.pytest_deselected(items=postgres_only)
    if hasattr(config, "workeroutput"):
        # An xdist worker: its output is not shown; the controller prints the notice.
        config.workeroutput[_POSTGRES_DESELECTED] = len(postgres_only)
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(_postgres_notice(len(postgres_only)), yellow=True)
    else:
        print(_postgres_notice(len(postgres_only)))


def _world_tests_last(items: list[pytest.Item]) -> list[pytest.Item]:
    """Within each run of a module's tests, those using `module_world` come last (stable).

    A module's world lives until the module's last test: a test that does not ask for it must
    run before it is built, or it would find the world's pages in its way.
    """
    ordered: list[pytest.Item] = []
    for _module, run in itertools.groupby(items, key=lambda item: getattr(item, "module", None)):
        run = list(run)
        ordered += [item for item in run if "module_world" not in item.fixturenames]
        ordered += [item for item in run if "module_world" in item.fixturenames]
    return ordered


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """xdist controller: remember what the workers deselected (each collects the same tests)."""
    count = getattr(node, "workeroutput", {}).get(_POSTGRES_DESELECTED)
    if count:
        _deselected_by_workers["postgres"] = count


def pytest_terminal_summary(terminalreporter) -> None:
    if count := _deselected_by_workers.get("postgres"):
        terminalreporter.write_line(_postgres_notice(count), yellow=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request) -> None:
    """With --reuse-db, keep the SQLite test database in a file (one per xdist worker).

    pytest-django names PostgreSQL test databases per worker (test_<name>_gw0, ...) itself.
    """
    if not (request.config.getoption("reuse_db") and _is_sqlite()):
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
    folder = Path(settings.BASE_DIR) / ".pytest-db"
    folder.mkdir(exist_ok=True)
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(folder / f"{worker}.sqlite3")


def _worker_number(config: pytest.Config) -> int:
    """0 without pytest-xdist, else N of the worker gwN."""
    worker = getattr(config, "workerinput", {}).get("workerid", "gw0")
    return int(worker.removeprefix("gw"))


@pytest.fixture(scope="session", autouse=True)
def _test_settings(request) -> Iterator[None]:
    """Fast password hashing; with Redis, a Redis database of its own for each xdist worker;
    the page cache off (tests/cms/test_page_cache*.py turn it on with their `page_cache`).

    Clearing a Redis cache empties its whole database (FLUSHDB), so workers sharing one would
    clear each other's entries mid-test: worker N uses database (REDIS_URL's + N) mod 16.
    """
    overrides: dict = {
        "PASSWORD_HASHERS": FAST_HASHERS,
        "PAGE_CACHE": {**settings.PAGE_CACHE, "ENABLED": False},
    }
    if settings.REDIS_URL:
        url = urlsplit(settings.REDIS_URL)
        database = (int(url.path.strip("/") or 0) + _worker_number(request.config)) % 16
        cache = {
            **settings.CACHES["default"],
            "LOCATION": url._replace(path=f"/{database}").geturl(),
        }
        overrides["CACHES"] = {**settings.CACHES, "default": cache}
    with override_settings(**overrides):
        yield


@pytest.fixture(scope="module")
def module_world(request, django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Path]:
    """A transaction around the module, rolled back when its last test is done.

    A module-scoped fixture that requests this builds its world once for the module instead of
    once per test; each test then runs in its own nested transaction (pytest-django's `db`), as
    with Django's `setUpTestData`, so a test that writes still leaves the world unchanged for
    the next one. Such a fixture should hand tests copies (`copy.deepcopy`) of the objects;
    the module's tests that do not use the world run before it is built (see
    `_world_tests_last`), and the module may hold no transactional test (refused here). Files
    the world uploads go to the returned folder; each test of the module gets a copy of it as
    its MEDIA_ROOT.
    """
    for item in request.session.items:
        if getattr(item, "module", None) is request.module and _is_transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid} is transactional: it cannot share a module_world module."
            )
    media = tmp_path_factory.mktemp("world-media")
    caches = {} if settings.REDIS_URL else {"CACHES": LOCAL_MEMORY_CACHE}  # as `_fresh_cache`
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, **caches),
        transaction.atomic(),
    ):
        yield media
        transaction.set_rollback(True)


def _refuse_transactional_tests_that_lose_the_migrated_rows(items: list[pytest.Item]) -> None:
    """A transactional test empties every table when it ends, the rows the migrations made
    included (root and home pages, locales, groups, the consent text): every later test on
    that worker would then fail. With `serialized_rollback=True` they are put back first."""
    for item in items:
        if not _is_transactional(item):
            continue
        marker = item.get_closest_marker("django_db")
        restores = (marker and marker.kwargs.get("serialized_rollback")) or (
            "django_db_serialized_rollback" in getattr(item, "fixturenames", ())
        )
        if not restores:
            raise pytest.UsageError(
                f"{item.nodeid} is transactional: mark it "
                "@pytest.mark.django_db(transaction=True, serialized_rollback=True)."
            )


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


@pytest.fixture(autouse=True)
def _media_in_tmp(request, settings, tmp_path):
    """Keep uploaded images and renditions out of the project's media folder.

    In a module with a `module_world`, each test starts from a copy of the world's files.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    if "module_world" in request.fixturenames:
        shutil.copytree(request.getfixturevalue("module_world"), settings.MEDIA_ROOT)


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty cache: Redis when REDIS_URL is set (CI), else memory;
    and as a fresh web process (nothing kept across requests: cms/shared_lookups.py)."""
    if not settings.REDIS_URL:
        settings.CACHES = LOCAL_MEMORY_CACHE
    from django.core.cache import cache

    from cms import shared_lookups

    cache.clear()
    shared_lookups.forget()


@pytest.fixture
def home(db):
    """The Hungarian home page that the migrations create as the default site's root."""
    return factories.hungarian_home()


@pytest.fixture
def en_home(home):
    """The English home page, translated from the Hungarian one through wagtail-localize."""
    return factories.english_home()


@pytest.fixture
def to_english(db):
    """`factories.to_english`, for tests that take it as a fixture."""
    return factories.to_english


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """pytest-django's test database set-up, whose migrated rows then survive every connection.

    `serialized_rollback` puts the migrated rows back from `_test_serialized_contents`, an
    attribute of the connection object that built the test database. Seen here on PostgreSQL:
    once a browser test had run (Playwright's sync API runs an event loop in this thread, and
    Django's `connections` is per context), transactional tests found a connection object
    without that attribute and started from empty tables. Kept on the connection's class, the
    contents are found from every connection object.
    """
    for alias in connections:
        connection = connections[alias]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents
    return django_db_setup


@pytest.fixture
def database_cache(settings):
    """The cache of cms/settings.py without REDIS_URL: the database cache (cms/database_cache.py,
    its table made), renditions not cached."""
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.database_cache.DatabaseCache",
            "LOCATION": "cms_cache",
        },
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    call_command("createcachetable", verbosity=0)
    return settings.CACHES
