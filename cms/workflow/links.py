"""Which link targets the plugin lets into a translation: what the page editor itself accepts.

The page editor's rich text and URL fields accept web, e-mail and telephone links and links
relative to the site; a `javascript:` or `data:` link runs code or smuggles content in the
reader's browser. Browsers ignore control characters and whitespace inside a scheme
("java\\tscript:"), so they are removed before the scheme is read.
"""

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "tel"})
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]+")


def scheme_of(value: str) -> str:
    """The URL scheme of `value` as a browser reads it, lower-cased ("" for a relative link)."""
    try:
        return urlsplit(_IGNORED_BY_BROWSERS.sub("", value)).scheme.lower()
    except ValueError:
        return "invalid"


def is_link(value: object) -> bool:
    """Whether a source value is a link (so its override must be a safe link too)."""
    if not isinstance(value, str) or not value.strip():
        return False
    stripped = value.strip()
    return stripped.startswith(("/", "#", "?")) or (
        scheme_of(stripped) in SAFE_SCHEMES - {""} and ":" in stripped
    )


def is_safe_link(value: object) -> bool:
    """Whether `value` is a web, e-mail, telephone or relative link."""
    return isinstance(value, str) and scheme_of(value) in SAFE_SCHEMES
