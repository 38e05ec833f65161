"""The demo content itself, in Hungarian with its English translation (`T(hu, en)`).

One module per content area; the builders in `cms.demo.seed` turn these declarations into pages
and snippets. Dates are offsets from the day of the first run (see `cms.demo.seed`).
"""

import uuid


def block(block_type: str, value: object) -> dict[str, object]:
    """One StreamField block in Wagtail's JSON form.

    The block gets its id here, so the Hungarian page and the unsaved English shadow built from
    the same declaration share it, and their translatable segments have the same paths.
    """
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}
