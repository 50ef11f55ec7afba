"""The self-assessment's years side by side as accessible SVG (like profiles/charts.py): role="img", every score in
words in the title, the same figures in the table beside it. Years differ in colour and in pattern (solid, striped,
outlined), so the chart does not rely on colour."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

YEAR_STYLES = (
    ("#24578f", "none"),  # the earliest year shown: solid blue
    ("#1a7a3a", "sb-stripes"),  # then: green with stripes
    ("#5a5a5a", "none"),  # then: grey
)
MAX_YEARS = len(YEAR_STYLES)


def legend(years: list[int]) -> list[dict]:
    return [{"year": year, "index": index} for index, year in enumerate(years[-MAX_YEARS:])]


def scores_chart(rows: list[dict], years: list[int], width: int = 560) -> SafeString:
    """Horizontal bars per building block, one per year (the last three years), on a scale of 1 to 5."""
    years = years[-MAX_YEARS:]
    if not rows or not years:
        return SafeString("")
    label_w, bar_h, gap = 230, 12, 12
    scale_w = width - label_w - 30
    block_h = len(years) * bar_h + gap
    height = len(rows) * block_h + 34
    parts, words = [], []
    for index, row in enumerate(rows):
        y0 = 8 + index * block_h
        name = row["block"].name
        short = name if len(name) <= 34 else name[:33] + "…"
        parts.append(format_html('<text x="0" y="{}" font-size="11" fill="#000">{}</text>', y0 + bar_h, short))
        said = []
        for position, score in enumerate(row["scores"][-MAX_YEARS:]):
            colour, pattern = YEAR_STYLES[position]
            y = y0 + position * bar_h
            value = score.score if score is not None and score.score else None
            if value:
                w = scale_w * value / 5
                fill = f"url(#{pattern})" if pattern != "none" else colour
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>'
                        '<text x="{}" y="{}" font-size="10" fill="#000">{}</text>',
                        label_w,
                        y,
                        f"{w:.1f}",
                        bar_h - 2,
                        fill,
                        colour,
                        f"{label_w + w + 4:.1f}",
                        y + bar_h - 3,
                        value,
                    )
                )
            said.append(f"{years[position]}: {value if value else _('no score')}")
        words.append(f"{name} ({', '.join(said)})")
    axis_y = height - 20
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="10" fill="#333" text-anchor="middle">{}</text>',
        ((f"{label_w + scale_w * n / 5:.1f}", axis_y + 12, n) for n in range(0, 6)),
    )
    defs = format_html(
        '<defs><pattern id="sb-stripes" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<rect width="3" height="6" fill="{}"/></pattern></defs>',
        YEAR_STYLES[1][0],
    )
    title = _("Scores per building block, from 1 to 5: %(scores)s") % {"scores": "; ".join(words)}
    return format_html(
        '<svg class="sb-chart" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}"><title>{t}</title>{d}'
        '{p}<path d="M{l} {a}H{r}" stroke="#767676"/>{ticks}</svg>',
        w=width,
        h=height,
        t=title,
        d=defs,
        p=SafeString("".join(parts)),
        l=label_w,
        a=axis_y,
        r=label_w + scale_w,
        ticks=ticks,
    )
