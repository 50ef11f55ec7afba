from django.contrib import admin

from . import services
from .models import Activity, MeetingPlace, Organisation, Synonym


class EntryAdmin(admin.ModelAdmin):
    list_filter = ["status", "municipality", "is_demo"]
    readonly_fields = ["created_at", "updated_at", "checked_at", "checked_by", "reminder_sent_at"]

    def save_model(self, request, obj, form, change):
        # Writes go through the service so that derived fields and the audit log stay right.
        services.save_entry(obj, actor=request.user, via="admin")


@admin.register(Organisation)
class OrganisationAdmin(EntryAdmin):
    list_display = ["name", "kind", "municipality", "status", "checked_at"]
    search_fields = ["name", "external_id"]


@admin.register(MeetingPlace)
class MeetingPlaceAdmin(EntryAdmin):
    list_display = ["name", "kind", "municipality", "district", "status", "checked_at"]
    search_fields = ["name", "street", "postcode", "external_id"]
    raw_id_fields = ["district", "organisation"]


@admin.register(Activity)
class ActivityAdmin(EntryAdmin):
    list_display = ["title", "municipality", "district", "status", "assessment_verdict", "verdict_override"]
    list_filter = [*EntryAdmin.list_filter, "assessment_verdict", "cost"]
    search_fields = ["title", "external_id"]
    raw_id_fields = ["district", "organisation", "place"]
    readonly_fields = [*EntryAdmin.readonly_fields, "assessment_verdict", "assessment"]


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["term", "alternatives"]
    search_fields = ["term", "alternatives"]
