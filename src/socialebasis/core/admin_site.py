"""The administration (/beheer/): Django's admin behind the second factor, titled in Dutch, with the import pages.

`AdminSite` is the default site (`core.apps.AdminConfig`, named in INSTALLED_APPS instead of django.contrib.admin:
the documented way to replace `admin.site`). It asks for a
verified second factor like django-otp's `OTPAdminSite`, and adds /beheer/import/: the importers the apps registered
(`core/importers.py`), startable by administrators only.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from . import importers
from .imports import ImportRefused, RowError
from .roles import is_administrator


class AdminSite(OTPAdminSite):
    site_title = _("Sociale Basis administration")
    site_header = _("Sociale Basis administration")
    index_title = _("Sociale Basis administration")

    def __init__(self, name: str = "admin"):
        super().__init__(name)  # OTPAdminSite would call itself "otpadmin"; every reverse("admin:…") needs "admin"

    def get_urls(self):
        own = [
            path("import/", self.admin_view(self.imports_view), name="imports"),
            path("import/<slug:key>/", self.admin_view(self.import_view), name="import"),
        ]
        return own + super().get_urls()

    def each_context(self, request):
        context = super().each_context(request)
        context["may_import"] = is_administrator(request.user) and bool(importers.importers())
        return context

    def imports_view(self, request):
        if not is_administrator(request.user):
            raise PermissionDenied
        context = {**self.each_context(request), "title": _("Imports"), "importers": importers.importers()}
        return TemplateResponse(request, "admin/imports/index.html", context)

    def import_view(self, request, key: str):
        """The form of one importer; on a good file its report, on a bad one every problem and nothing written."""
        if not is_administrator(request.user):
            raise PermissionDenied
        chosen = importers.importer(key)
        if chosen is None:
            raise Http404
        form = chosen.form(request.POST or None, request.FILES or None)
        report = refused = None
        if request.method == "POST" and form.is_valid():
            try:
                report = chosen.run(form.cleaned_data, request.user)
            except ImportRefused as exc:
                refused = exc.errors
        context = {
            **self.each_context(request),
            "title": chosen.label,
            "importer": chosen,
            "form": form,
            "report": report,
            "row_errors": [error for error in refused or [] if isinstance(error, RowError)],
            "other_errors": [str(error) for error in refused or [] if not isinstance(error, RowError)],
            "refused": refused is not None,
            "problem_count": len(refused or []),
        }
        return TemplateResponse(request, "admin/imports/import.html", context, status=422 if refused else 200)
