"""The initiatives' parts of the wijk hub (areas.hub) and of "Mijn werk" (accounts.work)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import work
from socialebasis.areas import hub
from socialebasis.core.roles import is_signed_in

from . import page_cache, selectors
from .vocabulary import ApplicationStatus

HUB_ITEMS = 5


def hub_part(district, user) -> dict | None:
    """Initiatives in the wijk and what was granted there."""
    initiatives = list(
        selectors.initiatives_visible_to(user).filter(districts__statcode=district.statcode).distinct()[:HUB_ITEMS]
    )
    grants = list(selectors.grants_visible_to(user).filter(district__statcode=district.statcode)[:HUB_ITEMS])
    return {"initiatives": initiatives, "grants": grants}


def work_part(user) -> dict | None:
    """Applications waiting for this person: the table's and the municipality's open ones, assigned ones first."""
    if not is_signed_in(user):
        return None
    open_states = (ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.DECIDED)
    applications = (
        selectors.applications_visible_to(user)
        .filter(status__in=open_states)
        .exclude(applicant=user)
        .order_by("created_at")
    )
    items = list(applications[:20])
    if not items:
        return None
    items.sort(key=lambda a: (a.assigned_to_id != user.pk, a.created_at))
    return {"applications": items}


def register() -> None:
    from socialebasis.accounts.hub import ADDED, register_link

    register_link(ADDED, _("Your applications and the initiative table"), "initiatives:mine", order=30)
    hub.register_section(
        "initiatives.hub", "initiatives/hub/_initiatives.html", hub_part, order=hub.HELP + 5,
        scopes=page_cache.scopes,
    )  # fmt: skip
    page_cache.connect()
    work.register_section(
        "initiatives.work", _("Initiative table: applications to review"), "initiatives/work/_applications.html",
        work_part, order=25,
    )  # fmt: skip
