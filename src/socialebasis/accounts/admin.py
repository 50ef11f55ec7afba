from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")
    filter_horizontal = ("municipalities", "districts", "groups", "user_permissions")
    fieldsets = (*DjangoUserAdmin.fieldsets, (_("Role and scope"), {"fields": ("role", "municipalities", "districts")}))
