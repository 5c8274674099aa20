"""Charts drawn on the server as inline SVG: no JavaScript, no chart library, readable
without CSS. Every piece of text is escaped; colours come from CSS classes."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass
class Series:
    key: str  # CSS class suffix
    label: str


def bar_chart(rows: list[tuple[str, list[int]]], series: list[Series], *, title: str) -> Markup:
    """Grouped horizontal bars: one group per row (a country), one bar per series."""
    label_w, bar_w, bar_h, gap = 130, 320, 12, 10
    legend_h = 16 * len(series) + 8
    group_h = len(series) * (bar_h + 2) + gap
    height = legend_h + len(rows) * group_h + 4
    width = label_w + bar_w + 50
    top = max([v for _, values in rows for v in values] + [1])
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for k, s in enumerate(series):  # legend, one line each: labels can be long
        y = 4 + 16 * k
        parts.append(
            f'<rect class="bar-{escape(s.key)}" x="{label_w}" y="{y}" width="10" height="10"/>'
        )
        parts.append(
            f'<text class="legend" x="{label_w + 14}" y="{y + 9}">{escape(s.label)}</text>'
        )
    for i, (label, values) in enumerate(rows):
        y = legend_h + i * group_h
        parts.append(
            f'<text class="axis-label" x="{label_w - 8}" y="{y + group_h / 2}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        for j, (s, value) in enumerate(zip(series, values, strict=True)):
            by = y + j * (bar_h + 2)
            w = round(bar_w * value / top, 1)
            parts.append(
                f'<rect class="bar-{escape(s.key)}" x="{label_w}" y="{by}" '
                f'width="{max(w, 1 if value else 0)}" height="{bar_h}">'
                f"<title>{escape(label)}: {escape(s.label)} {value}</title></rect>"
            )
            parts.append(
                f'<text class="value" x="{label_w + w + 4}" y="{by + bar_h - 2}">{value}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _year_fraction(date: str) -> float:
    """'2023-11-05' -> 2023.84; partial dates sit at the start of their month or year."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 1
    day = parts[2] if len(parts) > 2 else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline(items: list[tuple[str | None, str, str, str, bool]], *, title: str) -> Markup | None:
    """A horizontal time axis with one marker per dated event.

    ``items`` are (date, type, label, href, approximate); an approximate date (the
    publication date of the report, for an event the text does not date) gets a hollow
    marker and "≈". Undated ones are left out (the page lists them). Returns None when
    nothing is dated."""
    dated = [item for item in items if item[0] and item[0][:4].isdigit()]
    if not dated:
        return None
    positions = [_year_fraction(d) for d, *_ in dated]
    lo, hi = min(positions), max(positions)
    if hi - lo < 1:
        lo, hi = lo - 0.5, hi + 0.5
    width, pad, row_h = 640, 40, 22
    height = 50 + row_h * len(dated)

    def x_of(value: float) -> float:
        return round(pad + (width - 2 * pad) * (value - lo) / (hi - lo), 1)

    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{pad}" y1="30" x2="{width - pad}" y2="30"/>',
    ]
    first, last = int(lo) + (lo % 1 > 0), int(hi)
    step = max(1, (last - first) // 8 + 1)
    for year in range(first, last + 1, step):
        x = x_of(year)
        parts.append(f'<line class="tick" x1="{x}" y1="26" x2="{x}" y2="34"/>')
        parts.append(f'<text class="axis-label" x="{x}" y="20" text-anchor="middle">{year}</text>')
    for i, ((date, type_, label, href, approximate), value) in enumerate(
        sorted(zip(dated, positions, strict=True), key=lambda pair: pair[1])
    ):
        x, y = x_of(value), 50 + i * row_h
        anchor = "end" if x > width / 2 else "start"
        dx = -8 if anchor == "end" else 8
        parts.append(f'<line class="guide" x1="{x}" y1="30" x2="{x}" y2="{y}"/>')
        parts.append(f'<a href="{escape(href)}">')
        hollow = " approximate" if approximate else ""
        parts.append(f'<circle class="event-{escape(type_)}{hollow}" cx="{x}" cy="{y}" r="6"/>')
        parts.append(
            f'<text class="event-label" x="{x + dx}" y="{y + 4}" text-anchor="{anchor}">'
            f"{'≈ ' if approximate else ''}{escape(date)} · {escape(label)}</text></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
