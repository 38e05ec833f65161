"""Reading a page or an API listing of one type never reads the whole page table.

The query budgets (test_query_budgets.py) keep the number of queries constant; this keeps each
of them from growing with the site: every query of a routed page and of a one-type API listing
finds its pages of `wagtailcore_page` through an index (migration cms 0006), so its cost does
not depend on how many pages the site has (bench_scale.py measures it at 2,000 and 20,000).

The database's own plan says so. SQLite's `EXPLAIN QUERY PLAN` does not look at the table's
size, so the small test site gets the plan of a large one: the check is exact. PostgreSQL's
planner rightly reads a table of a few rows whole, and picks among usable indexes by size, so
there `EXPLAIN` runs with only bitmap scans allowed (each needs an index condition): the check
is that an index serves every condition, a query that none serves shows a sequential scan.
Each test also drops the indexes it relies on, inside its transaction, and sees the
whole-table read come back. That a one-type listing reads its rows by their type is checked
on SQLite only: which usable index PostgreSQL reads depends on the table's size.
"""

import itertools
import re

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

_explained = itertools.count()
# Read whole, with each row's page by its key: they grow with the site's settings (sites, view
# restrictions), not with its pages.
SMALL_TABLES = {"wagtailcore_site", "wagtailcore_pageviewrestriction"}
LISTING = "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&locale=en&fields=*&limit=20"


def queries_of(client, url: str) -> list[tuple[str, tuple]]:
    assert client.get(url).status_code == 200, url  # warm: renditions made, caches filled
    captured: list[tuple[str, tuple]] = []

    def capture(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        captured.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        assert client.get(url).status_code == 200, url
    return [
        (sql, params)
        for sql, params in captured
        if '"wagtailcore_page"' in sql and re.search(r'FROM "(\w+)"', sql)[1] not in SMALL_TABLES
    ]


def whole_table_reads(queries: list[tuple[str, tuple]]) -> list[str]:
    """The queries whose plan reads every row of the page table (a scan of the table, or of
    one of its indexes from end to end)."""
    found = []
    for sql, params in queries:
        whole = [step for step in plan_steps(sql, params) if step["whole"]]
        if whole:
            found.append(f"{sql[:300]}... -> {whole}")
    return found


def plan_steps(sql: str, params: tuple) -> list[dict]:
    """The plan's reads of `wagtailcore_page` (`table`: its name or alias in the query): what
    each reads by (`cond`, the index condition) and whether it reads the whole table."""
    names = {"wagtailcore_page", *re.findall(r'"wagtailcore_page" (U\d+)', sql)}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # A text of its own each time: Python's sqlite3 reuses a prepared statement of the
            # same text, with the plan it had before an index was dropped.
            cursor.execute(f"EXPLAIN QUERY PLAN {sql} /* {next(_explained)} */", params)
            steps = []
            for row in cursor.fetchall():
                words = row[3].split(" ")
                if words[0] in ("SCAN", "SEARCH") and words[1] in names:
                    steps.append({"table": words[1], "cond": row[3], "whole": words[0] == "SCAN"})
            return steps
        # Only bitmap scans, which read an index by a condition, or else a sequential scan: on
        # the test's few rows the planner would rather read a whole index in order.
        for method in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{method} = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        (plan,) = cursor.fetchone()[0]
    steps = []
    for node in _walk(plan["Plan"]):
        if node.get("Relation Name") != "wagtailcore_page":
            continue
        # A sequential scan reads by no index; a bitmap heap scan reads what its own index
        # scans found (not those of a subquery in its filter).
        scans = [n for n in _walk(node, own=True) if "Index Name" in n]
        conds = [scan.get("Index Cond", "") for scan in scans]
        whole = not scans or not all(conds)
        steps.append({"table": node["Alias"], "cond": " ".join(conds), "whole": whole})
    return steps


def _walk(node: dict, *, own: bool = False) -> list[dict]:
    """`node` and the nodes below it; with `own`, not those of its subqueries."""
    children = [
        child
        for child in node.get("Plans", [])
        if not own or child.get("Parent Relationship") not in ("SubPlan", "InitPlan")
    ]
    return [node, *(n for child in children for n in _walk(child, own=own))]


def drop_index(name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {name}")


def test_a_routed_page_reads_its_page_ancestors_and_menu_through_indexes(client, site_content):
    # The home page and the index pages too: their sections and listings read the children of
    # a page by a range of tree paths (cms.tree), which SQLite's LIKE would read whole.
    pages = ("cluster", "en_cluster", "event", "en_training", "home", "en_home")
    for key in (*pages, "cluster_index", "en_event_index", "training_index"):
        queries = queries_of(client, site_content[key].url)
        assert queries, key
        assert whole_table_reads(queries) == [], key

    # Control: without the partial index of the menu pages (nor the listing index, whose depth
    # column PostgreSQL can read from end to end), the routing query reads them all.
    queries = queries_of(client, site_content["en_cluster"].url)
    drop_index("cms_page_menu")
    drop_index("cms_page_type_listing")
    assert whole_table_reads(queries)


def reads_by_type(sql: str, params: tuple) -> bool:
    """Whether the plan finds the query's pages by an index condition on their content type,
    not among all the pages of their language."""
    steps = [step for step in plan_steps(sql, params) if step["table"] == "wagtailcore_page"]
    return bool(steps) and all("content_type_id" in step["cond"] for step in steps)


def narrowing_indexes() -> list[str]:
    """The indexes of the page table that start with the content type or the language
    (Wagtail's and ours)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    return [
        name
        for name, info in constraints.items()
        if info["index"]
        and not info["primary_key"]
        and not info["unique"]
        and info["columns"][:1] in (["content_type_id"], ["locale_id"])
    ]


def test_an_api_listing_of_one_type_reads_only_that_type(client, site_content):
    queries = queries_of(client, LISTING)
    listing = [
        (sql, params) for sql, params in queries if "cluster_pages_clusterprofilepage" in sql
    ]
    assert any("COUNT(*)" in sql for sql, _params in listing)  # the count, and the rows
    assert any("LIMIT" in sql for sql, _params in listing)
    assert whole_table_reads(queries) == []
    if connection.vendor != "sqlite":
        # Which of the usable indexes PostgreSQL reads depends on the table's size (on the
        # test's few rows: the language's); bench_scale.py shows its choice at 20,000 pages.
        return
    assert all(reads_by_type(sql, params) for sql, params in listing)

    # Control: without an index by type (ours and Wagtail's), the listing and its count read
    # every page of the language.
    for index in narrowing_indexes():
        drop_index(index)
    assert not any(reads_by_type(sql, params) for sql, params in listing)


def listing_index_covers(sql: str, params: tuple) -> bool:
    """Whether the listing index holds every column of the page table that `sql` reads, so
    that the database can answer it without reading a page row.

    On SQLite its plan says so (a covering index). PostgreSQL uses an index-only scan only
    where the visibility map marks the table's pages all-visible (after a VACUUM, which cannot
    run in a test's transaction) and the table is large enough: on the test's few rows it
    reads the rows by their key. So there the check is the index's columns; bench_scale.py
    shows the index-only count at 20,000 pages."""
    with connection.cursor() as cursor:
        index = connection.introspection.get_constraints(cursor, "wagtailcore_page").get(
            "cms_page_type_listing"
        )
        if index is None:
            return False
        if connection.vendor == "sqlite":  # every SQLite index holds the row id
            cursor.execute(f"EXPLAIN QUERY PLAN {sql} /* {next(_explained)} */", params)
            covering = "SEARCH wagtailcore_page USING COVERING INDEX cms_page_type_listing"
            return any(row[3].startswith(covering) for row in cursor.fetchall())
    read = set(re.findall(r'"wagtailcore_page"\."(\w+)"', sql))
    return read <= set(index["columns"])


def test_an_api_listing_counts_its_pages_from_the_listing_index_alone(client, site_content):
    """`meta.total_count` at 20,000 pages: PostgreSQL read 3,334 page rows to count them
    (7 ms) until the index held the page id, by which the count joins the type's table
    (migration cms 0007)."""
    (count,) = [
        (sql, params)
        for sql, params in queries_of(client, LISTING)
        if "COUNT(*)" in sql and "cluster_pages_clusterprofilepage" in sql
    ]
    assert listing_index_covers(*count)

    # Control: the index as migration 0006 made it (PostgreSQL: without the page id, it no
    # longer covers the count; SQLite, whose indexes hold the row id anyway: no index).
    drop_index("cms_page_type_listing")
    if connection.vendor != "sqlite":
        with connection.cursor() as cursor:
            # the test's deferred foreign key checks first: PostgreSQL indexes no table with
            # pending trigger events
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "CREATE INDEX cms_page_type_listing ON wagtailcore_page "
                "(locale_id, content_type_id, path, live, depth, go_live_at, expire_at)"
            )
    assert not listing_index_covers(*count)
