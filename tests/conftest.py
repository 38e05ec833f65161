"""Shared fixtures. Tests marked `postgres` run only when the database is PostgreSQL."""

import pytest
from django.conf import settings
from wagtail.models import Page

from cms.translation import translate_instance
from tests import factories


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect PostgreSQL-only tests on SQLite, and say so: they run in CI's PostgreSQL pass."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    postgres_only = [item for item in items if item.get_closest_marker("postgres")]
    if not postgres_only:
        return
    items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    config.hook.pytest_deselected(items=postgres_only)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    notice = (
        f"NOTICE: {len(postgres_only)} test(s) marked 'postgres' deselected: the database is "
        "SQLite. Run with DATABASE_URL=postgres://... (CI does) to run them."
    )
    if reporter:
        reporter.write_line(notice, yellow=True)
    else:
        print(notice)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Keep uploaded images and renditions out of the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Each test starts with an empty cache: Redis when REDIS_URL is set (CI), else memory."""
    if not settings.REDIS_URL:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home(db):
    """The Hungarian home page that the migrations create as the default site's root."""
    return factories.hungarian_home()


@pytest.fixture
def en_home(home, django_capture_on_commit_callbacks):
    """The English home page, translated from the Hungarian one through wagtail-localize."""
    with django_capture_on_commit_callbacks(execute=True):
        return factories.translate(home, factories.HOME_STRINGS)


@pytest.fixture
def to_english(django_capture_on_commit_callbacks):
    """Translate a page or snippet into English through wagtail-localize, like a translator.

    `to_english(obj, {"source": "target"}, publish=True)`: strings not given become "EN ...".
    Returns the English object (the specific page, refreshed, for pages).
    """

    def translate(instance, overrides=None, publish=True):
        with django_capture_on_commit_callbacks(execute=True):
            translated = translate_instance(
                instance=instance,
                locale_code="en",
                strings=factories.english_strings(instance, overrides),
                publish=publish,
            )
        if isinstance(translated, Page):
            translated.refresh_from_db()
        return translated

    return translate
