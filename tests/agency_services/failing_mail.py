"""An e-mail back end whose mail server is down (the retry test)."""

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        raise OSError("mail server unreachable")
