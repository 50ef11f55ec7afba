import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.core.client_address import client_address

from . import services
from .documents import CURRENT_VERSIONS, template_of
from .forms import EmailChangeForm, LoginForm, PasswordChangeForm, ResetForm, SignupForm, TokenForm, VerifyForm
from .hub import sections_for
from .models import Document
from .quotas import password_reset_allowed, sign_up_allowed
from .work import may_see_work, parts_for, starts_on_work

# The enrolment link a signed-in user opened (its primary key), until the app is linked.
ENROLMENT_SESSION_KEY = "socialebasis_enrolment_link"
# Recovery codes just made: shown on the next page once, then gone from the session.
NEW_CODES_SESSION_KEY = "socialebasis_new_recovery_codes"


def start_url(user) -> str:
    """Where a person lands after signing in: staff on "Mijn werk", everyone else on "Mijn account"."""
    return reverse("accounts:work" if starts_on_work(user) else "accounts:profile")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        if self.next_page:
            return super().get_default_redirect_url()
        return start_url(self.request.user)


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


def _next_url(request, default: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}):
        return candidate
    return default


def _to_verify(request):
    return redirect(reverse("accounts:verify") + "?" + urlencode({"next": request.get_full_path()}))


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_verified():
        return redirect(_next_url(request, start_url(request.user)))
    if not services.has_usable_second_step(request.user):
        return redirect("accounts:setup_totp")
    devices = list(TOTPDevice.objects.devices_for_user(request.user, confirmed=True))
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        how = services.verify_second_factor(request, form.cleaned_data["token"])
        if how == "recovery_code":
            left = services.recovery_codes_left(request.user)
            messages.warning(
                request,
                _(
                    "You signed in with a recovery code; %(left)d codes are left. Lost your phone? Link your new "
                    "authenticator app below."
                )
                % {"left": left},
            )
            return redirect(reverse("accounts:setup_totp") + "?" + urlencode({"next": _next_url(request, "")}))
        if how:
            return redirect(_next_url(request, start_url(request.user)))
        wait = services.second_step_wait(request.user)
        if wait:
            form.add_error(
                "token",
                ngettext(
                    "Too many wrong codes. Wait %(seconds)d second, then try the newest code.",
                    "Too many wrong codes. Wait %(seconds)d seconds, then try the newest code.",
                    wait,
                )
                % {"seconds": wait},
            )
        else:
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
@require_http_methods(["GET"])
def enrol(request, token: str):
    """An administrator's enrolment link, opened after the password step (login_required sends one there first)."""
    link = services.valid_enrolment_link(request.user, token=token)
    if link is None:
        return render(request, "accounts/enrolment_link_invalid.html", status=404)
    request.session[ENROLMENT_SESSION_KEY] = link.pk
    return redirect("accounts:setup_totp")


@login_required
@require_http_methods(["GET", "POST"])
def setup_totp(request):
    """Link an authenticator app: with the second step done already, or with an administrator's enrolment link."""
    user = request.user
    link = services.valid_enrolment_link(user, pk=request.session.get(ENROLMENT_SESSION_KEY))
    if link is None and not user.is_verified():
        if services.has_usable_second_step(user):
            return _to_verify(request)
        return render(request, "accounts/ask_administrator.html", status=403)
    device = services.pending_totp_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_totp_device(request, device, form.cleaned_data["token"], link=link)
        if codes:
            request.session.pop(ENROLMENT_SESSION_KEY, None)
            request.session[NEW_CODES_SESSION_KEY] = codes
            messages.success(request, _("Your authenticator app is set up."))
            return redirect("accounts:recovery_codes")
        form.add_error("token", _("This code is not right. Check the time on your phone and try again."))
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code for your app"))
    return render(
        request,
        "accounts/setup_totp.html",
        {
            "form": form,
            "secret": services.base32_secret(device),
            "qr_svg": qr_svg,
            "replacing": user.is_verified(),
            "skip_url": _next_url(request, reverse("accounts:profile")),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """Recovery codes: the new ones once, right after they were made; new ones on request."""
    if not request.user.is_verified():
        return _to_verify(request)
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = services.make_recovery_codes(request.user)
        return redirect("accounts:recovery_codes")
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "left": services.recovery_codes_left(request.user)},
    )


@login_required
def work(request):
    """ "Mijn werk": what waits for this member of staff, gathered from the apps that registered a part."""
    if not may_see_work(request.user):
        return redirect("accounts:profile")
    return render(request, "accounts/work.html", {"parts": parts_for(request.user)})


@login_required
def profile(request):
    return render(
        request, "accounts/profile.html", {"profile_user": request.user, "sections": sections_for(request.user)}
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, with a limit on e-mails per client address and per e-mail address.

    Past the limit the answer is the same page and status as always ("if we know the address, a link is on its
    way"), so the limit tells nobody whether an address has an account.
    """

    template_name = "accounts/password_reset_form.html"
    form_class = ResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if password_reset_allowed(client_address(self.request), form.cleaned_data["email"]):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


password_reset = PasswordResetView.as_view()
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@require_http_methods(["GET", "POST"])
def sign_up(request):
    """A resident or volunteer makes an account; staff accounts are made by an administrator."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not sign_up_allowed(client_address(request)):
            form.add_error(None, _("Too many sign-ups from this connection. Try again in an hour."))
        else:
            data = form.cleaned_data
            services.sign_up(
                email=data["email"],
                password=data["password1"],
                role=data["role"],
                municipality=data["municipality"],
                district=form.district,
                postcode_area=data["postcode"],
                versions=dict(CURRENT_VERSIONS),
            )
            # The same page whether or not the address already had an account: nobody learns who has one.
            return redirect("accounts:sign-up-sent")
    context = {"form": form, "privacy_url": reverse("accounts:privacy"), "terms_url": reverse("accounts:terms")}
    return render(request, "accounts/sign_up.html", context, status=400 if form.errors else 200)


def sign_up_sent(request):
    return render(request, "accounts/sign_up_sent.html")


@require_http_methods(["GET", "POST"])
def confirm(request, uidb64: str, token: str):
    """The link from the confirmation mail. Opening it asks for one click, so a mail program that follows links to
    check them does not confirm the address by itself."""
    user = services.user_of_confirmation(uidb64, token)
    if user is None:
        return render(request, "accounts/confirm_invalid.html", status=400)
    if request.method == "POST":
        services.confirm_address(user)
        messages.success(request, _("Your e-mail address is confirmed. You can sign in now."))
        return redirect("accounts:login")
    return render(request, "accounts/confirm.html", {"confirm_user": user})


@login_required
@require_http_methods(["GET", "POST"])
def email_change(request):
    form = EmailChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.request_email_change(request.user, form.cleaned_data["email"])
        messages.success(
            request,
            _("We sent a link to %(email)s. Your address changes when you follow it.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("accounts:profile")
    return render(request, "accounts/email_change.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def email_confirm(request, token: str):
    new_email = services.email_change_of(token, request.user)
    if new_email is None:
        return render(request, "accounts/confirm_invalid.html", status=400)
    if request.method == "POST":
        try:
            services.change_email(request.user, new_email)
        except ValueError:
            messages.error(request, _("This e-mail address is already in use. Choose another one."))
        else:
            messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": new_email})
        return redirect("accounts:profile")
    return render(request, "accounts/email_confirm.html", {"new_email": new_email})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.password_changed(self.request.user)
        messages.success(self.request, _("Your password has been changed."))
        return response


def document(request, document: str):
    titles = {Document.PRIVACY: _("privacy statement"), Document.TERMS: _("terms of use")}
    return render(request, "accounts/document.html", {"title": titles[document], "template": template_of(document)})
