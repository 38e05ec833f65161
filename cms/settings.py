"""Settings of the cluster CMS, configured by environment variables only.

Every variable is documented in README.md and `.env.example`. The defaults make a newcomer's
machine work with nothing but Python: a SQLite file, the database cache, django-q2's ORM broker
and e-mails printed to the console. Production sets ``DJANGO_SECRET_KEY``,
``DJANGO_ALLOWED_HOSTS``, ``DATABASE_URL``, ``REDIS_URL``, ``EMAIL_URL`` and ``PUBLIC_BASE_URL``.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable into a list without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

# Without DJANGO_SECRET_KEY a development-only key is used; `manage.py check --deploy` flags it.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-development-key-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# The project's own apps; `setup_schedules` reads each one's `jobs.SCHEDULES`.
PROJECT_APPS = ["cms", "cluster_pages", "training_catalog", "event_booking"]

INSTALLED_APPS = [
    *PROJECT_APPS,
    # The workflow plugin (it knows no page type of ours; see CMS_WORKFLOW below), and the
    # minimal page type its tests use (not creatable in the admin, so harmless here).
    "cms.workflow",
    "tests.workflow_testapp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "django_q",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Our subclass of Django's LocaleMiddleware: it leaves the API and other unprefixed
    # routes alone, so an unknown API id answers 404 instead of a redirect to /hu/api/...
    "cms.middleware.PrefixedLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# Persistent connections halve request time on PostgreSQL (see FACTS); SQLite ignores them.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock instead of failing at once with "database is locked", and
    # transactions take the write lock when they start (BEGIN IMMEDIATE), which serialises
    # bookings on SQLite the way the row lock does on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# --- Cache and task broker ------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cms",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cms_cache",
        }
    }

# django-q2: every job is idempotent (see each app's jobs.py), because the ORM broker delivers
# at least once and the Redis broker at most once. `timeout` stays below `retry` so that a task
# still running is never handed to a second worker.
Q_CLUSTER = {
    "name": "cms",
    "workers": int(os.environ.get("Q_WORKERS", "2")),
    "timeout": 60,
    "retry": 120,
    "max_attempts": 3,
    "catch_up": False,
    "save_limit": 500,
    "label": _("Background jobs"),
    "sync": env_bool("Q_SYNC", False),
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console:")
vars().update(dj_email_url.parse(EMAIL_URL))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Klaszterközpont <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that hangs must not hold a job past django-q2's `timeout` (60 s).
EMAIL_TIMEOUT = vars().get("EMAIL_TIMEOUT") or 20

# --- Booking jobs (event_booking/jobs.py) ---------------------------------------------------
# Personal data of a booking is blanked this many days after its offering ended.
BOOKING_ANONYMISE_AFTER_DAYS = int(os.environ.get("BOOKING_ANONYMISE_AFTER_DAYS", "90"))
# A booking e-mail is tried this many times, the pauses growing fourfold from
# BOOKING_EMAIL_RETRY_SECONDS (1, 4, 16, 64 minutes), then marked failed for the organisers.
BOOKING_EMAIL_MAX_ATTEMPTS = int(os.environ.get("BOOKING_EMAIL_MAX_ATTEMPTS", "5"))
BOOKING_EMAIL_RETRY_SECONDS = int(os.environ.get("BOOKING_EMAIL_RETRY_SECONDS", "60"))

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------------
# Hungarian is the source language. It must be the LANGUAGE_CODE before the first migrate:
# Wagtail's own migration creates the first locale (and the root page's) from it.
LANGUAGE_CODE = "hu"
LANGUAGES = [("hu", "Magyar"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Budapest"
USE_I18N = True
USE_TZ = True

# A translation is published only by its own approval, never because its source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The workflow plugin (cms/workflow): who approves content in each language. Its migrations
# create the groups named here and the workflow on the root page; see README "Workflow plugin".
CMS_WORKFLOW = {
    "REVIEW_GROUPS": {"hu": "Moderators", "en": "Translation reviewers"},
    "WORKFLOW_NAME": "Cluster site",
}

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Production sets DJANGO_STATIC_MANIFEST=1 after `collectstatic` for cache-busting names.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Media is served by Django itself (see urls.py) unless a front web server does it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Észak-alföldi Klaszterközpont"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
# Alt text (the image's description) is required on upload and edit; see cms/forms.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.forms.AltTextRequiredImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILAPI_BASE_URL = PUBLIC_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- API and CORS ---------------------------------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Proxies in front of the app whose X-Forwarded-For is trusted (0: use REMOTE_ADDR), so
    # the booking API's per-IP rate limit cannot be dodged with a forged header.
    "NUM_PROXIES": int(os.environ.get("DJANGO_NUM_PROXIES", "0")),
}
# Per-IP limit of the booking API (DRF rate, e.g. "20/minute"); an empty value turns it off.
BOOKING_RATE_LIMIT = os.environ.get("BOOKING_RATE_LIMIT", "20/minute").strip()
SPECTACULAR_SETTINGS = {
    "TITLE": "Cluster CMS API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["cms.openapi.only_own_endpoints"],
}

# --- Security -------------------------------------------------------------------------------
# HTTPS settings default to what a plain-HTTP development machine needs; production turns
# them on (see .env.example), after which `manage.py check --deploy` reports nothing.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Wagtail's live preview shows the page in a same-origin iframe, so X_FRAME_OPTIONS must stay
# SAMEORIGIN rather than DENY; the deploy check's advice does not apply.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-tasks logs every in-request Wagtail task (search and reference index) at INFO.
    "loggers": {"django.db.backends": {"level": "INFO"}, "django_tasks": {"level": "WARNING"}},
}
