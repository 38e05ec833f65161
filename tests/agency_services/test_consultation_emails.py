"""Each decision is told to the requester once, by e-mail, in their language."""

import pytest
from django.core import mail

from agency_services import jobs
from agency_services.models import ConsultationEmail
from agency_services.services import consultations
from agency_services.services.errors import InvalidRequest, WrongState
from tests.agency_services.helpers import details, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def public_request(language: str):
    return consultations.submit_public_request(
        details=details(topic="Marketing plan"),
        organisation="Nyírségi Klaszter",
        contact_name="Kiss Júlia",
        email="julia@example.org",
        language=language,
    )


def test_acceptance_is_mailed_once_in_the_requesters_language(
    w, django_capture_on_commit_callbacks
):
    request = public_request("en")
    with django_capture_on_commit_callbacks(execute=True):
        consultations.decide(
            request_id=request.pk, user=w.consultant, accept=True, comment="Call us on Monday."
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["julia@example.org"]
    assert message.subject == "Consultation request accepted: Marketing plan"
    assert "Call us on Monday." in message.body

    row = ConsultationEmail.objects.get()
    assert jobs.send_decision_email(row.pk) is False  # a duplicated job sends nothing
    assert jobs.sweep_decision_emails() == 0
    assert len(mail.outbox) == 1


def test_a_hungarian_request_is_declined_in_hungarian(w, django_capture_on_commit_callbacks):
    request = public_request("hu")
    with pytest.raises(InvalidRequest) as missing:
        consultations.decide(request_id=request.pk, user=w.consultant, accept=False, comment="")
    assert missing.value.field == "comment"
    assert not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        consultations.decide(
            request_id=request.pk, user=w.consultant, accept=False, comment="Elfogyott a keret."
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Tanácsadási kérés elutasítva")


def test_deciding_twice_is_refused_and_sends_nothing_more(w, django_capture_on_commit_callbacks):
    request = public_request("en")
    with django_capture_on_commit_callbacks(execute=True):
        consultations.decide(request_id=request.pk, user=w.consultant, accept=True, comment="")
    with pytest.raises(WrongState), django_capture_on_commit_callbacks(execute=True):
        consultations.decide(request_id=request.pk, user=w.consultant, accept=False, comment="x")
    assert len(mail.outbox) == 1
    assert ConsultationEmail.objects.count() == 1


def test_a_failed_send_is_retried_and_then_sent_once(
    w, django_capture_on_commit_callbacks, settings
):
    request = public_request("en")
    settings.EMAIL_BACKEND = "tests.agency_services.failing_mail.FailingBackend"
    # The inline job raises (django-q2's ORM broker would run it again); the claim is released.
    with pytest.raises(OSError), django_capture_on_commit_callbacks(execute=True):
        consultations.decide(request_id=request.pk, user=w.consultant, accept=True, comment="")
    row = ConsultationEmail.objects.get()
    assert row.status == "pending" and row.claimed_until is None and row.attempts == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert jobs.send_decision_email(row.pk) is True
    assert jobs.send_decision_email(row.pk) is False
    assert len(mail.outbox) == 1
