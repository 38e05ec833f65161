"""The database cache's `set_many` (cms/database_cache.py): the page cache's tag bumps without
Redis, in a few statements, with Django's semantics."""

import pytest
from django.core.cache import caches
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def cache(db, database_cache):
    cache = caches["default"]
    cache.clear()
    return cache


def test_set_many_writes_new_and_existing_keys_with_their_own_values(cache):
    cache.set_many({"a": "old", "b": "old"})
    cache.set_many({"a": "new", "b": {"x": 1}, "c": "new", "d": 4})
    assert cache.get_many(["a", "b", "c", "d"]) == {"a": "new", "b": {"x": 1}, "c": "new", "d": 4}


def test_a_bump_of_many_tags_is_a_handful_of_statements_not_five_per_key(cache):
    tags = {f"pagecache:tag:page:{n:04}": "i1" for n in range(10)}
    cache.set_many(dict(list(tags.items())[:5]))
    with CaptureQueriesContext(connection) as queries:
        cache.set_many(dict.fromkeys(tags, "b2"))  # 5 keys exist, 5 are new
    # a count, then in a transaction: a read, one UPDATE, one INSERT (plus BEGIN/COMMIT or a
    # savepoint, as the database runs them); Django's own set_many ran 50 here
    assert len(queries) <= 7, [q["sql"] for q in queries.captured_queries]
    assert set(cache.get_many(tags).values()) == {"b2"}


def test_a_timeout_expires_the_keys_and_none_keeps_them(cache):
    cache.set_many({"gone": 1, "also-gone": 2}, timeout=0)
    cache.set_many({"kept": 1, "also-kept": 2}, timeout=None)
    assert cache.get_many(["gone", "also-gone", "kept", "also-kept"]) == {
        "kept": 1,
        "also-kept": 2,
    }


def test_a_batch_the_database_refuses_is_written_key_by_key(cache):
    """Two requests inserting the same new key at once: the batch's INSERT fails on the unique
    key; the keys are then set one by one, as Django's database cache sets them."""
    refused = []

    def refuse_the_batch_insert(execute, sql, params, many, context):
        if many and sql.startswith("INSERT") and not refused:
            refused.append(sql)
            raise IntegrityError("duplicate key")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_the_batch_insert):
        cache.set_many({"p": 1, "q": 2})
    assert refused
    assert cache.get_many(["p", "q"]) == {"p": 1, "q": 2}
