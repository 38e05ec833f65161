"""Settings of the scale benchmark's server (`bench_scale.py`): the benchmark server's settings
with plain Wagtail mounted beside the project (tests/benchmarks/scale_urls.py).
(Not named bench_*: `make bench` runs every such script.)"""

from tests.benchmarks.server_settings import *  # noqa: F403

ROOT_URLCONF = "tests.benchmarks.scale_urls"
