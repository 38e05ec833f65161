"""The base of every app's domain errors: a translatable message and the input it concerns."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """Something a user asked for cannot be done.

    Attributes:
        message: what went wrong, translatable (gettext_lazy, English msgid); shown as is.
        field: the input it is about, or None when it is about the state of the object.
    """

    default_message: Any = _("This cannot be done.")
    field: str | None = None

    def __init__(self, message: Any = None, *, field: str | None = None) -> None:
        self.message = message if message is not None else self.default_message
        if field is not None:
            self.field = field
        super().__init__(str(self.message))
