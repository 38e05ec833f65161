"""Models of the agency's services (one concept per module)."""

from agency_services.models.budget import ConsultationBudgetYear, ConsultationSettings
from agency_services.models.consultations import (
    ConsultationEmail,
    ConsultationRequest,
    ConsultationSession,
    EmailStatus,
    RequestStatus,
    SessionStatus,
)
from agency_services.models.evidence import EvidenceSettings
from agency_services.models.services_log import (
    ApplicationResult,
    ClusterApplication,
    EventSupport,
)

__all__ = [
    "ApplicationResult",
    "ClusterApplication",
    "ConsultationBudgetYear",
    "ConsultationEmail",
    "ConsultationRequest",
    "ConsultationSession",
    "ConsultationSettings",
    "EmailStatus",
    "EventSupport",
    "EvidenceSettings",
    "RequestStatus",
    "SessionStatus",
]
