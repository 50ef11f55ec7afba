"""Charts as accessible SVG: each has role="img", a title and a description in words, and the page always
shows the same figures in a table. Colours pass 3:1 contrast against white; lines also differ in dash."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Verdict

LINES = (
    ("value", "#24578f", ""),  # the wijk: solid blue
    ("municipality", "#5a5a5a", "4 3"),  # the municipality: dashed grey
    ("country", "#000000", "1 3"),  # the Netherlands: dotted black
)


def _n(value: float) -> str:
    return number_format(round(value, 1), decimal_pos=1)


SERIES_LABELS = {
    "value": gettext_lazy("this wijk"),
    "municipality": gettext_lazy("municipality"),
    "country": gettext_lazy("Netherlands"),
}


def legend() -> list[dict]:
    """The key to the trend charts: which line is which. Shown once beside the charts (the page and the report),
    each line drawn as a small sample; the lines also differ in dash, so the key does not rely on colour."""
    return [
        {"label": SERIES_LABELS[name], "colour": colour, "dash": dash or "none", "width": "3" if index == 0 else "2"}
        for index, (name, colour, dash) in enumerate(LINES)
    ]


def trend_chart(row, width: int = 168, height: int = 56) -> SafeString:
    """A small line chart of one indicator over the years with its axes labelled: the lowest and highest value
    on the vertical axis, the first and last year on the horizontal one. The accessible name (`<title>`) gives
    every figure in words; the table "Figures per year" gives the same figures."""
    points = [(y, v, m, c) for y, v, m, c in row.series]
    values = [x for _y, *rest in points for x in rest if x is not None]
    if len(points) < 2 or not values:
        return SafeString("")
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    years = [p[0] for p in points]
    first, last = min(years), max(years)
    left, right, top, bottom = 34, width - 6, 6, height - 14

    def xy(year, value):
        x = left + (right - left) * (year - first) / ((last - first) or 1)
        y = bottom - (bottom - top) * (value - low) / span
        return f"{x:.0f},{y:.0f}"

    lines = []
    for index, (_name, colour, dash) in enumerate(LINES):
        coords = [xy(p[0], p[index + 1]) for p in points if p[index + 1] is not None]
        if len(coords) >= 2:
            lines.append((" ".join(coords), colour, dash or "none", "3" if index == 0 else "1.5"))
    description = "; ".join(
        f"{y}: "
        + ", ".join(
            f"{label} {_n(v)}"
            for label, v in ((_("wijk"), a), (_("municipality"), m), (_("Netherlands"), c))
            if v is not None
        )
        for y, a, m, c in points
    )
    title = _("Trend of %(label)s") % {"label": row.indicator.label + (f" ({row.group})" if row.group else "")}
    axes = format_html(
        '<path d="M{l} {t}V{b}H{r}" stroke="#767676" fill="none"/>'
        '<g font-size="9" fill="#333"><text x="{lx}" y="{ty}" text-anchor="end">{high}</text>'
        '<text x="{lx}" y="{b}" text-anchor="end">{low}</text>'
        '<text x="{l}" y="{yy}">{first}</text><text x="{r}" y="{yy}" text-anchor="end">{last}</text></g>',
        l=left,
        t=top,
        b=bottom,
        r=right,
        lx=left - 3,
        ty=top + 7,
        yy=height - 2,
        high=_n(high),
        low=_n(low),
        first=first,
        last=last,
    )
    return format_html(
        '<svg class="sb-chart sb-chart--trend" role="img" width="{}" height="{}" viewBox="0 0 {} {}">'
        "<title>{}</title>{}{}</svg>",
        width,
        height,
        width,
        height,
        f"{title}: {description}",
        axes,
        format_html_join(
            "",
            '<polyline points="{}" fill="none" stroke="{}" stroke-dasharray="{}" stroke-width="{}"/>',
            lines,
        ),
    )


VERDICT_KINDS = (
    (Verdict.BETTER, gettext_lazy("notably better"), "#1a7a3a"),
    (Verdict.SIMILAR, gettext_lazy("about the same"), "#767676"),
    (Verdict.WORSE, gettext_lazy("notably worse"), "#b3261e"),
)


def verdict_legend() -> list[dict]:
    # Colours come from profiles.css (sb-swatch--<kind>): the content security policy allows no inline styles.
    return [{"label": label, "kind": str(kind)} for kind, label, _colour in VERDICT_KINDS]


def verdict_chart(profile, width: int = 420) -> SafeString:
    """Horizontal bars: how many indicators are notably better, about the same, notably worse than the
    municipality and than the Netherlands. Each bar is labelled with what it compares, each segment with its
    count, the horizontal axis with "number of indicators"; the legend (verdict_legend) sits beside it."""
    rows = profile.rows
    groups = (
        (_("Compared with the municipality"), [r.verdict_municipality for r in rows]),
        (_("Compared with the Netherlands"), [r.verdict_country for r in rows]),
    )
    counts = [[sum(1 for v in verdicts if v == kind) for kind, _l, _c in VERDICT_KINDS] for _t, verdicts in groups]
    total = max((sum(c) for c in counts), default=0)
    if not total:
        return SafeString("")
    bar_height, gap = 22, 34
    height = len(groups) * (bar_height + gap) + 24
    parts = []
    words = []
    for index, ((title, _verdicts), numbers) in enumerate(zip(groups, counts, strict=True)):
        y = index * (bar_height + gap) + 16
        parts.append(format_html('<text x="0" y="{}" font-size="13" fill="#000">{}</text>', y - 4, title))
        x = 0
        for (_kind, label, colour), count in zip(VERDICT_KINDS, numbers, strict=True):
            w = width * count / total
            if count:
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                        f"{x:.1f}",
                        y,
                        f"{w:.1f}",
                        bar_height,
                        colour,
                        label,
                        count,
                    )
                )
                if w > 24:
                    parts.append(
                        format_html(
                            '<text x="{}" y="{}" font-size="13" fill="#fff">{}</text>', f"{x + 6:.1f}", y + 16, count
                        )
                    )
            x += w
        words.append(
            f"{title}: "
            + ", ".join(f"{count} {label}" for (_k, label, _c), count in zip(VERDICT_KINDS, numbers, strict=True))
        )
    axis_y = height - 16
    parts.append(
        format_html(
            '<path d="M0 {y}H{w}" stroke="#767676"/><g font-size="11" fill="#333"><text x="0" y="{ty}">0</text>'
            '<text x="{w}" y="{ty}" text-anchor="end">{total}</text>'
            '<text x="{mid}" y="{ty}" text-anchor="middle">{axis}</text></g>',
            y=axis_y,
            w=width,
            ty=axis_y + 13,
            total=total,
            mid=width // 2,
            axis=_("number of indicators"),
        )
    )
    description = ". ".join(words)
    return format_html(
        '<svg class="sb-chart" role="img" viewBox="0 0 {} {}" width="{}" height="{}"><title>{}</title>{}</svg>',
        width,
        height,
        width,
        height,
        description,
        SafeString("".join(parts)),
    )


def classes(values: list[float], count: int = 5) -> list[tuple[float, float]]:
    """Equal-count classes for the choropleth legend."""
    ordered = sorted(values)
    if not ordered:
        return []
    count = min(count, len(ordered))
    bounds = []
    for i in range(count):
        low = ordered[int(i * len(ordered) / count)]
        high = ordered[min(len(ordered) - 1, int((i + 1) * len(ordered) / count) - 1)]
        if bounds and low <= bounds[-1][1]:
            low = bounds[-1][1]
        if high < low:
            continue
        bounds.append((low, high))
    return bounds


def class_of(value: float, bounds: list[tuple[float, float]]) -> int:
    for index, (_low, high) in enumerate(bounds):
        if value <= high:
            return index
    return len(bounds) - 1
