import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

SESSION_LOGIN_AT = "socialebasis_login_at"
SESSION_SEEN_AT = "socialebasis_seen_at"
# Write the "last seen" time at most this often, so that reading pages does not write a session each time.
_SEEN_RESOLUTION = 60


class SessionTimeoutMiddleware:
    """Log out after a period without activity and, whatever happens, some hours after login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            login_at = session.get(SESSION_LOGIN_AT, now)
            seen_at = session.get(SESSION_SEEN_AT, now)
            if now - seen_at > settings.SESSION_IDLE_TIMEOUT or now - login_at > settings.SESSION_ABSOLUTE_TIMEOUT:
                logout(request)
                messages.info(request, _("You were signed out because your session expired. Please sign in again."))
            else:
                session.setdefault(SESSION_LOGIN_AT, login_at)
                if now - seen_at >= _SEEN_RESOLUTION or SESSION_SEEN_AT not in session:
                    session[SESSION_SEEN_AT] = now
        return self.get_response(request)


class StaffSecondFactorMiddleware:
    """Staff who signed in with a password alone may only reach the second-factor pages and logout."""

    ALLOWED_PREFIXES = ("/static/", "/healthz", "/readyz", "/i18n/")
    # The enrolment pages check for themselves that the user has the second step or an enrolment link.
    ALLOWED_NAMES = ("accounts:verify", "accounts:setup_totp", "accounts:enrol", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify_first(request):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "type": "about:blank",
                        "title": "Forbidden",
                        "status": 403,
                        "detail": _("Confirm your sign-in with your second factor first."),
                    },
                    status=403,
                    content_type="application/problem+json",
                )
            target = reverse("accounts:verify")
            next_url = request.get_full_path()
            if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                target += "?" + urlencode({"next": next_url})
            return HttpResponseRedirect(target)
        return self.get_response(request)

    def _must_verify_first(self, request) -> bool:
        user = request.user
        if not (user.is_authenticated and user.needs_second_factor and not user.is_verified()):
            return False
        return not request.path.startswith(self.ALLOWED_PREFIXES) and _view_name(request) not in self.ALLOWED_NAMES


def _view_name(request) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""
