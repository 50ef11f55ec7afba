"""Only the recipient reads a message. Staff have no view of other people's inboxes (administrators: the admin)."""

from socialebasis.accounts.permissions import is_signed_in
from socialebasis.core.permissions import register


def _is_recipient(user, message) -> bool:
    return is_signed_in(user) and message is not None and message.recipient_id == user.pk


def _own(user, queryset):
    return queryset.filter(recipient=user) if is_signed_in(user) else queryset.none()


register("notifications.view_message", _is_recipient, _own)
