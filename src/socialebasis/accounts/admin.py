from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin as OTPStaticDeviceAdmin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as OTPTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.core.permissions import can

from . import services
from .models import EnrolmentLink, User

# Django stores its permissions' names in English ("Can add group"); the admin shows them in Dutch instead.
_ACTIONS = {"add": _("may add"), "change": _("may change"), "delete": _("may delete"), "view": _("may view")}


def permission_label(permission) -> str:
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is None or action not in _ACTIONS or model_name != model._meta.model_name:
        return str(permission)
    return f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {_ACTIONS[action]}"


class DutchPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DutchPermissionsMixin, DjangoGroupAdmin):
    pass


@admin.register(User)
class UserAdmin(DutchPermissionsMixin, DjangoUserAdmin):
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")
    filter_horizontal = ("municipalities", "districts", "groups", "user_permissions")
    readonly_fields = ("second_step",)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Role and scope"), {"fields": ("role", "municipalities", "districts")}),
        (_("Second step"), {"fields": ("second_step",)}),
    )
    actions = ["remove_second_step"]

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/koppellink/",
                self.admin_site.admin_view(self.enrolment_link_view),
                name="accounts_user_enrolment_link",
            )
        ]
        return own + super().get_urls()

    @admin.display(description=_("Second step"))
    def second_step(self, user: User) -> str:
        if user.pk is None:
            return "-"
        state = _("app linked") if services.has_usable_second_step(user) else _("no app linked")
        url = reverse("admin:accounts_user_enrolment_link", args=[user.pk])
        return format_html('{} · <a href="{}">{}</a>', state, url, _("Make an enrolment link"))

    def enrolment_link_view(self, request, object_id):
        """Confirm, then make a one-time enrolment link and show it once."""
        user = get_object_or_404(User, pk=object_id)
        if not can(request.user, "accounts.manage_second_step", user):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": user,
            "title": _("Enrolment link for the second step"),
            "hours": settings.ENROLMENT_LINK_HOURS,
        }
        if request.method == "POST":
            token = services.create_enrolment_link(user, actor=request.user, via="admin")
            context["link"] = request.build_absolute_uri(services.enrolment_path(token))
        return TemplateResponse(request, "admin/accounts/user/enrolment_link.html", context)

    @admin.action(description=_("Remove the second step (apps and recovery codes) of the selected users"))
    def remove_second_step(self, request, queryset):
        users = list(queryset)
        if not all(can(request.user, "accounts.manage_second_step", user) for user in users):
            raise PermissionDenied
        removed = sum(services.remove_second_step(user, actor=request.user) for user in users)
        self.message_user(
            request,
            _("Removed: %(count)d. Make an enrolment link so that they can link a new app.") % {"count": removed},
            messages.SUCCESS,
        )
        return redirect(request.get_full_path())


@admin.register(EnrolmentLink)
class EnrolmentLinkAdmin(admin.ModelAdmin):
    """Read only: which links were made, by whom, and whether they were used. The secret itself is not kept."""

    list_display = ("user", "created_by", "created_at", "expires_at", "used_at")
    list_select_related = ("user", "created_by")
    readonly_fields = ("user", "created_by", "created_at", "expires_at", "used_at")
    exclude = ("token_hash",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


# django-otp's own admin classes, with Dutch headings, and without an add form: an authenticator app is linked by
# its user (with an enrolment link, above) and recovery codes are made by the service, never typed in here.
_DEVICE_HEADINGS = {
    "Identity": _("Who and what"),
    "Timestamps": _("When"),
    "Configuration": _("Settings"),
    "State": _("State"),
    "Throttling": _("Failed attempts"),
}


class DutchDeviceAdmin:
    search_help_text = _("Search by username or e-mail address")

    def has_add_permission(self, request) -> bool:
        return False

    def get_fieldsets(self, request, obj=None):
        return [(_DEVICE_HEADINGS.get(title, title), options) for title, options in super().get_fieldsets(request, obj)]


class TOTPDeviceAdmin(DutchDeviceAdmin, OTPTOTPDeviceAdmin):
    pass


class StaticDeviceAdmin(DutchDeviceAdmin, OTPStaticDeviceAdmin):
    pass


for _model, _model_admin in ((TOTPDevice, TOTPDeviceAdmin), (StaticDevice, StaticDeviceAdmin)):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)
    admin.site.register(_model, _model_admin)
