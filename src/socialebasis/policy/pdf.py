"""A policy check as PDF for the council, rendered by WeasyPrint from the print page (like profiles/pdf.py)."""

from django.contrib.staticfiles import finders


def render_pdf(html: str, base_url: str) -> bytes:
    from weasyprint import CSS, HTML

    stylesheet = finders.find("profiles/css/report.css")
    with open(stylesheet, encoding="utf-8") as handle:
        css = CSS(string=handle.read())
    # Nothing is fetched from outside: the check has no images, and links stay links.
    return HTML(string=html, base_url=base_url, url_fetcher=_no_fetch).write_pdf(stylesheets=[css])


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"The policy check fetches no outside resources ({url}).")
