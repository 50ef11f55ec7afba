"""Security headers, cookies, sessions, lockout. Production tightens the transport settings."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.utils.csp import CSP

from ..env import config
from .maps import MAP_TILE_URL

_tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILE_URL.replace("{", "").replace("}", "")))

# No 'unsafe-inline' anywhere: scripts and styles come from our own static files only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", _tile_origin],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Idle and absolute session limits, enforced by accounts.middleware.SessionTimeoutMiddleware.
SESSION_IDLE_TIMEOUT = config("SESSION_IDLE_TIMEOUT", 30 * 60, "Seconds without activity before logout.")
SESSION_ABSOLUTE_TIMEOUT = config(
    "SESSION_ABSOLUTE_TIMEOUT", 10 * 60 * 60, "Seconds after login after which a new login is needed."
)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT

# Lockout after repeated failed logins (django-axes): per user name and address, and per account from any address,
# so that many addresses cannot each try a few passwords on one account.
AXES_FAILURE_LIMIT = config("AXES_FAILURE_LIMIT", 5, "Failed logins before an account is locked out.")
AXES_COOLOFF_TIME = timedelta(minutes=config("AXES_COOLOFF_MINUTES", 15, "Minutes a lockout lasts."))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Behind nginx every request comes from the proxy's address; without this, one person could lock an account for
# everybody, or use any address they like. socialebasis.core.client_address takes the client's address from
# X-Forwarded-For, counting only our own proxies from the right; the API quotas and the lockout both use it.
TRUSTED_PROXY_COUNT = config(
    "TRUSTED_PROXY_COUNT", 0, "Reverse proxies in front of the app (nginx: 1); they append to X-Forwarded-For."
)
AXES_CLIENT_IP_CALLABLE = "socialebasis.core.client_address.client_address"

# Password-reset e-mails per client address and per e-mail address within a window (accounts.views): past the limit
# the page says the same as always, and no e-mail goes.
PASSWORD_RESET_WINDOW_MINUTES = config(
    "PASSWORD_RESET_WINDOW_MINUTES", 60, "Minutes over which password-reset e-mails are counted."
)
PASSWORD_RESET_LIMIT_PER_ADDRESS = config(
    "PASSWORD_RESET_LIMIT_PER_ADDRESS", 10, "Password-reset requests per client address within the window."
)
PASSWORD_RESET_LIMIT_PER_EMAIL = config(
    "PASSWORD_RESET_LIMIT_PER_EMAIL", 3, "Password-reset e-mails per e-mail address within the window."
)
# Sign-ups per client address within a window (accounts.views.sign_up): past the limit the page asks to try later.
SIGN_UP_WINDOW_MINUTES = config("SIGN_UP_WINDOW_MINUTES", 60, "Minutes over which sign-ups are counted.")
SIGN_UP_LIMIT_PER_ADDRESS = config("SIGN_UP_LIMIT_PER_ADDRESS", 10, "Sign-ups per client address within the window.")

OTP_TOTP_ISSUER = "Sociale Basis"
# The admin never shows an authenticator app's secret key or its QR code (django-otp hides both with this).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# A member of staff links an authenticator app with the second step they already have, or with a one-time link an
# administrator made (admin or `manage.py enrolment_link <username>`); the link works this long.
ENROLMENT_LINK_HOURS = config("ENROLMENT_LINK_HOURS", 72, "Hours an enrolment link for the second step keeps working.")
