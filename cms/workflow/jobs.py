"""The plugin's django-q2 jobs. Each takes ids and is safe to run twice."""

from django.utils.module_loading import import_string

from cms.workflow import loop, mail


def send_notice_email(notice_id: int) -> bool:
    """Send a notice's e-mail once (`mail.deliver_notice_email`).

    Idempotent: a duplicated or retried job finds the e-mail sent or claimed and sends nothing.
    """
    return mail.deliver_notice_email(notice_id=notice_id)


def sync_translations(content_type_id: int, object_id: int) -> int:
    """The translation loop for one published source object (`loop.sync_source`).

    Idempotent: a second run (or a run for an older publication) finds every language synced
    with the object's live revision and does nothing. Returns how many languages it synced.
    """
    return len(loop.sync_source(content_type_id=content_type_id, object_id=object_id))


def run_localize_job(path: str, args: list, kwargs: dict) -> None:
    """Run one of wagtail-localize's background jobs (`localize_jobs.DjangoQ2Backend`).

    The function is addressed by dotted path; its arguments travel as one list and one dict,
    so none of them is mistaken for one of django-q2's own options (``group``, ``timeout``...).
    wagtail-localize's jobs (translating a subtree) are its own; their idempotence is theirs.
    """
    import_string(path)(*args, **kwargs)
