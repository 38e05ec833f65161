"""After a bulk load, `seed_scale` refreshes PostgreSQL's planner statistics and visibility map
(cms/demo/scale.py `refresh_planner_statistics`); the seed's own tests run in a transaction,
where only ANALYZE can run."""

import pytest
from django.db import connection

from cms.demo.scale import refresh_planner_statistics


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_postgresql_also_marks_the_rows_all_visible():
    """So that index-only scans (an API listing's count) skip the rows, as after autovacuum."""
    ran = refresh_planner_statistics()
    if connection.vendor == "sqlite":
        assert ran is None  # SQLite plans without statistics
        return
    assert ran == "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute("SELECT relallvisible FROM pg_class WHERE relname = 'wagtailcore_page'")
        assert cursor.fetchone()[0] > 0
