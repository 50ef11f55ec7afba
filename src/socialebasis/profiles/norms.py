"""Check wijken against their municipality's minimum standards (ondergrens), with the reason.

`check` answers for one wijk whose profile is built already (the profile page); `overview` answers for every
wijk of many municipalities at once with a fixed number of queries (the overview page, and the national
benchmark, where all 342 municipalities' norm checks are part of the full recompute).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from socialebasis.areas.models import District

from . import registrations, selectors
from .models import Norm, NormKind


@dataclass
class Check:
    norm: Norm
    status: str  # "met", "not_met", "unknown"
    reason: str

    @property
    def is_met(self) -> bool:
        return self.status == "met"

    @property
    def is_not_met(self) -> bool:
        return self.status == "not_met"


def _n(value: float) -> str:
    return number_format(round(value, 1), decimal_pos=1)


@dataclass
class Line:
    district: District
    checks: list[Check]

    @property
    def failed(self) -> int:
        return sum(c.is_not_met for c in self.checks)


def check(norm: Norm, district, profile) -> Check:
    """One norm for one wijk whose profile is built (`selectors.build_profile`)."""
    if norm.kind == NormKind.REGISTRATION:
        found = registrations.count(district, norm.registration) if district is not None else None
        return _registration_check(norm, found)
    row = profile.row(norm.indicator.key, norm.group) if (profile and norm.indicator) else None
    return _figure_check(norm, row)


def overview(municipalities) -> dict[int, list[Line]]:
    """Every wijk of each municipality's newest division against its active norms, by municipality id.

    Queries: the norms, the wijken, the summaries the norms need and one count per kind of registration
    used, however many municipalities and wijken there are.
    """
    ids = [m.pk for m in municipalities]
    norms = defaultdict(list)
    for norm in Norm.objects.filter(municipality_id__in=ids, is_active=True).select_related("indicator"):
        norms[norm.municipality_id].append(norm)
    districts = list(
        District.objects.of_year(None).filter(municipality_id__in=ids).order_by("municipality_id", "statcode")
    )
    figures = selectors.summaries_by_district(
        districts, {n.indicator_id for ns in norms.values() for n in ns if n.indicator_id}
    )
    kinds = {n.registration for ns in norms.values() for n in ns if n.kind == NormKind.REGISTRATION}
    counts = {kind: registrations.counts(districts, kind) for kind in kinds}
    lines = {pk: [] for pk in ids}
    for district in districts:
        checks = []
        for norm in norms[district.municipality_id]:
            if norm.kind == NormKind.REGISTRATION:
                found = counts[norm.registration]
                checks.append(_registration_check(norm, None if found is None else found.get(district.pk, 0)))
            else:
                key = (district.pk, norm.indicator_id, norm.group)
                checks.append(_figure_check(norm, figures.get(key)))
        lines[district.municipality_id].append(Line(district, checks))
    return lines


def _registration_check(norm: Norm, found: int | None) -> Check:
    if found is None:
        return Check(norm, "unknown", _("Cannot be checked yet: the register of places and activities is not linked."))
    need = f"{norm.threshold:g}".replace(".", ",")
    reason = _("%(found)s registered, at least %(need)s needed.") % {"found": found, "need": need}
    return Check(norm, "met" if found >= norm.threshold else "not_met", reason)


def _figure_check(norm: Norm, row) -> Check:
    """`row`: anything with year, value, municipality_value and country_value (a profile row or a summary)."""
    if row is None:
        return Check(norm, "unknown", _("No figure for this wijk."))
    label = f"{norm.indicator.label}{f' ({norm.group})' if norm.group else ''}, {row.year}"
    if norm.kind in (NormKind.AT_MOST, NormKind.AT_LEAST):
        ok = row.value <= norm.threshold if norm.kind == NormKind.AT_MOST else row.value >= norm.threshold
        reason = _("%(label)s: %(value)s; the norm is %(op)s %(threshold)s.") % {
            "label": label,
            "value": _n(row.value),
            "op": _("at most") if norm.kind == NormKind.AT_MOST else _("at least"),
            "threshold": _n(norm.threshold),
        }
        return Check(norm, "met" if ok else "not_met", reason)
    against_municipality = norm.kind in (NormKind.ABOVE_MUNICIPALITY, NormKind.BELOW_MUNICIPALITY)
    reference = row.municipality_value if against_municipality else row.country_value
    where = _("the municipality") if against_municipality else _("the Netherlands")
    if reference is None:
        return Check(
            norm, "unknown", _("%(label)s: no figure for %(where)s to compare with.") % {"label": label, "where": where}
        )
    difference = row.value - reference
    above = norm.kind in (NormKind.ABOVE_MUNICIPALITY, NormKind.ABOVE_COUNTRY)
    ok = difference <= norm.threshold + 1e-9 if above else -difference <= norm.threshold + 1e-9
    if above:
        text = _(
            "%(label)s: %(value)s against %(reference)s for %(where)s (difference %(difference)s); "
            "the norm allows at most %(threshold)s higher."
        )
    else:
        text = _(
            "%(label)s: %(value)s against %(reference)s for %(where)s (difference %(difference)s); "
            "the norm allows at most %(threshold)s lower."
        )
    values = {"label": label, "value": _n(row.value), "reference": _n(reference), "where": where}
    reason = text % {**values, "difference": _n(difference), "threshold": _n(norm.threshold)}
    return Check(norm, "met" if ok else "not_met", reason)
