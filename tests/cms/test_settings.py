"""Configuration comes from the environment: production values pass Django's deploy check."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.apps import apps

PROJECT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "klaszter.example.hu",
    "DJANGO_SECURE_SSL_REDIRECT": "1",
    "DJANGO_SECURE_COOKIES": "1",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DATABASE_URL": "sqlite:////tmp/cms-deploy-check.sqlite3",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Start from the machine's environment minus the project's own settings (CI sets some).
    ours = ("DJANGO_", "REDIS_", "DATABASE_", "EMAIL_", "CORS_", "BOOKING_", "PUBLIC_", "Q_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_values_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_flags_the_development_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def read_settings(**env: str) -> dict:
    code = (
        "import json; from django.conf import settings; print(json.dumps({"
        "'cache': settings.CACHES['default']['BACKEND'],"
        "'broker': 'redis' if 'redis' in settings.Q_CLUSTER else 'orm',"
        "'engine': settings.DATABASES['default']['ENGINE'],"
        "'cors': settings.CORS_ALLOWED_ORIGINS,"
        "'email': settings.EMAIL_BACKEND,"
        "'q': [settings.Q_CLUSTER['timeout'], settings.Q_CLUSTER['retry'],"
        " settings.Q_CLUSTER['max_attempts']]}))"
    )
    result = run_manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_need_nothing_but_python():
    values = read_settings()
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["broker"] == "orm"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
    timeout, retry, max_attempts = values["q"]
    assert timeout < retry and max_attempts > 0


def test_environment_switches_to_postgresql_redis_smtp_and_cors_origins():
    values = read_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_URL="smtp://user:secret@mail.example.org:587",
        CORS_ALLOWED_ORIGINS="https://app.example.org, https://partner.example.com",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["broker"] == "redis"
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["cors"] == ["https://app.example.org", "https://partner.example.com"]


def test_the_workflow_plugins_test_app_is_installed_for_the_tests_only(tmp_path):
    """`tests.workflow_testapp` comes with `tests/settings.py`, never with `cms.settings`."""
    code = "from django.apps import apps; print(apps.is_installed('tests.workflow_testapp'))"
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"

    production = run_manage("shell", "-c", code, DATABASE_URL=database)
    check = run_manage("makemigrations", "--check", "--dry-run", DATABASE_URL=database)

    assert production.stdout.strip().splitlines()[-1] == "False", production.stderr
    assert check.returncode == 0, check.stdout + check.stderr
    assert apps.is_installed("tests.workflow_testapp")  # this run's settings
