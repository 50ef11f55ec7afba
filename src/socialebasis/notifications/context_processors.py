from functools import cached_property

from . import selectors


class InboxSummary:
    """The unread count for the page header, counted once per request and only when a template asks."""

    def __init__(self, user):
        self._user = user

    @cached_property
    def unread(self) -> int:
        return selectors.unread_count(self._user)


def inbox(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"inbox_summary": InboxSummary(user)}
