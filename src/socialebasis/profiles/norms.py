"""Check a district against the municipality's minimum standards (ondergrens), with the reason."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import registrations
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


def check(norm: Norm, district, profile) -> Check:
    if norm.kind == NormKind.REGISTRATION:
        found = registrations.count(district, norm.registration) if district is not None else None
        if found is None:
            return Check(
                norm, "unknown", _("Cannot be checked yet: the register of places and activities is not linked.")
            )
        need = f"{norm.threshold:g}".replace(".", ",")
        reason = _("%(found)s registered, at least %(need)s needed.") % {"found": found, "need": need}
        return Check(norm, "met" if found >= norm.threshold else "not_met", reason)
    row = profile.row(norm.indicator.key, norm.group) if (profile and norm.indicator) else None
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
