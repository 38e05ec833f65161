"""Domain errors of consultation requests: a translatable message and the field concerned."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _


class ConsultationError(Exception):
    """Something asked of a consultation request cannot be done.

    Attributes:
        message: what went wrong (gettext_lazy), shown as is.
        field: the input it concerns, or None when it is about the request's state.
    """

    default_message: Any = _("This cannot be done.")
    field: str | None = None

    def __init__(self, message: Any = None, *, field: str | None = None) -> None:
        self.message = message if message is not None else self.default_message
        if field is not None:
            self.field = field
        super().__init__(str(self.message))


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
