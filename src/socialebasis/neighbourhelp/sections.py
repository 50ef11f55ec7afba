"""Burenhulp's parts of pages in lower apps: "Mijn werk" (accounts.work) and the wijk hub (areas.hub)."""

from collections import Counter

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import work
from socialebasis.areas import hub, signposts
from socialebasis.areas.models import District
from socialebasis.core.permissions import visible
from socialebasis.indicators.suppression import suppress_line
from socialebasis.profiles import yearly

from . import figures, page_cache, selectors
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


def ask_for_help_in(municipality) -> str | None:
    """The signpost to asking a neighbour for help (areas.signposts): only where the municipality runs burenhulp."""
    if not HelpSettings.objects.filter(municipality=municipality).exists():
        return None
    return reverse("neighbourhelp:ask")


def yearly_part(area, year: int, user) -> dict | None:
    """The yearly report's part (profiles.yearly): per category how many asked, how many found a helper and how many
    stayed without one, in the wijk or the municipality. Counted over all requests of the year, the way the profile's
    figures are (figures.py), with small numbers hidden (n < 5, complementary) in each column."""
    requests = HelpRequest.objects.filter(created_at__year=year)
    requests = requests.filter(district=area) if isinstance(area, District) else requests.filter(municipality=area)
    rows = figures.with_outcome(requests).values_list("category__name", "status", "had_match")
    asked, helped, unmet = Counter(), Counter(), Counter()
    for category, status, had_match in rows:
        asked[category] += 1
        helped[category] += had_match
        unmet[category] += figures.is_unmet(status, had_match)
    if not asked:
        return None
    names = sorted(asked)
    keys = ("asked", "helped", "unmet")
    columns = {
        key: suppress_line([counter[name] for name in names], round_output=False)
        for key, counter in zip(keys, (asked, helped, unmet), strict=True)
    }
    return {
        "rows": [{"category": name, **{key: columns[key].cells[i] for key in keys}} for i, name in enumerate(names)],
        "totals": {key: columns[key].total for key in keys},
    }


def register() -> None:
    yearly.register_section(
        "neighbourhelp.year", _("Burenhulp: who asked, and who found a helper"), "neighbourhelp/report/_year.html",
        yearly_part, order=yearly.REGISTERED,
    )  # fmt: skip
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
    hub.register_section(
        "neighbourhelp.help", "neighbourhelp/hub/_help.html", wijk_part, order=hub.HELP, scopes=page_cache.scopes
    )
    page_cache.connect()
    signposts.register(signposts.NEIGHBOUR_HELP, ask_for_help_in)
