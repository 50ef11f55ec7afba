"""Burenhulp's parts of pages in lower apps: "Mijn werk" (accounts.work) and the wijk hub (areas.hub)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import work
from socialebasis.areas import hub
from socialebasis.core.permissions import visible

from . import selectors
from .models import HelpRequest, HelpSettings
from .rules import is_moderator
from .vocabulary import RequestStatus

WORK_ROWS = 10


def dispatch_part(user) -> dict | None:
    if not is_moderator(user):
        return None
    queue = selectors.dispatcher_queue(user)
    return {
        "pending": queue["pending"][:WORK_ROWS],
        "unmatched": queue["unmatched"][:WORK_ROWS],
        "reports": queue["reports"][:WORK_ROWS],
        "total": len(queue["pending"]) + len(queue["unmatched"]) + len(queue["reports"]),
    }


def wijk_part(district, user) -> dict | None:
    """What burenhulp does in this wijk: open requests by category (as the visitor may see them) and where to start."""
    found = HelpSettings.objects.filter(municipality_id=district.municipality_id).first()
    if found is None:
        return None
    rows = visible(user, "neighbourhelp.view_helprequest", HelpRequest.objects.filter(district=district))
    by_category = list(
        rows.filter(status=RequestStatus.OPEN)
        .order_by()
        .values("category__name")
        .annotate(n=Count("pk"))
        .order_by("category__name")
    )
    return {"settings": found, "by_category": by_category, "open": sum(row["n"] for row in by_category)}


def register() -> None:
    work.register_section(
        "neighbourhelp.dispatch",
        _("Burenhulp in your wijken"),
        "neighbourhelp/work/_dispatch.html",
        dispatch_part,
        order=30,
    )
    work.register_counter(
        "neighbourhelp.queue", _("Burenhulp"), "neighbourhelp:queue", selectors.queue_count, shown_to=is_moderator
    )
    hub.register_section("neighbourhelp.help", "neighbourhelp/hub/_help.html", wijk_part, order=hub.HELP)
