"""Domain errors of consultation requests: a translatable message and the field concerned."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.errors import DomainError


class ConsultationError(DomainError):
    """Something asked of a consultation request cannot be done: `message` (gettext_lazy) and
    `field`, the input it concerns, or None when it is about the request's state."""


class InvalidRequest(ConsultationError):
    default_message = _("This value is not valid.")


class NotAllowed(ConsultationError):
    """The user may not do this (or see this request): views answer 404/403."""

    default_message = _("You may not do this.")


class WrongState(ConsultationError):
    default_message = _("The request is not in a state that allows this.")


class BudgetExceeded(ConsultationError):
    """The days would pass the year's budget and no override was given."""

    field = "days"
