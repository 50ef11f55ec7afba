"""Strengths and concerns in words, generated from the profile's figures, each with its evidence."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from socialebasis.indicators.models import Unit

from . import norms as norm_checks
from . import registrations
from .models import Verdict
from .selectors import Profile, Row, agenda_of, norms_of


def figure(value: float | None, unit: str) -> str:
    if value is None:
        return "\u2013"  # en dash: no figure
    if unit == Unit.COUNT:
        return number_format(round(value), decimal_pos=0, force_grouping=True)
    text = number_format(round(value, 1), decimal_pos=1)
    return f"{text}%" if unit == Unit.PERCENT else text


def _comparison(row: Row) -> str:
    parts = []
    unit = row.indicator.unit
    if row.municipality_value is not None:
        parts.append(_("municipality %(value)s") % {"value": figure(row.municipality_value, unit)})
    if row.country_value is not None:
        parts.append(_("the Netherlands %(value)s") % {"value": figure(row.country_value, unit)})
    return ", ".join(parts)


def finding_text(row: Row) -> str:
    label = row.indicator.label + (f" ({row.group})" if row.group else "")
    against = []
    if row.verdict_municipality in (Verdict.BETTER, Verdict.WORSE):
        against.append(_("the municipality"))
    if row.verdict_country in (Verdict.BETTER, Verdict.WORSE):
        against.append(_("the Netherlands"))
    if row.is_concern:
        worse = [
            name
            for name, verdict in (
                (_("the municipality"), row.verdict_municipality),
                (_("the Netherlands"), row.verdict_country),
            )
            if verdict == Verdict.WORSE
        ]
        text = _("%(label)s is notably worse than %(against)s") % {"label": label, "against": _(" and ").join(worse)}
    else:
        text = _("%(label)s is notably better than %(against)s") % {"label": label, "against": _(" and ").join(against)}
    evidence = _("%(year)s: %(value)s; %(comparison)s.") % {
        "year": row.year,
        "value": figure(row.value, row.indicator.unit),
        "comparison": _comparison(row),
    }
    return f"{text}. {evidence}"


def trend_text(row: Row) -> str:
    if not row.trend:
        return _("one year only")
    change = row.value - row.first_value
    word = {
        Verdict.BETTER: _("better"),
        Verdict.WORSE: _("worse"),
        Verdict.DIFFERENT: _("changed"),
        Verdict.SIMILAR: _("about the same"),
    }[row.trend]
    return _("%(word)s since %(first)s (%(change)s)") % {
        "word": word,
        "first": row.first_year,
        "change": ("+" if change > 0 else "") + number_format(round(change, 1), decimal_pos=1),
    }


def checks_for(profile: Profile):
    if profile.municipality is None:
        return []
    return [norm_checks.check(norm, profile.district, profile) for norm in norms_of(profile.municipality)]


def profile_as_dict(profile: Profile, user) -> dict:
    area = profile.area
    district = profile.district
    agenda = list(agenda_of(user, district)) if district else []
    return {
        "statcode": district.statcode if district else area.code,
        "name": profile.name,
        "division_year": district.year if district else area.division_year,
        "municipality": profile.municipality.statcode if profile.municipality else None,
        "municipality_name": profile.municipality.name if profile.municipality else None,
        "data_division_years": sorted({a.division_year for a in profile.areas}, reverse=True),
        "rule": profile.rule,
        "indicators": [
            {
                "indicator": r.indicator.key,
                "label": r.indicator.label,
                "unit": r.indicator.unit,
                "theme": r.indicator.theme,
                "higher_is_better": r.indicator.higher_is_better,
                "group": r.group,
                "division_year": r.division_year,
                "year": r.year,
                "value": r.value,
                "municipality_value": r.municipality_value,
                "country_value": r.country_value,
                "difference_municipality": r.difference_municipality,
                "difference_country": r.difference_country,
                "verdict_municipality": r.verdict_municipality,
                "verdict_country": r.verdict_country,
                "trend": r.trend,
                "first_year": r.first_year,
                "first_value": r.first_value,
                "series": [{"year": y, "value": v, "municipality": m, "country": c} for y, v, m, c in r.series],
                "source": r.indicator.source.name,
            }
            for r in profile.rows
        ],
        "strengths": [
            {"indicator": r.indicator.key, "group": r.group, "text": finding_text(r)} for r in profile.strengths
        ],
        "concerns": [
            {"indicator": r.indicator.key, "group": r.group, "text": finding_text(r)} for r in profile.concerns
        ],
        "norms": [{"norm": c.norm.title, "status": c.status, "reason": c.reason} for c in checks_for(profile)],
        "agenda": [
            {
                "title": item.title,
                "evidence": item.evidence,
                "indicators": [i.key for i in item.indicators.all()],
                "actions": item.actions,
                "owner_kind": item.owner_kind,
                "owner_name": item.owner_name,
                "municipal_role": item.municipal_role,
                "status": item.status,
                "start_date": item.start_date,
                "end_date": item.end_date,
            }
            for item in agenda
        ],
        "inventory": _inventory(district),
        "attributions": profile.attributions,
    }


def _inventory(district) -> dict | None:
    found = registrations.inventory(district)
    if found is None:
        return None
    return {
        "places": found.places,
        "indoor_public_places": found.indoor_public_places,
        "activities": found.activities,
        "residents": found.residents,
        "activities_per_1000": found.activities_per_1000,
        "places_per_1000": found.places_per_1000,
        "by_sphere": dict(found.by_sphere),
        "by_goal": dict(found.by_goal),
        "by_target_group": dict(found.by_target_group),
        "target_groups": found.target_groups,
        "spheres": found.spheres,
        "goals": found.goals,
    }
