"""The signals' parts of pages in lower apps: "Mijn werk" (open signals, late ones first), "Mijn account" (your
signals) and the yearly report (profiles/yearly.py: the themes and what became of them)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import work
from socialebasis.accounts.hub import ADDED, register_link
from socialebasis.core.roles import STAFF_ROLES, has_role
from socialebasis.profiles import yearly

from . import selectors


def work_part(user) -> dict | None:
    if not has_role(user, *STAFF_ROLES):
        return None
    signals = list(selectors.open_for(user).order_by("due_at")[:20])
    return {"signals": signals} if signals else None


def register() -> None:
    work.register_section("signalling.open", _("Signals to handle"), "signalling/work/_open.html", work_part, order=45)
    work.register_counter(
        "signalling.open", _("Signals"), "signalling:list", lambda user: selectors.open_for(user).count(),
        shown_to=lambda user: has_role(user, *STAFF_ROLES),
    )  # fmt: skip
    register_link(ADDED, _("Your signals"), "signalling:list", order=45)
    yearly.register_section(
        "signalling.themes", _("Signals: what people noticed, and what became of it"), "signalling/report/_themes.html",
        selectors.themes_and_outcomes, order=yearly.SIGNALS,
    )  # fmt: skip
