import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event

from .middleware import SESSION_LOGIN_AT


@receiver(user_logged_in)
def remember_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_LOGIN_AT] = int(time.time())
    record_event(user, Action.LOGIN, user)
