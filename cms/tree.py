"""The children of a page, or its subtree, as a range of tree paths, which every database reads
from an index.

Wagtail's `child_of` filters on `path LIKE '<parent path>%'`. PostgreSQL reads that from the
path index, SQLite does not: its LIKE ignores case, so it cannot use an index of the
case-sensitive paths, and reads the whole page table instead (at 20,000 pages the home
page's teasers took tens of milliseconds each). A child's path is its parent's followed by
one step of treebeard's alphabet, so the children lie between the parent's path followed by
the smallest and by the largest step: a range that both databases read from the unique index
of the paths: treebeard's `_get_children_path_interval`, which its own `get_children` filters
on too (but only after trusting the parent's stored `numchild`, which a stale page object can
have reset to 0).
"""

from django.db.models import Q
from wagtail.models import Page


def children_q(parent: Page) -> Q:
    """The condition of the pages whose parent is `parent` (Wagtail's `child_of_q`)."""
    return Q(path__range=Page._get_children_path_interval(parent.path), depth=parent.depth + 1)


def subtree_q(page: Page) -> Q:
    """The condition of `page` and the pages below it (Wagtail's `descendant_of_q` with
    `inclusive=True`): their paths start with its path, so they lie between its path and its
    path followed by treebeard's largest step character up to the column's length."""
    longest = Page._meta.get_field("path").max_length
    return Q(path__range=(page.path, page.path + Page.alphabet[-1] * (longest - len(page.path))))
