"""Background work of the wijk profiles; each task calls the service its management command calls."""

from celery import shared_task

from . import registrations, services, summaries


@shared_task(name="profiles.snapshot_registrations")
def snapshot_registrations() -> str:
    """The sociale kaart's registrations as this year's indicator values (`snapshot_registrations`)."""
    report = registrations.snapshot()
    return report.summary() if report else "geen sociale kaart"


@shared_task(name="profiles.recompute")
def recompute(municipalities: list[str] | None = None) -> int:
    """The wijk summaries again, of these municipalities or of all (`recompute_profiles`). Safe to repeat."""
    return summaries.recompute(municipalities)


@shared_task(name="profiles.make_report_pdf")
def make_report_pdf(pk: int) -> str:
    """The PDF of a printable wijk report (`services.request_report_pdf` queues it). Safe to repeat."""
    return services.make_report_pdf(pk)
