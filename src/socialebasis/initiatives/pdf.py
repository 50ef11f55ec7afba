"""The decision letter as PDF, rendered from HTML by WeasyPrint (ADR 0013), like the wijk report (profiles/pdf.py)."""

from django.template.loader import render_to_string

LETTER_CSS = """
@page { size: A4; margin: 2.5cm 2cm; }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.5; color: #000; }
h1 { font-size: 16pt; margin: 0 0 1em; }
dt { font-weight: bold; margin-top: .5em; }
dd { margin: 0; }
"""


def decision_letter(application) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string("initiatives/pdf/letter.html", {"application": application})
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf(stylesheets=[CSS(string=LETTER_CSS)])


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"The letter fetches no outside resources ({url}).")
