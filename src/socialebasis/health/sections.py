"""Positive health's parts of lower apps' pages: the wijk hub (its published figures) and "Mijn account"."""

from django.utils.translation import gettext_lazy as _

from socialebasis.accounts import hub as account_hub
from socialebasis.areas import hub

from . import page_cache, selectors


def figures_part(district, user) -> dict | None:
    found = selectors.district_figures(district)
    return {"newest": found[0] if found else None, "district": district}


def register() -> None:
    hub.register_section(
        "health.figures", "health/hub/_figures.html", figures_part, order=hub.FIGURES + 5, scopes=page_cache.scopes
    )
    page_cache.connect()
    account_hub.register_link(account_hub.DATA, _("Your positive-health results"), "health:mine", order=30)
