"""Who sees and does what: managers their own clusters' requests only, consultants all."""

import pytest

from agency_services.models import ConsultationRequest, ConsultationSession
from agency_services.services import consultations
from tests.agency_services.helpers import details, member, request_of, world

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


@pytest.fixture
def w():
    return world()


def test_a_manager_lists_only_their_own_clusters_requests(client, w):
    own = request_of(w.manager_a, w.cluster_a, topic="Saját kérés")
    request_of(w.manager_b, w.cluster_b, topic="Másik klaszter kérése")
    client.force_login(w.manager_a)
    page = client.get("/admin/consultations/").content.decode()
    assert "Saját kérés" in page
    assert "Másik klaszter kérése" not in page
    assert client.get(f"/admin/consultations/{own.pk}/").status_code == 200


def test_another_clusters_request_is_a_404_on_every_route(client, w):
    other = request_of(w.manager_b, w.cluster_b)
    consultations.decide(request_id=other.pk, user=w.consultant, accept=True, comment="")
    session = consultations.plan_session(
        request_id=other.pk, user=w.consultant, date=other.preferred_from, days="1"
    )
    client.force_login(w.manager_a)
    assert client.get(f"/admin/consultations/{other.pk}/").status_code == 404
    assert client.post(f"/admin/consultations/{other.pk}/decide/", {}).status_code == 404
    assert client.post(f"/admin/consultations/{other.pk}/sessions/", {}).status_code == 404
    assert client.post(f"/admin/consultations/sessions/{session.pk}/deliver/").status_code == 404
    assert client.post(f"/admin/consultations/sessions/{session.pk}/cancel/").status_code == 404
    session.refresh_from_db()
    assert session.status == "planned"


def test_a_manager_cannot_decide_or_plan_their_own_request(client, w):
    own = request_of(w.manager_a, w.cluster_a)
    client.force_login(w.manager_a)
    response = client.post(
        f"/admin/consultations/{own.pk}/decide/", {"decision": "accept", "comment": ""}
    )
    assert refused(response)
    own.refresh_from_db()
    assert own.status == "submitted"
    assert "Save the decision" not in client.get(f"/admin/consultations/{own.pk}/").content.decode()


def test_a_manager_requests_only_for_their_own_cluster(client, w):
    client.force_login(w.manager_a)
    d = details()
    data = {
        "cluster": w.cluster_b.pk,
        "topic": d.topic,
        "needs": d.needs,
        "preferred_from": d.preferred_from.isoformat(),
        "preferred_until": d.preferred_until.isoformat(),
    }
    response = client.post("/admin/consultations/new/", data)
    assert response.status_code == 400
    assert not ConsultationRequest.objects.exists()

    response = client.post("/admin/consultations/new/", {**data, "cluster": w.cluster_a.pk})
    assert response.status_code == 302
    created = ConsultationRequest.objects.get()
    assert (created.cluster, created.requested_by, created.email) == (
        w.cluster_a,
        w.manager_a,
        "manager_a@agency.example",
    )


def test_consultants_see_every_request_and_others_see_none(client, w):
    request_of(w.manager_a, w.cluster_a, topic="Első")
    request_of(w.manager_b, w.cluster_b, topic="Második")
    client.force_login(w.consultant)
    page = client.get("/admin/consultations/").content.decode()
    assert "Első" in page and "Második" in page

    editor = member("editor", ["Editors"])
    client.force_login(editor)
    assert refused(client.get("/admin/consultations/"))
    first = ConsultationRequest.objects.get(topic="Első")
    assert client.get(f"/admin/consultations/{first.pk}/").status_code == 404


def test_an_editor_with_edit_rights_on_every_page_manages_no_cluster(client, w):
    """Editors hold change_page on the root: that does not make the clusters theirs."""
    editor = member("editor", ["Editors"])
    client.force_login(editor)
    response = client.post("/admin/consultations/new/", {"cluster": w.cluster_a.pk})
    assert refused(response)
    assert not ConsultationSession.objects.exists()
