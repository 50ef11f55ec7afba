"""Security notices: the accounts app says what changed in how someone signs in; this module tells them.

accounts sits on a lower floor than notifications and may not import it (ADR 0028), so it sends the signal
`accounts.signals.security_event` inside the transaction of the change, and this receiver turns it into a message of
the kind `account.security` (always e-mailed, cannot be turned off). The key makes it idempotent per event.
"""

from django.dispatch import receiver

from socialebasis.accounts.signals import security_event

from .notifications import SECURITY_NOTICE
from .services import notify


@receiver(security_event, dispatch_uid="notifications.security_notice")
def tell_the_owner(sender, user, event, key: str, **kwargs) -> None:
    notify(user, SECURITY_NOTICE.key, context={"event": event}, key=key)
