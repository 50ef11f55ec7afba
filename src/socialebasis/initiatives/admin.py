from django.contrib import admin

from .models import Application, Budget, Fund, Initiative, Round, TableMember


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "intake", "maximum", "is_active")


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ("name", "fund", "opens_on", "closes_on")


@admin.register(TableMember)
class TableMemberAdmin(admin.ModelAdmin):
    list_display = ("user", "fund", "is_active", "since")
    raw_id_fields = ("user",)


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ("fund", "district", "year", "amount", "granted")
    readonly_fields = ("granted",)


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ("title", "municipality", "status")
    readonly_fields = ("status",)
    raw_id_fields = ("owner", "members", "activities")


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("title", "fund", "district", "status", "amount", "granted")
    readonly_fields = ("status", "decision", "granted", "decided_at", "decided_by", "published_at")
    raw_id_fields = ("applicant", "assigned_to", "initiative")
