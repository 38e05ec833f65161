import pytest
from django_q.conf import Conf


@pytest.fixture(autouse=True)
def jobs_inline(monkeypatch) -> None:
    """django-q2 runs enqueued jobs inline (`Q_CLUSTER["sync"]` is read once, at import)."""
    monkeypatch.setattr(Conf, "SYNC", True)
