"""Two indexes on Wagtail's page table, so that reading a page or a listing costs the same at
20,000 pages as at 2,000.

- `cms_page_type_listing` (language, content type, tree order and the columns of the
  public-pages conditions): `GET /api/v2/pages/?type=<one type>&locale=...`
  (`cms.api.PagesAPIViewSet.public_pages_of`) reads the pages of its language and type from
  it: SQLite its page of results in index order (20 rows) and its count from the index alone,
  PostgreSQL the language's pages of the type, sorted. Wagtail's own indexes give only "every
  page of the language": at 20,000 pages SQLite read all 10,000 English pages and sorted them
  for each listing and again for its count (about 10 ms each, ten times as much as at 2,000
  pages), PostgreSQL the pages of the type in both languages.
- `cms_page_menu` (depth, partial: pages shown in menus): the routing query (`cms.routing`)
  asks for the menu pages (one depth, `show_in_menus`) beside the page and its ancestors. With
  no index for that part, SQLite scanned the whole table in tree order (19 ms at 20,000 pages
  instead of 0.4) and PostgreSQL a sequential scan. Partial, so that no other query of the tree
  (which filters on a path range and a depth) is tempted by an index on depth alone.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_snippet_review"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX cms_page_type_listing ON wagtailcore_page "
            "(locale_id, content_type_id, path, live, depth, go_live_at, expire_at)",
            "DROP INDEX cms_page_type_listing",
        ),
        migrations.RunSQL(
            "CREATE INDEX cms_page_menu ON wagtailcore_page (depth) WHERE show_in_menus",
            "DROP INDEX cms_page_menu",
        ),
    ]
