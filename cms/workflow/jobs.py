"""The plugin's django-q2 jobs. Each takes ids and is safe to run twice."""

from cms.workflow import mail


def send_notice_email(notice_id: int) -> bool:
    """Send a notice's e-mail once (`mail.deliver_notice_email`).

    Idempotent: a duplicated or retried job finds the e-mail sent or claimed and sends nothing.
    """
    return mail.deliver_notice_email(notice_id=notice_id)
