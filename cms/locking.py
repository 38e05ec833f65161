"""Named locks for jobs that must not run twice at the same moment on several workers."""

import zlib

from django.db import connection, transaction


def require_transaction(name: str) -> None:
    """Refuse to take the lock `name` outside `transaction.atomic()` (it would end at once).

    Raises:
        RuntimeError: when no transaction surrounds the call.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(f"{name}() needs a surrounding transaction.atomic().")


def lock_for_transaction(name: str) -> None:
    """Hold an exclusive lock called `name` until the current transaction ends.

    PostgreSQL: a transaction-scoped advisory lock, so concurrent workers on several machines
    queue for it. SQLite: nothing to do, because every transaction here begins IMMEDIATE and
    so already holds the database's single write lock (see settings.DATABASES).

    Raises:
        RuntimeError: when called outside a transaction (the lock would be released at once).
    """
    require_transaction("lock_for_transaction")
    if connection.vendor == "postgresql":
        key = zlib.crc32(name.encode()) - 2**31  # a signed 32-bit key, stable across processes
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
