"""Settings of the cluster CMS, configured by environment variables only.

Every variable is documented in README.md and `.env.example`. The defaults make a newcomer's
machine work with nothing but Python: a SQLite file, the database cache, django-q2's ORM broker
and e-mails printed to the console. Production sets ``DJANGO_SECRET_KEY``,
``DJANGO_ALLOWED_HOSTS``, ``DATABASE_URL``, ``REDIS_URL``, ``EMAIL_URL`` and ``PUBLIC_BASE_URL``.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
import sentry_sdk
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _
from sentry_sdk.integrations.django import DjangoIntegration

from cms.logs import console_logging

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


def bucket_origins(
    *, bucket: str, custom_domain: str | None, endpoint_url: str | None, region: str | None
) -> list[str]:
    """The origins a browser loads images from when uploads are in an S3-compatible bucket.

    The custom domain (a CDN) when there is one; else the endpoint's origin (MinIO, Ceph and other
    S3-compatible stores answer with path-style URLs there); else AWS's virtual-host names.
    """
    if custom_domain:
        return [f"https://{custom_domain}"]
    if endpoint_url:
        parts = urlsplit(endpoint_url)
        return [f"{parts.scheme}://{parts.netloc}"]
    regional = [f"https://{bucket}.s3.{region}.amazonaws.com"] if region else []
    return [f"https://{bucket}.s3.amazonaws.com", *regional]


DEBUG = env_bool("DJANGO_DEBUG", False)

# Without DJANGO_SECRET_KEY a development-only key is used; `manage.py check --deploy` flags it.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "django-insecure-development-key-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# The project's own apps.
PROJECT_APPS = ["cms", "cluster_pages", "training_catalog", "event_booking", "agency_services"]
# The apps whose `jobs.SCHEDULES` `manage.py setup_schedules` upserts: ours and the workflow
# plugin's (its notice e-mail sweep).
SCHEDULE_APPS = [*PROJECT_APPS, "cms.workflow"]

INSTALLED_APPS = [
    *PROJECT_APPS,
    # The workflow plugin (it knows no page type of ours; see CMS_WORKFLOW below). Its tests'
    # page type (`tests.workflow_testapp`) is added by the test settings, `tests/settings.py`.
    "cms.workflow",
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
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that every log line of the request (and gunicorn's access line) carries its id.
    "cms.request_id.RequestIdMiddleware",
    # A memo per request for lookups repeated while it is answered (cms/request_memo.py).
    "cms.request_memo.RequestMemoMiddleware",
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
    # The Content-Security-Policy header of the public site (CONTENT_SECURITY_POLICY below).
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Anonymous readers' pages and API responses from the cache (cms/page_cache): inside the
    # session, CSRF, message and CSP middlewares, so a hit gets the reader's own CSRF cookie
    # and headers; a hit runs no view.
    "cms.page_cache.middleware.PageCacheMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
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
                # {{ CSP_NONCE }} for an inline <script nonce="..."> (the site has none today).
                "csp.context_processors.nonce",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# Persistent connections about halve request time on PostgreSQL (measured with gunicorn and wrk):
# each web thread keeps its connection DB_CONN_MAX_AGE seconds (0: one per request), and with
# DB_CONN_HEALTH_CHECKS a kept connection is tested before a request reuses it, so a restarted
# PostgreSQL or a dropped connection costs a reconnect, not an error page. SQLite keeps its
# connections too: opening one (Django registers its SQL functions, then the PRAGMA below) cost
# the trivial benchmark view four fifths of its time (about 360 instead of 1,370 req/s).
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock instead of failing at once with "database is locked", and
    # transactions take the write lock when they start (BEGIN IMMEDIATE), which serialises
    # bookings on SQLite the way the row lock does on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
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
            "BACKEND": "cms.database_cache.DatabaseCache",
            "LOCATION": "cms_cache",
            # The page cache keeps an entry per page and query string, and a version per tag:
            # Django's default of 300 entries would cull them all the time.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "50000"))},
        },
        # Wagtail writes a rendition's cache entry again each time a template shows the image:
        # with the database cache, a write (three queries) per image per page view, and SQLite
        # serialises writers. Without Redis, no rendition cache: a rendition is then found in
        # the database (one read, or none where a listing prefetches its images' renditions).
        # A per-process memory cache would be faster but could keep a deleted rendition.
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }

# The page cache (cms/page_cache, README "Caching"): anonymous readers' pages and API responses,
# in the cache above (never a per-process memory cache: every web process must see an
# invalidation), invalidated by tags when what they show changes; PAGE_CACHE_SECONDS is the
# longest an entry lives (things that change by the clock alone, e.g. "upcoming" events).
PAGE_CACHE = {
    "ENABLED": env_bool("PAGE_CACHE", True),
    "ALIAS": "default",
    "TIMEOUT": int(os.environ.get("PAGE_CACHE_SECONDS", "300")),
    # A page rendered up to this long before a change it shows is not stored (store.py).
    "CLOCK_SKEW_SECONDS": 1.0,
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
# The organisation's name in the reader's language (lazy): booking e-mails put it in their
# header, signature and sender's display name (the sender's address is DEFAULT_FROM_EMAIL's).
ORGANISATION_NAME = _("North Great Plain Cluster Centre")
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
# cms/formats/en: 24-hour times in English too.
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Budapest"
USE_I18N = True
USE_TZ = True

# A translation is published only by its own approval, never because its source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The workflow plugin (cms/workflow): who approves content in each language. Its migrations
# create the groups named here and the workflow on each home page; see README "Workflow plugin".
CMS_WORKFLOW = {
    "REVIEW_GROUPS": {"hu": "Moderators", "en": "Translation reviewers"},
    "WORKFLOW_NAME": "Cluster site",
    # Who hears of the translation loop's work (a Hungarian change to translate) and sees the
    # dashboard's "To translate" panel for a language.
    "TRANSLATOR_GROUPS": {"en": "Translators"},
    # The headless front end's preview page per language (a signed token is appended as
    # ?token=..., or replaces "{token}"); an empty one offers no preview link in that language.
    "PREVIEW_URLS": {
        "hu": os.environ.get("PREVIEW_URL_HU", ""),
        "en": os.environ.get("PREVIEW_URL_EN", ""),
    },
    "PREVIEW_MAX_AGE": int(os.environ.get("PREVIEW_MAX_AGE", "3600")),
    # Where plain "Approve" on a Hungarian revision holds it until its English translation is
    # approved, then publishes both at once (cms/workflow/together.py): page types or snippet
    # models (app_label.model) and sections (Hungarian URL paths below the home page), comma
    # separated. Cluster profiles by default: the page a cluster shows abroad must not say
    # something else in English. Elsewhere the moderator chooses per approval.
    "PUBLISH_WITH_TRANSLATION": {
        "types": env_list("PUBLISH_WITH_TRANSLATION_TYPES", "cluster_pages.clusterprofilepage"),
        "sections": env_list("PUBLISH_WITH_TRANSLATION_SECTIONS", ""),
    },
}
# wagtail-localize's background jobs (subtree translation) on django-q2, enqueued on commit.
WAGTAILLOCALIZE_JOBS = {"BACKEND": "cms.workflow.localize_jobs.DjangoQ2Backend"}
# An approved workflow publishes without a second, per-model permission check (snippets'
# publish permission is not per language): see cms/workflow/finish.py.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow.finish.publish_approved"

# --- Static and media files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads (images, documents) stay in MEDIA_ROOT unless AWS_STORAGE_BUCKET_NAME names an
# S3-compatible bucket (AWS, MinIO, Ceph, ...), which several web machines must share (README,
# "Deployment"). Credentials are read by boto3 from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
# (or the machine's role), never from this file.
MEDIA_MAX_AGE = int(os.environ.get("MEDIA_MAX_AGE", "86400"))
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", ""),
            # Image URLs are plain and stable (no expiring signature), so pages that show them
            # can be cached; the bucket policy makes only the image folders public (README).
            "querystring_auth": False,
            "default_acl": None,
            # Wagtail expects a new upload never to replace another file of the same name.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": f"public, max-age={MEDIA_MAX_AGE}"},
        },
    }
    # Where browsers fetch the images from: the Content-Security-Policy (below) allows it.
    MEDIA_ORIGINS = bucket_origins(
        bucket=AWS_STORAGE_BUCKET_NAME,
        custom_domain=_MEDIA_STORAGE["OPTIONS"]["custom_domain"],
        endpoint_url=_MEDIA_STORAGE["OPTIONS"]["endpoint_url"],
        region=_MEDIA_STORAGE["OPTIONS"]["region_name"],
    )
else:
    _MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    MEDIA_ORIGINS = []
STORAGES = {
    "default": _MEDIA_STORAGE,
    "staticfiles": {
        # Production sets DJANGO_STATIC_MANIFEST=1 after `collectstatic` for cache-busting names.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Images under /media/ are served by Django itself (cms/media.py) unless a front web server
# or the bucket does it; documents never are (WAGTAILDOCS_SERVE_METHOD below). Served images
# may be kept MEDIA_MAX_AGE seconds by browsers and proxies (then revalidated by date).
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Észak-alföldi Klaszterközpont"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# No Gravatar: the admin would send a hash of each user's e-mail address to a third party
# on every page (and show a failed request where there is no internet).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
# Alt text (the image's description) is required on upload and edit; see cms/forms.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.forms.AltTextRequiredImageForm"
# Documents are served only by Wagtail's view (/documents/<id>/<name>), which checks the view
# restrictions of their collection; never from MEDIA_ROOT (cms/media.py, README).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
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
# Fees are net prices; bookers see the VAT added at this rate (0: no VAT shown).
BOOKING_VAT_PERCENT = os.environ.get("BOOKING_VAT_PERCENT", "27").strip() or "0"
# Per-IP limit of the booking API (DRF rate, e.g. "20/minute"); an empty value turns it off.
BOOKING_RATE_LIMIT = os.environ.get("BOOKING_RATE_LIMIT", "20/minute").strip()
# Per-IP limit of posts of the public consultation request form (agency_services.views).
CONSULTATION_RATE_LIMIT = os.environ.get("CONSULTATION_RATE_LIMIT", "10/hour").strip()
SPECTACULAR_SETTINGS = {
    "TITLE": "Cluster CMS API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["cms.openapi.only_own_endpoints"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.openapi.document_pages_api",
    ],
}

# --- Login protection (django-axes; cms/login_protection.py) --------------------------------
# The lockout check comes first and logs nobody in; ModelBackend does the logging in.
AUTHENTICATION_BACKENDS = [
    "cms.login_protection.LoginAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# LOGIN_FAILURE_LIMIT failed logins lock for LOGIN_LOCKOUT_MINUTES what LOGIN_LOCKOUT_BY names:
# by default a username from one IP address, so an attacker cannot lock a user out everywhere.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [
    [part.strip() for part in group.split("+")] if "+" in group else group.strip()
    for group in env_list("LOGIN_LOCKOUT_BY", "username+ip_address")
]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.login_protection.lockout_response"
# The client address as the booking API's rate limit sees it: X-Forwarded-For only when
# DJANGO_NUM_PROXIES proxies are trusted to set it, else REMOTE_ADDR (a header is forged freely).
AXES_IPWARE_PROXY_COUNT = REST_FRAMEWORK["NUM_PROXIES"]
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)

# --- Security -------------------------------------------------------------------------------
# HTTPS settings default to what a plain-HTTP development machine needs; production turns
# them on (see .env.example), after which `manage.py check --deploy` reports nothing.
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
# Load balancers probe over plain HTTP inside the network; a redirect would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Wagtail's live preview shows the page in a same-origin iframe, so X_FRAME_OPTIONS must stay
# SAMEORIGIN rather than DENY; the deploy check's advice does not apply.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Content-Security-Policy of the public site (django-csp): scripts, styles, images, fonts and
# media from this site only, no inline script without the request's nonce, no inline style,
# forms post to this site, and no other site may frame a page. The public templates hold no
# inline script or `style=` attribute (tests/cms/test_security_csp.py parses every page type).
# The Wagtail admin is exempt: its editor runs inline scripts and styles of its own (and it
# shows previews in a same-origin frame), so this policy would break it; it is behind a login.
# CSP_REPORT_ONLY=1 sends the policy as Content-Security-Policy-Report-Only instead (to try a
# change on a live site), CSP_REPORT_URI names where browsers report violations.
_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, *MEDIA_ORIGINS],
    "media-src": [SELF],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
if os.environ.get("CSP_REPORT_URI"):
    _CSP_DIRECTIVES["report-uri"] = [os.environ["CSP_REPORT_URI"]]
_CSP = {"EXCLUDE_URL_PREFIXES": ["/admin/"], "DIRECTIVES": _CSP_DIRECTIVES}
# (Not named CSP_REPORT_ONLY here: django-csp's check takes CSP_* settings for its old format.)
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = None, _CSP
else:
    CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP, None

# --- Logs and error reports -------------------------------------------------------------------
# One JSON object per line (LOG_FORMAT=json, the default unless DJANGO_DEBUG) with the time, level,
# logger, message and the request's id (cms/request_id.py), for a log collector; LOG_FORMAT=text
# gives plain lines for a terminal. gunicorn.conf.py sends gunicorn's own lines the same way.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    **console_logging(json_lines=LOG_FORMAT == "json"),
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-tasks logs every in-request Wagtail task (search and reference index) at INFO.
    "loggers": {"django.db.backends": {"level": "INFO"}, "django_tasks": {"level": "WARNING"}},
}

# Errors (unhandled exceptions, logged errors) go to Sentry when SENTRY_DSN is set; without it
# nothing is sent anywhere. No personal data: bookings hold names and e-mail addresses, so request
# bodies, cookies and users are not sent (send_default_pii off).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
        # Request bodies neither: a failed booking POST carries a name and an e-mail address.
        max_request_body_size="never",
    )
