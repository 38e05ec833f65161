"""Configuration comes from the environment: production values pass Django's deploy check."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.apps import apps

PROJECT = Path(__file__).resolve().parents[2]


def env_example() -> dict[str, str]:
    """The production values `.env.example` documents (commented-out lines left out)."""
    lines = (PROJECT / ".env.example").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    return {name.strip(): value.strip() for name, value in pairs}


# What an operator copies from .env.example, with a real secret; the database is a scratch file
# (the deploy check does not connect to PostgreSQL or Redis).
PRODUCTION = {
    **env_example(),
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "sqlite:////tmp/cms-deploy-check.sqlite3",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # Start from the machine's environment minus the project's own settings (CI sets some).
    ours = (
        *("DJANGO_", "REDIS_", "DATABASE_", "EMAIL_", "CORS_", "BOOKING_", "PUBLIC_", "Q_"),
        *("DB_", "AWS_", "SENTRY_", "LOG_", "MEDIA_", "SERVE_MEDIA"),
    )
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
        " settings.Q_CLUSTER['max_attempts']],"
        "'conn': [settings.DATABASES['default']['CONN_MAX_AGE'],"
        " settings.DATABASES['default']['CONN_HEALTH_CHECKS']],"
        "'media': settings.STORAGES['default'],"
        "'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
        "'serve_media': settings.SERVE_MEDIA,"
        "'log': settings.LOGGING['handlers']['console']['formatter'],"
        "'sentry': __import__('sentry_sdk').get_client().is_active(),"
        "'pii': __import__('sentry_sdk').get_client().options.get('send_default_pii'),"
        "'bodies': __import__('sentry_sdk').get_client().options.get('max_request_body_size')}))"
    )
    result = run_manage("shell", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_need_nothing_but_python():
    values = read_settings()
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["cache"] == "cms.database_cache.DatabaseCache"
    assert values["broker"] == "orm"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
    timeout, retry, max_attempts = values["q"]
    assert timeout < retry and max_attempts > 0
    assert values["media"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert values["serve_media"] is True
    assert values["sentry"] is False
    assert values["log"] == "json"
    assert values["conn"] == [60, True]  # kept on SQLite too: opening one costs a request


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
    assert values["conn"] == [60, True]


def test_database_connections_are_kept_and_checked_unless_the_environment_says_otherwise():
    # Kept 60 s and checked before reuse: test_environment_switches_to_postgresql_... above.
    per_request = read_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/test",
        DB_CONN_MAX_AGE="0",
        DB_CONN_HEALTH_CHECKS="0",
    )
    assert per_request["conn"] == [0, False]


def test_uploads_go_to_an_s3_bucket_when_one_is_named():
    # Without one, MEDIA_ROOT on the local disk: test_defaults_need_nothing_but_python above.
    bucket = read_settings(
        AWS_STORAGE_BUCKET_NAME="cms-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.hu",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
    )

    assert bucket["media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = bucket["media"]["OPTIONS"]
    assert options["bucket_name"] == "cms-media"
    assert options["endpoint_url"] == "https://s3.example.hu"
    # Stable image URLs (no expiring signature), no overwriting, and no secret in the settings.
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert "secret" not in json.dumps(bucket["media"])
    assert bucket["serve_media"] is False
    # The public pages may show images from the bucket (Content-Security-Policy).
    assert bucket["img_src"] == ["'self'", "https://s3.example.hu"]


def test_errors_reach_sentry_with_a_dsn_and_without_personal_data():
    # Without SENTRY_DSN nothing is sent: test_defaults_need_nothing_but_python above.
    with_dsn = read_settings(SENTRY_DSN="https://public@127.0.0.1:9/1")
    assert with_dsn["sentry"] is True
    assert with_dsn["pii"] is False
    assert with_dsn["bodies"] == "never"


def test_development_logs_plain_text_lines():
    # Production writes JSON lines: test_defaults_need_nothing_but_python above.
    assert read_settings(DJANGO_DEBUG="1")["log"] == "text"


def test_the_workflow_plugins_test_app_is_installed_for_the_tests_only(tmp_path):
    """`tests.workflow_testapp` comes with `tests/settings.py`, never with `cms.settings`."""
    code = "from django.apps import apps; print(apps.is_installed('tests.workflow_testapp'))"
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"

    production = run_manage("shell", "-c", code, DATABASE_URL=database)
    check = run_manage("makemigrations", "--check", "--dry-run", DATABASE_URL=database)

    assert production.stdout.strip().splitlines()[-1] == "False", production.stderr
    assert check.returncode == 0, check.stdout + check.stderr
    assert apps.is_installed("tests.workflow_testapp")  # this run's settings
