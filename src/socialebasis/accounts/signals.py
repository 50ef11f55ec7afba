import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import Signal, receiver

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event

from .middleware import SESSION_LOGIN_AT

# Sent by accounts.services, inside the transaction of the change, when something changed in how a user signs in
# (an authenticator linked or removed, recovery codes made or used). Arguments: `user`, `event` (a lazy
# translated sentence for the notice) and `key` (unique per event, for an idempotent notice). The notifications
# app, on a higher floor, listens and tells the user (notifications/security.py); accounts cannot import it.
security_event = Signal()

# Sent when an e-mail must go to an address before (or apart from) any inbox: confirming an address at sign-up or
# a change of address, and a password reset. Arguments: `to` (the address), `subject`, `body` (plain text; it may
# hold a one-time link, so it is never stored) and `key` (for the Message-ID). The notifications app sends it; every
# mail leaves through that one door (ADR 0023).
account_mail = Signal()


@receiver(user_logged_in)
def remember_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_LOGIN_AT] = int(time.time())
    record_event(user, Action.LOGIN, user)
