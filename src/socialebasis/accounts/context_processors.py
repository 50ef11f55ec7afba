from functools import cached_property

from .work import counters_for, may_see_work


class WorkSummary:
    """The header's links for staff: "Mijn werk" and the counters apps registered, counted once per request and
    only when a template asks."""

    def __init__(self, user):
        self._user = user

    @cached_property
    def counters(self) -> list:
        return counters_for(self._user)


def work(request):
    user = getattr(request, "user", None)
    if user is None or not may_see_work(user):
        return {}
    return {"work_summary": WorkSummary(user)}
