"""The consultants' admin screens render with their data; the records are kept in the admin."""

import datetime as dt

import pytest
from django.utils import timezone

from agency_services.models import ClusterApplication
from agency_services.services import consultations
from tests.agency_services.helpers import request_of, world

pytestmark = pytest.mark.django_db


def test_consultant_screens_show_the_request_its_sessions_and_the_log(client):
    w = world()
    request = request_of(w.manager_a, w.cluster_a, topic="Kiállítási arculat")
    client.force_login(w.consultant)
    page = client.get(f"/admin/consultations/{request.pk}/").content.decode()
    assert "Kiállítási arculat" in page and "Save the decision" in page

    consultations.decide(request_id=request.pk, user=w.consultant, accept=True, comment="")
    session = consultations.plan_session(
        request_id=request.pk, user=w.consultant, date=request.preferred_from, days="1.5"
    )
    page = client.get(f"/admin/consultations/{request.pk}/").content.decode()
    assert "Plan the session" in page and "Log as delivered" in page
    assert f'name="s{session.pk}-days"' in page

    response = client.post(
        f"/admin/consultations/sessions/{session.pk}/deliver/", {f"s{session.pk}-days": "x"}
    )
    assert response.status_code == 400
    assert "Enter a number of days" in response.content.decode()

    year = timezone.localdate().year
    ClusterApplication.objects.create(
        cluster=w.cluster_b, programme="Interreg Europe", submitted_on=dt.date(year, 2, 1)
    )
    page = client.get(f"/admin/consultations/log/?year={year}").content.decode()
    assert "Interreg Europe" in page and w.cluster_b.title in page
    assert client.get("/admin/consultations/log/?year=abc").status_code == 200


def test_consultants_keep_applications_and_the_budget_setting(client):
    w = world()
    client.force_login(w.consultant)
    assert client.get("/admin/cluster_applications/").status_code == 200
    assert client.get("/admin/cluster_applications/new/").status_code == 200
    assert client.get("/admin/event_support/new/").status_code == 200
    response = client.get("/admin/settings/agency_services/consultationsettings/")
    assert response.status_code in (200, 302)

    client.force_login(w.manager_a)
    assert client.get("/admin/cluster_applications/").status_code in (302, 403)
    assert client.get("/admin/consultations/log/").status_code in (302, 403)
