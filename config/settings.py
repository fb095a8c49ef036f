"""Vitrine settings: one module, driven by environment variables.

The defaults run on a laptop with nothing else running (SQLite, in-memory channel
layer, local-memory cache, Celery tasks run in-process). Setting ``DATABASE_URL`` and
``REDIS_URL`` scales the same code out to PostgreSQL, Redis and Celery workers.
"""

import json
from pathlib import Path
from typing import Any

import dj_database_url

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VITRINE_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", True)
_DEV_SECRET = "django-insecure-vitrine-development-only-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when DJANGO_DEBUG is off.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "channels",
    "exhibition",
    "restoration",
    "search",
    "tours",
    "guide",
    "descriptions",
    "interop",
    "films",
    "reports",
]

MIDDLEWARE = [
    # First: its time and its log line cover every other middleware (config/metrics.py).
    "config.metrics_middleware.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.security_headers.SecurityHeadersMiddleware",
    "config.query_strings.RefuseNulInQueryStringMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before CommonMiddleware: the language comes from the URL's prefix
    # (/fr/…), and an unprefixed page is English, so a cached page never varies by header.
    "django.middleware.locale.LocaleMiddleware",
    # The admin has no /fr/ prefix: there the cookie or the browser chooses the language.
    "config.admin_language.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "interop.negotiation.LinkedArtNegotiationMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = None
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "exhibition.context_processors.site",
                "exhibition.context_processors.languages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the importer write while the site serves readers.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
# Throttle counters live in a cache of their own: pages and search copies filling the
# default cache must never evict them (that would reset every client's allowance).
THROTTLE_CACHE = "throttle"
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        THROTTLE_CACHE: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env_str("THROTTLE_REDIS_URL", REDIS_URL),
            "KEY_PREFIX": "throttle",
        },
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # The layer polls in blocking reads of 5 s: redis-py 8's default 5 s socket
            # timeout would tear every quiet WebSocket down (django/channels_redis#422).
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 15}]},
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        THROTTLE_CACHE: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "throttle",
            # One entry per client address and scope: room for a busy day's visitors.
            "OPTIONS": {"MAX_ENTRIES": env_int("THROTTLE_CACHE_ENTRIES", 100_000)},
        },
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Celery: with no broker configured, tasks run eagerly in the calling process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The site's interface languages; every string is translated (checked in `make test`).
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# model-viewer's decoders and our GLBs are binary assets WhiteNoise must type correctly.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_MIMETYPES = {".glb": "model/gltf-binary", ".wasm": "application/wasm"}

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
INDEX_DIR = Path(env_str("INDEX_DIR", str(VAR_DIR / "index")))
# Serve MEDIA_ROOT from Django itself (embedded default); behind a proxy, let it serve them.
VITRINE_SERVE_MEDIA = env_bool("VITRINE_SERVE_MEDIA", True)
# Behind nginx: an `internal` location aliased to MEDIA_ROOT (e.g. "/protected-media/").
# Django still decides who may read each file, then hands the bytes to the proxy with
# X-Accel-Redirect; the proxy must never serve MEDIA_ROOT by URL itself.
VITRINE_MEDIA_ACCEL_REDIRECT = env_str("VITRINE_MEDIA_ACCEL_REDIRECT", "")

VITRINE_COLLECTION = Path(
    env_str("VITRINE_COLLECTION", str(BASE_DIR.parent / "shared" / "data" / "collection"))
)
VITRINE_SITE_NAME = env_str("VITRINE_SITE_NAME", "Vitrine")
# Uploads and imported images are bounded in bytes and pixels.
VITRINE_MAX_IMAGE_PIXELS = env_int("VITRINE_MAX_IMAGE_PIXELS", 40_000_000)
VITRINE_MAX_UPLOAD_BYTES = env_int("VITRINE_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
VITRINE_MAX_MODEL_BYTES = env_int("VITRINE_MAX_MODEL_BYTES", 100 * 1024 * 1024)
# OBJ/PLY/STL/glTF are converted to GLB: bounded in source triangles, and decimated for
# the web above the budget (the full-resolution GLB stays downloadable).
VITRINE_MAX_MODEL_TRIANGLES = env_int("VITRINE_MAX_MODEL_TRIANGLES", 10_000_000)
MODEL_TRIANGLE_BUDGET = env_int("VITRINE_MODEL_TRIANGLE_BUDGET", 500_000)
VITRINE_TILE_SIZE = env_int("VITRINE_TILE_SIZE", 512)
# Whole public pages cached for anonymous visitors, invalidated on any collection write.
VITRINE_PAGE_CACHE = env_bool("VITRINE_PAGE_CACHE", True)
DATA_UPLOAD_MAX_MEMORY_SIZE = VITRINE_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = VITRINE_MAX_UPLOAD_BYTES

# Search (see search/): encoders, FAISS indexes and per-process thread limits.
# Pluggable engines (config/engines.py): name -> "module:Class"; a setting picks the one in use.
SEARCH_IMAGE_ENCODERS = {
    "conse": "search.encoders.conse:ConSEImageEncoder",
    "clip": "search.encoders.clip:CLIPImageEncoder",
}
SEARCH_IMAGE_ENCODER = env_str("SEARCH_IMAGE_ENCODER", "conse")  # a key of the above
# Keyword backends by database vendor: the database in use picks one.
SEARCH_KEYWORD_BACKENDS = {
    "sqlite": "search.keyword.sqlite:SQLiteKeywordBackend",
    "postgresql": "search.keyword.postgres:PostgresKeywordBackend",
}
SEARCH_CLIP_MODEL = env_str("SEARCH_CLIP_MODEL", "")  # path to a sentence-transformers CLIP
# Exact (flat) search below this many vectors; an approximate index above it.
SEARCH_EXACT_MAX_VECTORS = env_int("SEARCH_EXACT_MAX_VECTORS", 50_000)
SEARCH_INDEX_KIND = env_str("SEARCH_INDEX_KIND", "auto")  # auto, flat, hnsw, ivfpq
# Vectors upserted since the last index build are kept in a small exact delta beside it
# (edits do not rewrite the big index); past this many the next edit compacts them in.
SEARCH_DELTA_MAX_VECTORS = env_int("SEARCH_DELTA_MAX_VECTORS", 5_000)
# Each ASGI/Celery worker bounds its own torch and FAISS/OpenMP threads.
SEARCH_TORCH_THREADS = env_int("SEARCH_TORCH_THREADS", 1)
SEARCH_FAISS_THREADS = env_int("SEARCH_FAISS_THREADS", 1)
# Up to this many public records, each worker keeps their ids in memory (per collection
# version) to check search candidates without a query; above it the database is asked.
SEARCH_PUBLIC_IDS_IN_MEMORY = env_int("SEARCH_PUBLIC_IDS_IN_MEMORY", 200_000)
# Search API result cards (object summary + thumbnail) each worker keeps per version.
SEARCH_API_CARDS_IN_MEMORY = env_int("SEARCH_API_CARDS_IN_MEMORY", 5_000)
# Load the search models and indexes when the web server starts (not at the first search).
# Off for servers that fork after loading the application (see search/warmup.py).
SEARCH_WARM_UP = env_bool("SEARCH_WARM_UP", True)
# After a change to the collection, searches keep the relevance floors they have while a
# thread recalibrates them (search/relevance.py); off, the first search after it waits.
SEARCH_FLOORS_IN_BACKGROUND = env_bool("SEARCH_FLOORS_IN_BACKGROUND", True)
# Re-embed objects in the background whenever the exhibition announces a change.
SEARCH_EMBED_ON_CHANGE = env_bool("SEARCH_EMBED_ON_CHANGE", True)
# Search by photo: the memory each process lends to decoding visitors' photos (a 40 MP
# PNG needs ~180 MB of it), how long a photo waits for room and how many may wait, before
# the visitor is told the search is busy (503); and how often one visitor may search by photo.
SEARCH_PHOTO_DECODE_BUDGET_MB = env_int("SEARCH_PHOTO_DECODE_BUDGET_MB", 224)
SEARCH_PHOTO_DECODE_WAIT_SECONDS = env_int("SEARCH_PHOTO_DECODE_WAIT_SECONDS", 5)
SEARCH_PHOTO_DECODE_MAX_WAITING = env_int("SEARCH_PHOTO_DECODE_MAX_WAITING", 8)
SEARCH_PHOTO_RATE = env_str("SEARCH_PHOTO_RATE", "12/minute")

# Virtual restoration (see restoration/): the inpainting engines by name (config/engines.py),
# and the versioned weights of the learned engine.
RESTORATION_ENGINES = {
    "telea": "restoration.engines.classical:TeleaEngine",
    "ns": "restoration.engines.classical:NavierStokesEngine",
    "biharmonic": "restoration.engines.biharmonic:BiharmonicEngine",
    "exemplar": "restoration.engines.exemplar:ExemplarEngine",
    "learned": "restoration.engines.learned:LearnedEngine",
}
VITRINE_INPAINTER_DIR = Path(
    env_str("VITRINE_INPAINTER_DIR", str(VAR_DIR / "models" / "inpainter"))
)

# Tours (see tours/): visitors' interactions are deleted after TOURS_RETENTION_DAYS by
# `manage.py purge_interactions`; the recommender strategies by name (config/engines.py).
TOURS_RETENTION_DAYS = env_int("TOURS_RETENTION_DAYS", 90)
TOURS_INTERACTIONS_MAX_BATCH = env_int("TOURS_INTERACTIONS_MAX_BATCH", 100)
TOURS_RECOMMENDERS = {
    "random": "tours.recommending.random_baseline:RandomRecommender",
    "popularity": "tours.recommending.popularity:PopularityRecommender",
    "item_knn": "tours.recommending.item_knn:ItemKnnRecommender",
    "content": "tours.recommending.content:ContentRecommender",
    "hybrid": "tours.recommending.hybrid:HybridRecommender",
}
TOURS_RECOMMENDER = env_str("TOURS_RECOMMENDER", "hybrid")  # a key of the above
TOURS_MAX_BUDGET_MINUTES = env_int("TOURS_MAX_BUDGET_MINUTES", 12 * 60)
# A kiosk's QR link opens the tour on a phone for this long after it is shown.
TOURS_HANDOFF_MAX_AGE_SECONDS = env_int("TOURS_HANDOFF_MAX_AGE_SECONDS", 6 * 3600)

LOGIN_URL = "admin:login"
# Curators' sign-in (exhibition/admin/login.py): failures allowed per user name and
# address, and per address alone, within the window; then sign-in pauses until it ends.
VITRINE_LOGIN_MAX_FAILURES = env_int("VITRINE_LOGIN_MAX_FAILURES", 5)
VITRINE_LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("VITRINE_LOGIN_MAX_FAILURES_PER_ADDRESS", 30)
VITRINE_LOGIN_LOCKOUT_SECONDS = env_int("VITRINE_LOGIN_LOCKOUT_SECONDS", 15 * 60)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "exhibition.api.cursors.KeysetCursorPagination",
    "PAGE_SIZE": 24,
    "DEFAULT_THROTTLE_CLASSES": ["config.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_str("API_ANON_RATE", "120/minute")},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_METADATA_CLASS": "config.api_metadata.DescribeWithoutActions",
    # Trust X-Forwarded-For only from as many proxies as we run; clients can spoof it.
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Vitrine API",
    "DESCRIPTION": "Read API for the collection, exhibitions, agents and places.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {"ProvenanceActionEnum": "exhibition.models.ProvenanceEvent.Action"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.query_strings.no_nul_in_string_parameters",
    ],
}

# Production hardening; `check --deploy --fail-level WARNING` is clean with DJANGO_DEBUG=0.
# HTTPS-only cookies, redirects and HSTS are on whenever DEBUG is off, except where the
# site is served over plain HTTP on purpose: `make demo` on the loopback sets
# VITRINE_HTTPS=0 (debug pages stay off there all the same).
VITRINE_HTTPS = env_bool("VITRINE_HTTPS", not DEBUG)
if VITRINE_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (config/security_headers.py): no inline script anywhere. The
# 3D viewer compiles its Draco/Basis decoders (WebAssembly) in blob: workers and reads
# textures from blob:/data: URLs. The only inline styles allowed are, by their hashes, the
# two the vendored viewers insert: OpenSeadragon 6.1.1's focus rule for touch screens and
# model-viewer 4.4.0's shadow-root stylesheet (a new version of either changes its hash;
# tests/browser/test_content_security_policy.py then names it). The admin adds one more:
# Django's change list writes one <style> block (a list without actions), allowed by its
# hash; Vitrine's own admin styles are files.
VITRINE_CSP: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": [
        "'self'",
        "'sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE='",
        "'sha256-PXtZZkJMMyc18o/DN1ZEFOJ2qEGq95IQbVaJFMOXOb0='",
    ],
    "img-src": ["'self'", "data:", "blob:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'", "data:", "blob:"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
DJANGO_CHANGE_LIST_STYLE = "'sha256-blvLUW3UscWqsXGByNOqdBboM+ShWAuugp2mC/wbafU='"
VITRINE_CSP_PATH_OVERRIDES: dict[str, dict[str, list[str]]] = {
    "/admin/": {"style-src": [*VITRINE_CSP["style-src"], DJANGO_CHANGE_LIST_STYLE]}
}
VITRINE_CSP_REPORT_ONLY = env_bool("VITRINE_CSP_REPORT_ONLY", False)
# Powerful features nobody here uses are off, for our pages and any frame; model-viewer's
# AR and the viewers' full screen stay on for our own origin, and a kiosk may keep its
# screen awake.
VITRINE_PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(),"
    " gyroscope=(), hid=(), magnetometer=(),"
    " microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(),"
    " fullscreen=(self), xr-spatial-tracking=(self), screen-wake-lock=(self)"
)

# LOG_FORMAT=json writes one JSON object a line (config/json_logging.py); the default is text.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.json_logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"}
        | ({"formatter": "json"} if LOG_FORMAT == "json" else {})
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "daphne": {"level": "WARNING"},
        # Eager tasks would log a line each; workers keep their own -l level.
        "celery.app.trace": {"level": "WARNING"},
    },
}

# Operations (config/readiness.py, config/metrics.py): /readyz/ bounds each check by this
# many seconds, and gates on the search index only when asked to; an embedding left out of
# the published index longer than the grace makes the index stale. /metrics is off unless
# VITRINE_METRICS is on; then it answers the CIDRs listed, or a bearer token.
VITRINE_READY_TIMEOUT_SECONDS = env_int("VITRINE_READY_TIMEOUT_SECONDS", 2)
VITRINE_READY_REQUIRES_INDEX = env_bool("VITRINE_READY_REQUIRES_INDEX", False)
VITRINE_INDEX_STALE_GRACE_SECONDS = env_int("VITRINE_INDEX_STALE_GRACE_SECONDS", 300)
VITRINE_METRICS = env_bool("VITRINE_METRICS", False)
VITRINE_METRICS_ALLOWED = env_list("VITRINE_METRICS_ALLOWED", ["127.0.0.1/32", "::1/128"])
VITRINE_METRICS_TOKEN = env_str("VITRINE_METRICS_TOKEN", "")


# The guide (guide/): the answerer in use (config/engines.py), and its bounds. An
# OpenAI-compatible chat endpoint may rephrase grounded answers; off unless GUIDE_LLM_URL is set.
GUIDE_ANSWERERS = {
    "grounded": "guide.answerers.grounded:GroundedAnswerer",
    "rephrased": "guide.answerers.rephrased:RephrasedAnswerer",
}
GUIDE_LLM_URL = env_str("GUIDE_LLM_URL", "")
GUIDE_LLM_MODEL = env_str("GUIDE_LLM_MODEL", "")
GUIDE_LLM_TIMEOUT_SECONDS = env_int("GUIDE_LLM_TIMEOUT_SECONDS", 4)
GUIDE_ANSWERER = env_str("GUIDE_ANSWERER", "rephrased" if GUIDE_LLM_URL else "grounded")
GUIDE_MAX_MESSAGE_BYTES = 2048
GUIDE_MAX_QUESTION_CHARS = 300
GUIDE_RATE_PER_CONNECTION = env_int("GUIDE_RATE_PER_CONNECTION", 10)  # questions a minute
GUIDE_RATE_PER_CLIENT = env_int("GUIDE_RATE_PER_CLIENT", 30)  # questions a minute, one address
GUIDE_IDLE_TIMEOUT_SECONDS = env_int("GUIDE_IDLE_TIMEOUT_SECONDS", 600)
GUIDE_BENCH_ECHO = env_bool("GUIDE_BENCH_ECHO", False)  # /ws/echo/, for bench_guide only
# What the museum fills in for practical questions (opening hours, facilities…); the guide
# answers those only from here or from the admin's museum information, never invents them.
GUIDE_MUSEUM_INFORMATION: dict[str, str] = {}


# Descriptions and speech (descriptions/): a voice per language (eSpeak NG voice names),
# speaking rate in words per minute and pitch (0-99), and the language spoken when a text's
# own language has no voice.
DESCRIPTIONS_VOICES = {"en": "en-gb", "fr": "fr-fr"}
DESCRIPTIONS_DEFAULT_LANGUAGE = "en"
SPEECH_RATE_WPM = env_int("SPEECH_RATE_WPM", 160)
SPEECH_PITCH = env_int("SPEECH_PITCH", 50)
# Per-language changes to the two above, as JSON (e.g. {"fr": {"rate": 170, "pitch": 45}}):
# voices do not all sound natural at the same speed.
SPEECH_LANGUAGE_SETTINGS = json.loads(env_str("SPEECH_LANGUAGE_SETTINGS", "{}"))
# Draft a description, and speak it, in the background when an object is imported or edited.
# A bulk import turns both off and drafts in one batch (the Makefile's `collection`).
DESCRIPTIONS_DRAFT_ON_CHANGE = env_bool("DESCRIPTIONS_DRAFT_ON_CHANGE", True)
SPEECH_ON_CHANGE = env_bool("SPEECH_ON_CHANGE", True)

# Narrated exhibition films (films/, made with Debian's ffmpeg): the programs, the frame size
# and rate, the most objects and seconds one film holds, the largest file, and the time one
# build may take (each ffmpeg step has its own share of it).
FILMS_FFMPEG = env_str("FILMS_FFMPEG", "/usr/bin/ffmpeg")
FILMS_FFPROBE = env_str("FILMS_FFPROBE", "/usr/bin/ffprobe")
FILMS_FRAME_WIDTH = env_int("FILMS_FRAME_WIDTH", 1280)
FILMS_FRAME_HEIGHT = env_int("FILMS_FRAME_HEIGHT", 720)
FILMS_FPS = env_int("FILMS_FPS", 25)
FILMS_MAX_OBJECTS = max(1, env_int("FILMS_MAX_OBJECTS", 40))
FILMS_MAX_SECONDS = max(30, env_int("FILMS_MAX_SECONDS", 1800))
FILMS_MAX_BYTES = max(1_000_000, env_int("FILMS_MAX_BYTES", 500_000_000))
FILMS_BUILD_TIMEOUT_SECONDS = max(60, env_int("FILMS_BUILD_TIMEOUT_SECONDS", 1800))
FILMS_THREADS = max(1, env_int("FILMS_THREADS", 2))


# Kiosk mode (/kiosk/): seconds without a touch, key or pointer before the kiosk asks "Are you
# still there?", and how long that question waits before the visit is reset (WCAG 2.2.1 asks
# for at least 20 seconds to answer).
KIOSK_IDLE_SECONDS = max(10, env_int("KIOSK_IDLE_SECONDS", 120))
KIOSK_WARNING_SECONDS = max(20, env_int("KIOSK_WARNING_SECONDS", 30))


# OAI-PMH 2.0 (/oai/, interop/oai/): how the repository names itself to harvesters, records
# per page of a list (the rest follows by resumption token), how long a token stays good,
# and how often one harvester may ask. The identifiers' middle part (oai:<this>:<slug>) is
# the request's host unless set: set it once a site is live, so identifiers never change.
OAI_REPOSITORY_NAME = env_str("OAI_REPOSITORY_NAME", VITRINE_SITE_NAME)
OAI_ADMIN_EMAIL = env_str("OAI_ADMIN_EMAIL", "collections@example.org")
OAI_REPOSITORY_IDENTIFIER = env_str("OAI_REPOSITORY_IDENTIFIER", "")
OAI_PAGE_SIZE = max(1, env_int("OAI_PAGE_SIZE", 100))
OAI_TOKEN_HOURS = max(1, env_int("OAI_TOKEN_HOURS", 24))
OAI_RATE = env_str("OAI_RATE", "120/minute")


# PDF reports (/objects/<slug>/report.pdf, reports/): the origin their printed addresses
# use (the request's unless set: set it once a site is live), how many new reports one
# client may have made, how many may wait or be made at once for the whole site, the most
# objects an exhibition's report holds, and when an unfinished one counts as lost or a
# failed one may be tried again.
REPORTS_SITE_URL = env_str("REPORTS_SITE_URL", "")
REPORTS_RATE = env_str("REPORTS_RATE", "20/hour")
REPORTS_MAX_QUEUED = max(1, env_int("REPORTS_MAX_QUEUED", 8))
REPORTS_EXHIBITION_MAX_OBJECTS = max(1, env_int("REPORTS_EXHIBITION_MAX_OBJECTS", 40))
REPORTS_STALE_SECONDS = max(60, env_int("REPORTS_STALE_SECONDS", 600))
REPORTS_RETRY_SECONDS = max(10, env_int("REPORTS_RETRY_SECONDS", 300))
