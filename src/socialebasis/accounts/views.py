import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .forms import LoginForm, TokenForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


def _next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return default


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_verified():
        return redirect(_next_url(request, reverse_lazy("accounts:profile")))
    devices = list(TOTPDevice.objects.devices_for_user(request.user, confirmed=True))
    if not devices:
        return redirect("accounts:setup_totp")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify_second_factor(request, form.cleaned_data["token"]):
            return redirect(_next_url(request, reverse_lazy("accounts:profile")))
        form.add_error("token", _("This code is not right or has expired. Try the newest code."))
    demo_device = next((d for d in devices if services.is_demo_device(d)), None)
    return render(
        request,
        "accounts/verify.html",
        {
            "form": form,
            "next": _next_url(request, ""),
            "demo_code": services.current_code(demo_device) if demo_device else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def setup_totp(request):
    device = services.pending_totp_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.confirm_totp_device(request, device, form.cleaned_data["token"]):
            messages.success(request, _("Your authenticator app is set up."))
            return redirect("accounts:profile")
        form.add_error("token", _("This code is not right. Check the time on your phone and try again."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code for your app"))
    return render(
        request,
        "accounts/setup_totp.html",
        {"form": form, "secret": services.base32_secret(device), "qr_svg": qr_svg},
    )


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {"profile_user": request.user})


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset_form.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
