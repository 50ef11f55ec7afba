"""Administrators may look into messages through the admin, read-only; each look is in the audit log."""

from django.contrib import admin

from socialebasis.accounts.permissions import is_administrator
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event

from .models import Delivery, Message


class ReadOnlyForAdministrators(admin.ModelAdmin):
    def has_module_permission(self, request):
        return is_administrator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_administrator(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(ReadOnlyForAdministrators):
    list_display = ["created_at", "recipient", "kind", "subject", "frequency", "read_at"]
    list_filter = ["kind", "frequency"]
    search_fields = ["recipient__username", "subject"]
    list_select_related = ["recipient"]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200 and (message := self.get_object(request, object_id)) is not None:
            # Someone else's message read by staff: recorded, as every read of another person's data.
            record_event(request.user, Action.VIEW, message, recipient=message.recipient_id)
        return response


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyForAdministrators):
    list_display = ["created_at", "key", "recipient", "status", "attempts", "sent_at"]
    list_filter = ["status"]
    search_fields = ["key", "recipient__username"]
    list_select_related = ["recipient"]
