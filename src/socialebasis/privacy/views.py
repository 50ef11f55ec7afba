"""A resident's own data (page and JSON download), deleting one's account, and the register for administrators."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can
from socialebasis.core.personal_data_register import processings

from . import services
from .forms import EraseAccountForm


@login_required
def my_data(request):
    """What the platform keeps about you, readable, and as JSON with ?formaat=json."""
    sections = services.export_personal_data(request.user)
    record_event(request.user, Action.EXPORT, request.user, own_data=True)
    if request.GET.get("formaat") == "json":
        body = json.dumps(
            {"exported_at": timezone.now().isoformat(), "user": request.user.get_username(), "data": sections},
            ensure_ascii=False,
            indent=2,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
        return response
    for section in sections:
        section["shown"] = [[_shown(value) for value in row.values()] for row in section["rows"]]
    return render(request, "privacy/my_data.html", {"sections": sections})


def _shown(value) -> str:
    """A value of the export as a resident reads it on the page."""
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {item}" for key, item in value.items())
    return "" if value is None else str(value)


@login_required
@require_http_methods(["GET", "POST"])
def erase_account(request):
    form = EraseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.erase_account(user, actor=user)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("areas:home")
    return render(request, "privacy/erase_account.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def register(request):
    """The register of processing activities (AVG article 30), made from the apps' declarations."""
    if not can(request.user, "privacy.view_register"):
        raise PermissionDenied
    return render(request, "privacy/register.html", {"processings": services.register_rows(processings())})
