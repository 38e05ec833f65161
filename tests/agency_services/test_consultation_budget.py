"""The yearly budget: days delivered, planned and left; exceeding it needs a logged override."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from agency_services.models import (
    ConsultationBudgetYear,
    ConsultationSession,
    ConsultationSettings,
)
from agency_services.services import consultations
from agency_services.services.budget import year_budget
from agency_services.services.errors import BudgetExceeded, InvalidRequest
from tests.agency_services.helpers import request_of, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted():
    w = world()
    request = request_of(w.manager_a, w.cluster_a)
    consultations.decide(request_id=request.pk, user=w.consultant, accept=True, comment="")
    return w, request


def session_day(days_ahead: int = 20) -> dt.date:
    day = timezone.localdate() + dt.timedelta(days=days_ahead)
    # Keep the session in this calendar year (the budget is per year).
    return min(day, dt.date(timezone.localdate().year, 12, 31))


def test_default_budget_is_forty_days_and_a_year_row_overrides_it(db):
    year = timezone.localdate().year
    assert year_budget(year=year).budget == Decimal("40")
    setting = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    ConsultationBudgetYear.objects.create(settings=setting, year=year, days=Decimal("25.5"))
    assert year_budget(year=year).budget == Decimal("25.5")
    assert year_budget(year=year + 1).budget == Decimal("40")


def test_consultant_plans_and_logs_two_days_and_the_days_left_drop_by_two(client, accepted):
    w, request = accepted
    client.force_login(w.consultant)
    year = session_day().year
    response = client.post(
        f"/admin/consultations/{request.pk}/sessions/",
        {"date": session_day().isoformat(), "days": "2", "note": "Első alkalom"},
    )
    assert response.status_code == 302
    budget = year_budget(year=year)
    assert (budget.planned, budget.delivered, budget.left) == (2, 0, 38)

    session = ConsultationSession.objects.get(request=request)
    response = client.post(
        f"/admin/consultations/sessions/{session.pk}/deliver/", {f"s{session.pk}-days": "2"}
    )
    assert response.status_code == 302
    budget = year_budget(year=year)
    assert (budget.planned, budget.delivered, budget.left) == (0, 2, 38)

    page = client.get("/admin/consultations/").content.decode()
    assert f'data-budget-year="{timezone.localdate().year}"' in page
    assert "<td data-left>38.0</td>" in page or year != timezone.localdate().year


def test_half_days_are_allowed_other_fractions_are_not(accepted):
    w, request = accepted
    consultations.plan_session(
        request_id=request.pk, user=w.consultant, date=session_day(), days="0,5"
    )
    with pytest.raises(InvalidRequest) as refused:
        consultations.plan_session(
            request_id=request.pk, user=w.consultant, date=session_day(), days="0.3"
        )
    assert refused.value.field == "days"
    assert year_budget(year=session_day().year).planned == Decimal("0.5")


def test_exceeding_the_budget_is_refused_without_override(client, accepted):
    w, request = accepted
    year = session_day().year
    setting = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    ConsultationBudgetYear.objects.create(settings=setting, year=year, days=Decimal("2"))
    consultations.plan_session(
        request_id=request.pk, user=w.consultant, date=session_day(), days="1.5"
    )

    client.force_login(w.consultant)
    response = client.post(
        f"/admin/consultations/{request.pk}/sessions/",
        {"date": session_day().isoformat(), "days": "1"},
    )
    assert response.status_code == 400
    assert "exceed the" in response.content.decode()
    assert ConsultationSession.objects.count() == 1

    with pytest.raises(InvalidRequest) as no_reason:
        consultations.plan_session(
            request_id=request.pk, user=w.consultant, date=session_day(), days="1", override=True
        )
    assert no_reason.value.field == "override_reason"
    assert ConsultationSession.objects.count() == 1
    assert not ModelLogEntry.objects.filter(action="agency_services.budget_override").exists()


def test_override_with_a_reason_goes_ahead_and_is_in_the_audit_log(client, accepted):
    w, request = accepted
    year = session_day().year
    setting = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    ConsultationBudgetYear.objects.create(settings=setting, year=year, days=Decimal("1"))
    client.force_login(w.consultant)
    response = client.post(
        f"/admin/consultations/{request.pk}/sessions/",
        {
            "date": session_day().isoformat(),
            "days": "2",
            "override": "on",
            "override_reason": "A kuratórium jóváhagyta.",
        },
    )
    assert response.status_code == 302
    session = ConsultationSession.objects.get()
    assert session.over_budget
    assert year_budget(year=year).left == Decimal("-1")
    entry = ModelLogEntry.objects.get(action="agency_services.budget_override")
    assert entry.user == w.consultant
    assert entry.data["reason"] == "A kuratórium jóváhagyta."
    assert Decimal(entry.data["extra_days"]) == 2
    assert entry.object_id == str(request.pk)


def test_delivering_more_than_planned_needs_room_for_the_difference(accepted):
    w, request = accepted
    setting = ConsultationSettings.for_site(Site.objects.get(is_default_site=True))
    ConsultationBudgetYear.objects.create(
        settings=setting, year=session_day().year, days=Decimal("2")
    )
    session = consultations.plan_session(
        request_id=request.pk, user=w.consultant, date=session_day(), days="2"
    )
    with pytest.raises(BudgetExceeded):
        consultations.log_delivery(session_id=session.pk, user=w.consultant, days="2.5")
    session.refresh_from_db()
    assert session.status == "planned"
    consultations.log_delivery(session_id=session.pk, user=w.consultant, days="1.5")
    assert year_budget(year=session_day().year).left == Decimal("0.5")


def test_a_cancelled_session_gives_its_days_back(accepted):
    w, request = accepted
    session = consultations.plan_session(
        request_id=request.pk, user=w.consultant, date=session_day(), days="3"
    )
    consultations.cancel_session(session_id=session.pk, user=w.consultant)
    assert year_budget(year=session_day().year).left == Decimal("40")
