"""Reads of initiatives and funds, shared by pages, API and the wijk hub; every read goes through the rules."""

from dataclasses import dataclass, field

from django.db.models import QuerySet, Sum

from socialebasis.areas.models import District
from socialebasis.core.permissions import visible
from socialebasis.frameworks import selectors as framework_selectors
from socialebasis.frameworks.assessment import AssessmentResult, UnknownCriteria, assess_activity
from socialebasis.indicators import selectors as indicator_selectors
from socialebasis.indicators.models import Indicator

from . import allocation as formula
from .models import Accountability, Allocation, Application, Budget, Fund, Initiative
from .vocabulary import ApplicationStatus


def initiatives_visible_to(user) -> QuerySet[Initiative]:
    qs = Initiative.objects.select_related("municipality").prefetch_related("districts")
    return visible(user, "initiatives.view_initiative", qs)


def funds_visible_to(user) -> QuerySet[Fund]:
    return visible(user, "initiatives.view_fund", Fund.objects.select_related("municipality"))


def applications_visible_to(user) -> QuerySet[Application]:
    qs = Application.objects.select_related("fund__municipality", "district", "applicant", "initiative")
    return visible(user, "initiatives.view_application", qs)


def grants_visible_to(user) -> QuerySet[Application]:
    """Granted applications whose decision was sent: public (name, wijk, amount, what came of it)."""
    qs = Application.objects.select_related("fund", "district", "initiative").order_by("-published_at")
    return visible(user, "initiatives.view_grant", qs)


def public_story(application) -> Accountability | None:
    accountability = getattr(application, "accountability", None)
    if accountability is not None and accountability.public and accountability.submitted_at:
        return accountability
    return None


STATEMENT = "initiative-statement"


def statements_of(application) -> QuerySet:
    """The financial statements of a grant: files of the application, seen by whoever may see the application."""
    from socialebasis.uploads.selectors import uploads_of

    return uploads_of(application).filter(purpose=STATEMENT)


def has_statement(accountability) -> bool:
    # Statements sent before they belonged to the application were moved to it (migration 0003).
    return statements_of(accountability.application).exists()


def latest_districts(municipality) -> QuerySet[District]:
    year = District.objects.filter(municipality=municipality).order_by("-year").values_list("year", flat=True).first()
    return District.objects.filter(municipality=municipality, year=year).order_by("statcode")


def budgets_of(fund: Fund, year: int) -> QuerySet[Budget]:
    return Budget.objects.filter(fund=fund, year=year).select_related("district").order_by("district__name")


def budget_totals(fund: Fund, year: int) -> dict[str, int]:
    totals = budgets_of(fund, year).aggregate(amount=Sum("amount"), granted=Sum("granted"))
    amount, granted = totals["amount"] or 0, totals["granted"] or 0
    return {"amount": amount, "granted": granted, "remaining": amount - granted}


def paid(application) -> int:
    return application.payouts.aggregate(total=Sum("amount"))["total"] or 0


# -- the check against the local framework --------------------------------------------------------------------


def framework_of(fund: Fund):
    return framework_selectors.version_in_force(fund.municipality)


def check(application) -> AssessmentResult | None:
    """The frameworks engine's verdict on the plan (goals and answers of the form), or None without a framework."""
    version = framework_of(application.fund)
    if version is None:
        return None
    document = version.content
    goal_keys = {g["key"] for g in document["goals"]}
    characteristic_keys = {c["key"] for c in document["characteristics"]}
    goals = [g for g in application.goals if g in goal_keys]
    answers = {k: v for k, v in (application.answers or {}).items() if k in characteristic_keys}
    try:
        return assess_activity(document, goals, answers, version=version.number)
    except (UnknownCriteria, TypeError):
        return None


def principles_of(fund: Fund) -> list[dict]:
    """The fund's own principles, else those of the municipality's framework."""
    if fund.principles:
        return fund.principles
    version = framework_of(fund)
    return list(version.content.get("principles", [])) if version else []


# -- the allocation ------------------------------------------------------------------------------------------


@dataclass
class Term:
    indicator: str
    weight: float
    group: str = ""
    label: str = ""
    year: int | None = None
    source: str = ""

    def as_dict(self) -> dict:
        return {
            "indicator": self.indicator,
            "group": self.group,
            "weight": self.weight,
            "label": self.label,
            "year": self.year,
            "source": self.source,
        }


@dataclass
class Division:
    total: int
    base_share: int
    terms: list[Term]
    rows: list[formula.Row] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "baseShare": self.base_share,
            "terms": [t.as_dict() for t in self.terms],
            "rows": [
                {
                    "code": r.code,
                    "name": r.name,
                    "values": r.values,
                    "score": r.score,
                    "base": r.base,
                    "needShare": r.need_share,
                    "amount": r.amount,
                }
                for r in self.rows
            ],
        }


def offered_indicators(municipality) -> list[Indicator]:
    """Indicators with figures for this municipality's wijken where a higher value means more need (or neither)."""
    districts = latest_districts(municipality)
    keys = (
        indicator_selectors.values_visible_to(None)
        .filter(area__district__in=districts, value__isnull=False)
        .values_list("indicator_id", flat=True)
        .distinct()
    )
    return list(Indicator.objects.filter(pk__in=keys).exclude(higher_is_better=True).order_by("theme", "label"))


def _values_for(term: Term, districts) -> tuple[dict[str, float | None], int | None, str]:
    """Each wijk's latest value of the term's indicator (its group), with the year and the source's attribution."""
    values = (
        indicator_selectors.values_visible_to(None)
        .filter(indicator__key=term.indicator, group=term.group, area__district__in=districts, value__isnull=False)
        .select_related("area", "import_run__source")
        .order_by("area__district_id", "-year", "-area__division_year")
    )
    found: dict[int, object] = {}
    for value in values:
        found.setdefault(value.area.district_id, value)
    years = {v.year for v in found.values()}
    sources = {v.import_run.source.attribution for v in found.values()}
    by_code = {d.statcode: (found[d.pk].value if d.pk in found else None) for d in districts}
    return by_code, (max(years) if years else None), "; ".join(sorted(sources))


def default_group(indicator_key: str, municipality) -> str:
    """The group a term reads when none is chosen: all residents, else adults (18+), else the first there is."""
    groups = set(
        indicator_selectors.values_visible_to(None)
        .filter(indicator__key=indicator_key, area__district__municipality=municipality)
        .values_list("group", flat=True)
        .distinct()
    )
    for group in ("", "18+"):
        if group in groups:
            return group
    return sorted(groups)[0] if groups else ""


def compute_division(fund: Fund, total: int, base_share: int, terms: list[Term]) -> Division:
    """Read the indicator values and divide; raises allocation.AllocationError with a Dutch message."""
    districts = list(latest_districts(fund.municipality))
    labels = dict(Indicator.objects.filter(key__in=[t.indicator for t in terms]).values_list("key", "label"))
    columns: dict[str, dict[str, float | None]] = {}
    for term in terms:
        term.label = labels.get(term.indicator, term.indicator)
        columns[term.indicator], term.year, term.source = _values_for(term, districts)
    rows = [
        formula.Row(code=d.statcode, name=d.name, values={t.indicator: columns[t.indicator][d.statcode] for t in terms})
        for d in districts
    ]
    weights = {t.indicator: t.weight for t in terms}
    return Division(total, base_share, terms, formula.divide(total, base_share, weights, rows))


def current_allocation(fund: Fund) -> Allocation | None:
    return fund.allocations.order_by("-version").first()


def published_division(allocation: Allocation) -> dict:
    """The saved version as the API and the page publish it."""
    return {
        "version": allocation.version,
        "year": allocation.year,
        "savedAt": allocation.created_at,
        "total": allocation.total,
        "baseShare": allocation.base_share,
        "terms": allocation.terms,
        "rows": allocation.rows,
    }


def open_applications(fund: Fund) -> QuerySet[Application]:
    return fund.applications.filter(
        status__in=(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW, ApplicationStatus.WAITING)
    )
