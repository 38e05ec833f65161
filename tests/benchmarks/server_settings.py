"""Settings of the benchmark server: the project's settings plus a trivial JSON view.

The DJANGO_SETTINGS_MODULE of the gunicorn that `tests/benchmarks/bench_*.py` start, so that
the baseline view runs in the same server, with the same middleware, as the API. (Not named
bench_*: `make bench` runs every such script.)
"""

from cms.settings import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.server_urls"
