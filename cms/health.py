"""``/healthz``: is this web process able to serve? (django-health-check, answered in JSON)

For load balancers, container orchestrators and uptime monitors: no login, no language prefix,
never cached, always JSON. It checks what every request or job needs:

- the database (``SELECT 1`` on the default connection),
- the cache (a set and get of a throw-away key: Redis with ``REDIS_URL``, else the database cache),
- the job broker (django-q2's, Redis or the ORM queue table): a ping and the queue's size.

Status 200 when all pass; 503 (Service Unavailable, what load balancers take as "out of
rotation") when any fails, with the failing check's short reason. Reasons never carry
credentials: django-health-check reports only the error's class of problem.
"""

import asyncio
import dataclasses
from typing import Any

from asgiref.sync import sync_to_async
from django.http import HttpRequest, HttpResponse, JsonResponse
from django_q.brokers import get_broker
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Broker(HealthCheck):
    """django-q2's broker answers: Redis pings back, the ORM queue table can be counted."""

    async def run(self) -> None:
        # In the request's own thread (thread-sensitive), so the ORM broker uses the request's
        # database connection, which Django closes or keeps as CONN_MAX_AGE says.
        await sync_to_async(self._probe)()

    def _probe(self) -> None:
        try:
            broker = get_broker()
            if not broker.ping():
                raise ServiceUnavailable("Broker does not answer")
            broker.queue_size()
        except ServiceUnavailable:
            raise
        except Exception as error:
            # The class name only: a Redis URL with a password must not reach the answer.
            raise ServiceUnavailable(f"Broker unreachable ({type(error).__name__})") from error


class HealthzView(HealthCheckView):
    """``{"status": "ok", "checks": {"database": "OK", "cache": "OK", "broker": "OK"}}``.

    On a failure ``status`` is ``"unavailable"``, the failing check says why, and the answer is
    503. Whatever the Accept header asks for (a browser, curl, a probe), the answer is JSON.
    """

    checks = (Database, Cache, Broker)

    async def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with self.get_executor() as executor:
            results = await asyncio.gather(
                *(check.get_result(executor) for check in self.get_checks())
            )
        healthy = not any(result.error for result in results)
        return JsonResponse(
            {
                "status": "ok" if healthy else "unavailable",
                "checks": {
                    type(result.check).__name__.lower(): (
                        str(result.error) if result.error else "OK"
                    )
                    for result in results
                },
            },
            status=200 if healthy else 503,
        )
