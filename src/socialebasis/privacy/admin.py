"""Every page of the Django admin leaves its trace in the audit log.

Reads of personal data (a declared model's list or record) are recorded as "viewed"; every addition, change and
deletion made in the admin is recorded as well, for every model. Rather than asking every app (and Django's and
the packages' own admin classes) to inherit a mixin, `audit_every_admin()` gives each registered admin class the
mixin once the admin has found them all (PrivacyConfig.ready); a test checks none is missed.
"""

from django.contrib import admin

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.personal_data_register import processing_of


class AuditedAdminMixin:
    def _records_reads(self, request, response) -> bool:
        return request.method == "GET" and response.status_code == 200 and processing_of(self.model) is not None

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if self._records_reads(request, response):
            record_event(
                request.user, Action.VIEW, object_type=self.model._meta.label_lower, object_id=object_id, via="admin"
            )
        return response

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None) or {}
        if self._records_reads(request, response) and "cl" in context:
            shown = [str(obj.pk) for obj in context["cl"].result_list]
            record_event(
                request.user,
                Action.VIEW,
                object_type=self.model._meta.label_lower,
                via="admin-list",
                shown=shown,
                query=request.GET.urlencode()[:500],
            )
        return response

    def log_addition(self, request, obj, message):
        record_event(request.user, Action.CREATE, obj, via="admin")
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        record_event(request.user, Action.UPDATE, obj, via="admin", change=str(message)[:500])
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            record_event(request.user, Action.DELETE, obj, via="admin")
        return super().log_deletions(request, queryset)


def audit_every_admin(site=admin.site) -> None:
    for model_admin in site._registry.values():
        cls = type(model_admin)
        if not issubclass(cls, AuditedAdminMixin):
            model_admin.__class__ = type(f"Audited{cls.__name__}", (AuditedAdminMixin, cls), {})
