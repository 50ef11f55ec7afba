"""The need-weighted division: whole euros adding up exactly, recomputable from the published terms, what-if."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialebasis.audit.models import AuditEvent
from socialebasis.indicators.models import Area, ImportRun, Indicator, IndicatorValue, Source
from socialebasis.initiatives import allocation as formula
from socialebasis.initiatives import selectors, services
from socialebasis.initiatives.models import Allocation, Budget

pytestmark = pytest.mark.django_db

FIGURES = {"WK082801": (9000, 12.0), "WK082802": (4000, 20.0), "WK082803": (6000, None)}


@pytest.fixture
def figures(oss):
    source = Source.objects.create(key="cbs-test", name="CBS", attribution="CBS, test")
    run = ImportRun.objects.create(source=source, kind="test", filename="test")
    residents = Indicator.objects.create(key="AantalInwoners", label="Aantal inwoners", source=source, unit="count")
    hard = Indicator.objects.create(
        key="MoeiteMetRondkomen", label="Moeite met rondkomen", source=source, higher_is_better=False
    )
    for district in selectors.latest_districts(oss):
        area = Area.objects.create(code=district.statcode, division_year=2023, level="wijk", district=district)
        count, share = FIGURES[district.statcode]
        IndicatorValue.objects.create(indicator=residents, area=area, year=2024, value=count, import_run=run)
        if share is not None:
            IndicatorValue.objects.create(
                indicator=hard, area=area, year=2022, group="18+", value=share, import_run=run
            )
    return oss


def _terms():
    return [
        selectors.Term("AantalInwoners", 2.0, ""),
        selectors.Term("MoeiteMetRondkomen", 1.0, "18+"),
    ]


@settings(max_examples=200, deadline=None)
@given(
    total=st.integers(0, 5_000_000),
    base=st.integers(0, 5_000),
    scores=st.lists(st.floats(0, 1000, allow_nan=False), min_size=1, max_size=25),
)
def test_amounts_are_whole_euros_that_add_up_exactly(total, base, scores):
    rows = [formula.Row(code=f"WK{i:06d}", name=str(i), values={"x": s}) for i, s in enumerate(scores)]
    if base * len(rows) > total:
        with pytest.raises(formula.AllocationError):
            formula.divide(total, base, {"x": 1.0}, rows)
        return
    divided = formula.divide(total, base, {"x": 1.0}, rows)
    assert sum(r.amount for r in divided) == total
    assert all(r.amount >= base for r in divided)


def test_the_published_division_can_be_recomputed_from_its_terms(client, fund, figures, policy_officer):
    services.save_allocation(fund, policy_officer, year=2026, total=50_000, base_share=5_000, terms=_terms())
    published = client.get(f"/api/v1/funds/{fund.pk}/allocation").json()
    assert published["total"] == 50_000 and published["baseShare"] == 5_000
    # Recompute by hand from nothing but the published terms and values.
    terms, rows = published["terms"], published["rows"]
    rest = published["total"] - published["baseShare"] * len(rows)
    means = {}
    for t in terms:
        present = [r["values"][t["indicator"]] for r in rows if r["values"][t["indicator"]] is not None]
        means[t["indicator"]] = sum(present) / len(present)
    weight_sum = sum(t["weight"] for t in terms)
    scores = {}
    for r in rows:
        ratios = {
            k: 1.0 if r["values"][k] is None else r["values"][k] / means[k] for k in (t["indicator"] for t in terms)
        }
        scores[r["code"]] = sum(t["weight"] * ratios[t["indicator"]] for t in terms) / weight_sum
    exact = {code: rest * s / sum(scores.values()) for code, s in scores.items()}
    shares = {code: int(x) for code, x in exact.items()}
    left = rest - sum(shares.values())
    for code in sorted(exact, key=lambda c: (-(exact[c] - shares[c]), c))[:left]:
        shares[code] += 1
    assert {r["code"]: r["amount"] for r in rows} == {c: published["baseShare"] + s for c, s in shares.items()}
    assert sum(r["amount"] for r in rows) == 50_000
    # The values are the wijken's real figures, with year and source.
    assert rows[0]["values"] == {"AantalInwoners": 9000.0, "MoeiteMetRondkomen": 12.0}
    assert rows[2]["values"]["MoeiteMetRondkomen"] is None
    assert {t["year"] for t in terms} == {2024, 2022} and terms[0]["source"] == "CBS, test"


def test_saving_makes_a_new_version_and_the_budgets_follow(fund, figures, policy_officer, member):
    first = services.save_allocation(fund, policy_officer, year=2026, total=30_000, base_share=5_000, terms=_terms())
    second = services.save_allocation(fund, policy_officer, year=2026, total=30_000, base_share=9_000, terms=_terms())
    assert (first.version, second.version) == (1, 2)
    budgets = Budget.objects.filter(fund=fund, year=2026)
    assert sum(b.amount for b in budgets) == 30_000
    assert {b.district.statcode: b.amount for b in budgets} == {r["code"]: r["amount"] for r in second.rows}
    assert AuditEvent.objects.filter(object_type="initiatives.allocation").count() == 2
    with pytest.raises(Exception):  # noqa: B017  a table member does not divide the budget
        services.save_allocation(fund, member, year=2026, total=1, base_share=0, terms=_terms())
    with pytest.raises(Exception):  # noqa: B017  the base share cannot exceed the budget
        services.save_allocation(fund, policy_officer, year=2026, total=1000, base_share=500, terms=_terms())
    assert Allocation.objects.filter(fund=fund).count() == 2


def test_what_if_shows_new_amounts_beside_the_current_ones_without_saving(client, fund, figures, policy_officer):
    services.save_allocation(fund, policy_officer, year=2026, total=30_000, base_share=5_000, terms=_terms())
    page = client.get(
        f"/initiatieven/fondsen/{fund.pk}/verdeling/",
        {"year": 2026, "total": 30_000, "base_share": 0, "w_AantalInwoners": "1", "w_MoeiteMetRondkomen": "0"},
    )
    assert page.status_code == 200
    what_if = page.context["what_if"]
    assert [r.amount for r in what_if.rows] == [
        14210,
        6316,
        9474,
    ]  # residents only: 9000 : 4000 : 6000, largest remainders
    assert [now for _row, now in page.context["what_if_rows"]] == [r["amount"] for r in Allocation.objects.get().rows]
    assert Allocation.objects.count() == 1
    # anyone sees the what-if; only the policy officer may save it (POST)
    assert client.post(f"/initiatieven/fondsen/{fund.pk}/verdeling/", {"year": 2026, "total": 1}).status_code in (
        302,
        403,
    )
    assert Allocation.objects.count() == 1
