"""drf-spectacular hooks: the OpenAPI schema at /api/schema/ documents our own JSON API.

Wagtail's API v2 and wagtail-localize's internal views are DRF views too, but they cannot be
introspected (spectacular warns on every `check`); their contract is Wagtail's documentation.
"""

from typing import Any

DOCUMENTED_PREFIXES = ("/api/bookings/",)


def only_own_endpoints(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """Keep the endpoints whose path starts with one of DOCUMENTED_PREFIXES."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(DOCUMENTED_PREFIXES)]
