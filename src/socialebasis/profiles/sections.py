"""The profiles' parts of two pages in lower apps: the wijk hub (areas.hub) and "Mijn werk" (accounts.work).

Registered from ProfilesConfig.ready; the lower apps import nothing of the profiles (ADR 0028).
"""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import work
from socialebasis.areas import hub
from socialebasis.core.roles import STAFF_ROLES, has_role

from . import findings, page_cache, selectors
from .models import AgendaItem, AgendaStatus

# Strengths and concerns each on the wijk page; the profile has them all.
HUB_FINDINGS = 3
OPEN = (AgendaStatus.PROPOSED, AgendaStatus.AGREED, AgendaStatus.IN_PROGRESS)


def summary_part(district, user) -> dict | None:
    """The profile in short: the strongest points, the concerns and the minimum standards met or missed."""
    profile = selectors.build_profile(district.statcode, district.year, with_series=False)
    if profile is None:
        return None
    checks = findings.checks_for(profile)
    return {
        "has_figures": bool(profile.rows),
        "strengths": [findings.finding_text(row) for row in profile.strengths[:HUB_FINDINGS]],
        "concerns": [findings.finding_text(row) for row in profile.concerns[:HUB_FINDINGS]],
        "more": max(len(profile.strengths) - HUB_FINDINGS, 0) + max(len(profile.concerns) - HUB_FINDINGS, 0),
        "not_met": [c for c in checks if c.is_not_met],
        "met": [c for c in checks if c.is_met],
        "unknown": [c for c in checks if not c.is_met and not c.is_not_met],
        "norms": len(checks),
    }


def agenda_part(district, user) -> dict:
    """The sociale agenda of the wijk: what is being worked on, then what is done."""
    items = list(selectors.agenda_of(user, district).order_by("title"))
    return {
        "open": [item for item in items if item.status in OPEN],
        "closed": [item for item in items if item.status not in OPEN],
    }


def actions_part(user) -> dict | None:
    """The open opgaven this person put on a sociale agenda (they took them on; the agenda names no user)."""
    if not has_role(user, *STAFF_ROLES):
        return None
    items = (
        AgendaItem.objects.filter(created_by=user, status__in=OPEN)
        .select_related("district__municipality")
        .order_by(F("end_date").asc(nulls_last=True), "title")
    )
    return {"items": list(items)}


def register() -> None:
    hub.register_section(
        "profiles.summary", "profiles/hub/_summary.html", summary_part, order=hub.FIGURES, scopes=page_cache.scopes
    )
    hub.register_section(
        "profiles.agenda", "profiles/hub/_agenda.html", agenda_part, order=hub.AGENDA, scopes=page_cache.scopes
    )
    work.register_section(
        "profiles.actions", _("Sociale agenda: your open opgaven"), "profiles/work/_actions.html", actions_part,
        order=30,
    )  # fmt: skip
