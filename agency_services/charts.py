"""Server-rendered SVG bar charts for the evidence dashboard (no JavaScript, no library).

Readable without colour: every bar carries its own hatching pattern (stripes, dots, crosses …)
besides its shade, its label is written beside it and its value at its end; the chart has a
title and a description for screen readers, and the dashboard shows a data table next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from agency_services.services.figures import Part

#: (pattern body, shade): drawn on a 8×8 tile; the shades differ in lightness too.
PATTERNS = (
    ('<path d="M0 8L8 0" stroke="#000" stroke-width="1.5"/>', "#2e6da4"),
    ('<circle cx="4" cy="4" r="1.6" fill="#000"/>', "#e0a526"),
    ('<path d="M0 0L8 8M8 0L0 8" stroke="#000" stroke-width="1"/>', "#5aa469"),
    ('<path d="M0 4H8" stroke="#000" stroke-width="1.5"/>', "#c8553d"),
    ('<path d="M4 0V8" stroke="#000" stroke-width="1.5"/>', "#8e7dbe"),
    ("", "#9aa5b1"),
)

LABEL_WIDTH = 260
BAR_WIDTH = 300
VALUE_WIDTH = 110
ROW = 30


def bar_chart(chart_id: str, title: str, parts: Sequence[Part]) -> SafeString:
    """A horizontal bar chart of `parts`, each bar scaled to the largest value."""
    largest = max((Decimal(p.value) for p in parts), default=Decimal("0")) or Decimal("1")
    height = ROW * max(len(parts), 1) + 10
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    defs = format_html_join(
        "",
        '<pattern id="{}-p{}" width="8" height="8" patternUnits="userSpaceOnUse">'
        '<rect width="8" height="8" fill="{}"/>{}</pattern>',
        ((chart_id, i, shade, mark_safe(body)) for i, (body, shade) in enumerate(PATTERNS)),  # noqa: S308 (constants)
    )
    bars = format_html_join(
        "",
        '<g><text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="20" fill="url(#{}-p{})" stroke="#000"/>'
        '<text x="{}" y="{}" class="chart-value">{}</text></g>',
        (
            (
                LABEL_WIDTH - 8,
                i * ROW + 20,
                _short(part.label),
                LABEL_WIDTH,
                i * ROW + 5,
                _length(part.value, largest),
                chart_id,
                i % len(PATTERNS),
                LABEL_WIDTH + _length(part.value, largest) + 6,
                i * ROW + 20,
                part.display,
            )
            for i, part in enumerate(parts)
        ),
    )
    description = "; ".join(f"{p.label}: {p.display}" for p in parts)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="evidence-chart" role="img" '
        'viewBox="0 0 {} {}" width="100%" aria-labelledby="{}-t {}-d">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc><defs>{}</defs>{}</svg>',
        width,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        defs,
        bars,
    )


def _length(value: Decimal | int, largest: Decimal) -> int:
    return max(int(Decimal(value) / largest * BAR_WIDTH), 1 if value else 0)


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
