"""Search input from readers and API clients, cleaned in one place.

Every search box of the project goes through here: the site search (`cms.views.search`) and
the `?search=` parameter of the API's pages, images and documents endpoints
(`cms.api.SearchFilter`). The database search back ends fail with a server error on input a
reader can type: PostgreSQL refuses NUL characters in a query, SQLite's FTS5 has a syntax of its
own (a stray `"` is a syntax error), and Wagtail refuses an unknown `search_operator` with a
`ValueError`. So a query is reduced to its words, and what cannot be reduced is refused with
`InvalidSearchInput`, whose message the API answers as a 400 and the site shows to the reader.
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

# Longer queries are cut: nobody types more, and the database back end's cost grows with it.
MAX_QUERY_LENGTH = 200
# Wagtail's `PlainText` operators.
SEARCH_OPERATORS = ("and", "or")


class InvalidSearchInput(ValueError):
    """A search input that cannot be searched for; `message` is fit to show to the reader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def clean_query(raw: str | None) -> str:
    """The query as shown back to the reader: whitespace collapsed, at most 200 characters.

    Raises `InvalidSearchInput` if it holds control characters (NUL and the like, other
    than whitespace): no reader types them, and PostgreSQL fails on NUL.
    """
    query = " ".join((raw or "").split())[:MAX_QUERY_LENGTH]
    if any(unicodedata.category(char) == "Cc" for char in query):
        raise InvalidSearchInput(_("The search cannot contain control characters."))
    return query


def search_terms(query: str) -> str:
    """The words of `query`, without punctuation.

    The SQLite back end hands the query to FTS5, whose syntax error on a stray quote or `<`
    would be a 500; searching for the words alone is what a reader means anyway.
    """
    return " ".join(re.findall(r"\w+", query))


def query_terms(raw: str | None) -> str:
    """The words to search for in raw input: `clean_query`, then `search_terms`."""
    return search_terms(clean_query(raw))


def search_operator(raw: str | None) -> str | None:
    """`and`, `or` or None (Wagtail's default) for a `search_operator` value."""
    if raw is None:
        return None
    if raw not in SEARCH_OPERATORS:
        raise InvalidSearchInput(_("The search operator must be “and” or “or”."))
    return raw
