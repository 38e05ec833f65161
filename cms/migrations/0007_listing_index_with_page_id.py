"""The listing index of migration 0006 with the page id as its last column, so that an API
listing's count reads the index alone on PostgreSQL.

`GET /api/v2/pages/?type=<one type>&locale=...` counts the pages of its type and language
(`meta.total_count`), joining the type's table to the page table by the page id. Without the id
in the index, PostgreSQL read the page rows themselves for the count (a bitmap heap scan: 7 ms
at 20,000 pages, ten times as long as at 2,000); with it, an index-only scan (2.7 ms). An
index-only scan skips the rows of table pages the visibility map marks all-visible, which
(auto)vacuum maintains. SQLite's indexes hold the row id anyway: no change in its plans.
"""

from django.db import migrations

COLUMNS = "locale_id, content_type_id, path, live, depth, go_live_at, expire_at"


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_page_indexes")]

    operations = [
        migrations.RunSQL(
            [
                "DROP INDEX cms_page_type_listing",
                f"CREATE INDEX cms_page_type_listing ON wagtailcore_page ({COLUMNS}, id)",
            ],
            [
                "DROP INDEX cms_page_type_listing",
                f"CREATE INDEX cms_page_type_listing ON wagtailcore_page ({COLUMNS})",
            ],
        ),
    ]
