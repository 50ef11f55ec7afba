"""The administration of funds (issue 15 point 2): a municipality's fund with its rounds, its wijk budgets and the
members of its initiative table. Applications, decisions, payouts and allocations have no admin: they are made on
the pages, through the services, which check the budget under a lock and audit every step."""

from django.contrib import admin

from .models import Budget, Fund, Round, TableMember


class RoundInline(admin.TabularInline):
    model = Round
    extra = 0


class BudgetInline(admin.TabularInline):
    model = Budget
    extra = 0
    raw_id_fields = ["district"]
    readonly_fields = ["granted"]  # only a decision moves it, under the budget's lock


class TableMemberInline(admin.TabularInline):
    model = TableMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "intake", "maximum", "is_active"]
    list_filter = ["municipality", "is_active"]
    inlines = [RoundInline, BudgetInline, TableMemberInline]
