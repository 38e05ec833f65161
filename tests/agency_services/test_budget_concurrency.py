"""Two consultants planning at the same moment cannot both take the budget's last days.

On PostgreSQL, five threads (each with its own database connection) plan one day each, for
five different accepted requests, when one day is left. The budget is read and the session
written under the year's named lock (`cms.locking`), so exactly one session is planned; the
others are refused. The check is slowed down (a sleep after the budget was read) to widen the
race window. The control run replaces the lock by a no-op with everything else the same and
must overspend: that proves the test would see a missing lock.
"""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connection
from wagtail.models import Site

from agency_services.models import (
    ConsultationBudgetYear,
    ConsultationSession,
    ConsultationSettings,
)
from agency_services.services import consultations
from agency_services.services.errors import BudgetExceeded
from tests.agency_services.helpers import request_of, world

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 5
RACE_WINDOW = 0.2


def race(monkeypatch) -> tuple[int, int]:
    """Run THREADS plannings of one day at once with one day left; (planned, refused)."""
    w = world()
    requests = []
    for n in range(THREADS):
        request = request_of(w.manager_a, w.cluster_a, topic=f"Téma {n}")
        consultations.decide(request_id=request.pk, user=w.consultant, accept=True, comment="")
        requests.append(request)
    day = requests[0].preferred_from
    setting = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    ConsultationBudgetYear.objects.create(settings=setting, year=day.year, days=Decimal("1"))

    original = consultations.year_budget

    def slow_budget(**kwargs):
        budget = original(**kwargs)
        time.sleep(RACE_WINDOW)
        return budget

    monkeypatch.setattr(consultations, "year_budget", slow_budget)
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    guard = threading.Lock()

    def plan(request_id: int) -> None:
        try:
            barrier.wait()
            consultations.plan_session(request_id=request_id, user=w.consultant, date=day, days="1")
            result = "planned"
        except BudgetExceeded:
            result = "refused"
        finally:
            connection.close()
        with guard:
            outcomes.append(result)

    threads = [threading.Thread(target=plan, args=(r.pk,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ConsultationSession.objects.count() == outcomes.count("planned")
    return outcomes.count("planned"), outcomes.count("refused")


def test_only_one_of_five_concurrent_plannings_takes_the_last_day(monkeypatch):
    assert race(monkeypatch) == (1, THREADS - 1)


def test_control_without_the_lock_the_budget_is_overspent(monkeypatch):
    monkeypatch.setattr(consultations, "lock_for_transaction", lambda name: None)
    planned, _refused = race(monkeypatch)
    assert planned > 1
