"""The shape of a demo cluster and its description, shared by the county modules.

Each entry holds the page's fields (texts as `T`), the slugs of its sectors, its logo, how many
days its quality label stays valid from the day of the first run (None: no expiry date) and its
social links.
"""

from dataclasses import dataclass, field
from typing import Any

from cms.demo.bilingual import T
from cms.demo.data import block
from cms.demo.logos import LogoSpec

ABOUT = T("Rólunk", "About us")
SERVICES = T("Szolgáltatásaink", "Our services")


@dataclass(frozen=True)
class ClusterSeed:
    fields: dict[str, Any]
    sectors: list[str]
    logo: LogoSpec
    label_valid_days: int | None = None
    social: list[tuple[str, str]] = field(default_factory=list)


def description(about: T, services: list[T], quote: T, attribution: T) -> list[dict]:
    """The profile's rich description: who they are, what they offer, a word from the manager."""
    items_hu = "".join(f"<li>{item.hu}</li>" for item in services)
    items_en = "".join(f"<li>{item.en}</li>" for item in services)
    return [
        block("heading", {"text": ABOUT, "level": "h2"}),
        block("paragraph", T(f"<p>{about.hu}</p>", f"<p>{about.en}</p>")),
        block("heading", {"text": SERVICES, "level": "h2"}),
        block("paragraph", T(f"<ul>{items_hu}</ul>", f"<ul>{items_en}</ul>")),
        block("quote", {"text": quote, "attribution": attribution}),
    ]
