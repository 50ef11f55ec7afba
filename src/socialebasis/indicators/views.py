from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from socialebasis.areas.models import Municipality
from socialebasis.core.permissions import can

from . import services
from .forms import MonitorUploadForm
from .models import ImportRun


def monitor_upload(request, statcode: str):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    if not can(request.user, "indicators.upload_monitor", municipality):
        raise PermissionDenied
    form = MonitorUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            report = services.import_own_monitor(
                municipality,
                form.cleaned_data["file"],
                monitor_name=form.cleaned_data["monitor_name"],
                actor=request.user,
            )
        except services.IndicatorImportError as exc:
            errors = exc.errors
        else:
            messages.success(request, _("The monitor is imported: %(summary)s.") % {"summary": report.summary()})
            return redirect("indicators:monitor-upload", statcode)
    return render(
        request,
        "indicators/monitor_upload.html",
        {
            "municipality": municipality,
            "form": form,
            "errors": errors,
            "columns": services.MONITOR_COLUMNS.items(),
            "runs": ImportRun.objects.filter(source__key=services.monitor_source_key(municipality))[:10],
            "breadcrumbs": [
                (_("Municipalities"), reverse("areas:home")),
                (municipality.name, reverse("areas:municipality", args=[statcode])),
                (_("Upload own monitor"), None),
            ],
        },
    )
