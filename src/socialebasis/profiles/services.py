"""Writes for profiles: minimum standards (with presets), the sociale agenda (every change audited), and the PDF
of the printable report, made on the worker."""

import hashlib
import json
import time
from datetime import timedelta
from pathlib import Path

import structlog
from django.db import transaction
from django.utils import timezone

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.indicators.models import Indicator

from .models import AgendaItem, Norm, ReportPdf, ReportStatus

log = structlog.get_logger(__name__)

PRESETS = Path(__file__).resolve().parent / "presets"


class PresetError(ValueError):
    pass


def preset_path(municipality: Municipality) -> Path | None:
    path = PRESETS / f"{municipality.statcode}.json"
    return path if path.exists() else None


def apply_preset(municipality: Municipality, actor=None) -> tuple[int, int]:
    """Add the municipality's preset norms that are not there yet (idempotent). Returns (added, present)."""
    path = preset_path(municipality)
    if path is None:
        raise PresetError(f"Er is geen voorinstelling voor {municipality.name}.")
    document = json.loads(path.read_text(encoding="utf-8"))
    added = present = 0
    with transaction.atomic():
        for position, item in enumerate(document["norms"]):
            if Norm.objects.filter(municipality=municipality, preset=item["preset"]).exists():
                present += 1
                continue
            indicator = None
            if item.get("indicator"):
                indicator = Indicator.objects.filter(key=item["indicator"]).first()
                if indicator is None:
                    raise PresetError(
                        f"Indicator {item['indicator']} is nog niet geladen; importeer eerst de gezondheidscijfers."
                    )
            norm = Norm.objects.create(
                municipality=municipality,
                title=item["title"],
                explanation=item.get("explanation", ""),
                kind=item["kind"],
                indicator=indicator,
                group=item.get("group", ""),
                threshold=item.get("threshold", 0),
                registration=item.get("registration", ""),
                preset=item["preset"],
                position=position,
            )
            record_event(actor, Action.CREATE, norm, municipality=municipality.statcode, preset=item["preset"])
            added += 1
    return added, present


def save_norm(form, actor, municipality: Municipality) -> Norm:
    with transaction.atomic():
        is_new = form.instance.pk is None
        norm = form.save(commit=False)
        norm.municipality = municipality
        norm.save()
        record_event(
            actor,
            Action.CREATE if is_new else Action.UPDATE,
            norm,
            municipality=municipality.statcode,
            changed=sorted(form.changed_data),
        )
        return norm


def delete_norm(norm: Norm, actor) -> None:
    with transaction.atomic():
        record_event(actor, Action.DELETE, norm, municipality=norm.municipality.statcode)
        norm.delete()


def save_agenda_item(form, actor, district) -> AgendaItem:
    with transaction.atomic():
        is_new = form.instance.pk is None
        item = form.save(commit=False)
        item.district = district
        if is_new:
            item.created_by = actor
        item.save()
        form.save_m2m()
        record_event(
            actor,
            Action.CREATE if is_new else Action.UPDATE,
            item,
            municipality=district.municipality.statcode,
            district=district.statcode,
            changed=sorted(form.changed_data),
        )
        return item


def delete_agenda_item(item: AgendaItem, actor) -> None:
    with transaction.atomic():
        record_event(actor, Action.DELETE, item, municipality=item.district.municipality.statcode)
        item.delete()


# The PDF of the printable report ------------------------------------------------------------------------------

# A PDF still "being made" this long after it was asked for lost its worker (and acks_late did not bring the task
# back, e.g. the broker's message was lost): the next request queues it again.
REPORT_STUCK_AFTER = timedelta(minutes=5)
# Older PDFs of the same report (other figures, another day) are kept this long, then dropped on the next request.
REPORT_KEPT = timedelta(days=1)


def request_report_pdf(*, code: str, division_year: int, html: str, base_url: str) -> ReportPdf:
    """The PDF of this report HTML: ready when it was made before, else queued for the worker (once; a failed or
    stuck one again). Without a worker (demo, development) the task runs when this transaction commits, so the
    returned row is ready at once."""
    digest = hashlib.sha256(html.encode()).hexdigest()
    now = timezone.now()
    with transaction.atomic():
        report, created = ReportPdf.objects.select_for_update().get_or_create(
            digest=digest,
            defaults={
                "code": code,
                "division_year": division_year,
                "html": html,
                "base_url": base_url,
                "requested_at": now,
            },
        )
        again = report.status == ReportStatus.FAILED or (
            report.status == ReportStatus.PENDING and now - report.requested_at > REPORT_STUCK_AFTER
        )
        if again:
            report.status, report.html, report.base_url, report.requested_at = ReportStatus.PENDING, html, base_url, now
            report.save(update_fields=["status", "html", "base_url", "requested_at"])
        if created:
            ReportPdf.objects.filter(
                code=code, division_year=division_year, requested_at__lt=now - REPORT_KEPT
            ).exclude(pk=report.pk).delete()
        if created or again:
            from .tasks import make_report_pdf

            pk = report.pk
            transaction.on_commit(lambda: make_report_pdf.delay(pk))
    report.refresh_from_db()
    return report


def drop_report_pdfs(codes: list[str]) -> int:
    """Forget the stored PDFs of these areas (CBS codes): one of them may hold what may no longer be shown, such as
    a withdrawn story. The next request makes them again from what may be read now."""
    return ReportPdf.objects.filter(code__in=codes).delete()[0]


def make_report_pdf(pk: int) -> str:
    """Render a queued report to PDF (WeasyPrint) and store it. Safe to repeat: a ready one is left alone."""
    from .pdf import render_pdf

    report = ReportPdf.objects.filter(pk=pk).first()
    if report is None or report.status == ReportStatus.READY:
        return "al klaar" if report else "niet gevonden"
    started = time.perf_counter()
    try:
        pdf = render_pdf(report.html, base_url=report.base_url)
    except Exception:
        # A report that cannot be rendered is marked failed and shown as such, not retried without end.
        log.exception("report_pdf_failed", code=report.code, division_year=report.division_year)
        ReportPdf.objects.filter(pk=pk).update(status=ReportStatus.FAILED, finished_at=timezone.now())
        return "mislukt"
    seconds = round(time.perf_counter() - started, 2)
    ReportPdf.objects.filter(pk=pk).update(
        status=ReportStatus.READY, pdf=pdf, html="", finished_at=timezone.now(), seconds=seconds
    )
    return f"{report.code}: {len(pdf)} bytes in {seconds} s"
