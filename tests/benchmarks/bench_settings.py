"""Settings of the benchmark server: the project's settings plus a trivial JSON view.

Used only by `tests/benchmarks/bench_*.py` (DJANGO_SETTINGS_MODULE of the gunicorn they start),
so that the baseline view runs in the same server, with the same middleware, as the API.
"""

from cms.settings import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.bench_urls"
