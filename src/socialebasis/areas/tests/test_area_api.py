import pytest
from shapely.geometry import shape

from socialebasis.areas.models import AreaDivision

pytestmark = pytest.mark.django_db


def test_municipalities_are_listed_with_pagination(client, seed_areas):
    response = client.get("/api/v1/municipalities", {"page_size": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    assert [m["statcode"] for m in body["results"]] == ["GM0668", "GM0797"]
    assert body["next"].endswith("page=2&page_size=2")
    assert response["API-Version"] == "1.0.0"


def test_municipality_detail_has_a_geojson_boundary(client, seed_areas):
    body = client.get("/api/v1/municipalities/GM0828").json()
    assert body["name"] == "Oss"
    assert shape(body["boundary"]).is_valid


def test_districts_filter_by_municipality_year_and_name(client, seed_areas):
    body = client.get("/api/v1/districts", {"municipality": "GM1961", "year": 2023, "page_size": 100}).json()
    assert body["count"] == 39
    assert {d["municipality"] for d in body["results"]} == {"GM1961"}
    named = client.get("/api/v1/districts", {"q": "drunen"}).json()
    assert [d["statcode"] for d in named["results"]] == ["WK079701"]
    assert "boundary" not in named["results"][0]


def test_district_detail_takes_the_year_into_account(client, seed_areas):
    latest = client.get("/api/v1/districts/WK196101").json()
    assert (latest["year"], latest["name"]) == (2023, "Tienhoven aan de Lek")
    assert client.get("/api/v1/districts/WK196101", {"year": 2020}).status_code == 404


def test_district_boundaries_are_a_feature_collection(client, seed_areas):
    response = client.get("/api/v1/districts/boundaries", {"municipality": "GM0797"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 11
    assert all(shape(f["geometry"]).is_valid for f in body["features"])


def test_errors_are_problem_details_in_dutch(client, seed_areas):
    missing = client.get("/api/v1/districts/boundaries")
    assert missing.status_code == 400
    assert missing["Content-Type"] == "application/problem+json"
    problem = missing.json()
    assert problem["status"] == 400
    assert problem["invalid_params"][0]["name"] == "municipality"
    assert "GM0797" in problem["invalid_params"][0]["reason"]

    bad_year = client.get("/api/v1/districts/WK079701", {"year": "twintig"}).json()
    assert bad_year["invalid_params"][0]["name"] == "year"

    not_found = client.get("/api/v1/municipalities/GM9999")
    assert not_found.status_code == 404
    assert not_found.json()["title"] == "Not Found"


def test_own_division_lists_its_areas_with_cbs_links(client, seed_areas):
    body = client.get("/api/v1/divisions/GM0797/wijkgerichte-aanpak").json()
    assert len(body["areas"]) == 19
    assert body["areas"][0] == {
        "slug": "centrum-drunen",
        "name": "Centrum-Drunen",
        "position": 0,
        "districts": [{"statcode": "WK079701", "year": 2023}],
        "boundary": None,
    }


class TestDraftDivisionsAreOnlyVisibleToTheMunicipalitysStaff:
    """Authorization on every read path: list and detail, API and page, use the same rule."""

    @pytest.fixture
    def draft(self, seed_areas):
        return AreaDivision.objects.create(
            municipality_id=_municipality_pk("GM0828"), slug="concept", name="Concept kernen", is_public=False
        )

    def _can_see(self, client, draft) -> tuple[bool, bool, bool]:
        listed = any(d["slug"] == "concept" for d in client.get("/api/v1/divisions").json()["results"])
        detail = client.get("/api/v1/divisions/GM0828/concept").status_code == 200
        page = client.get("/gemeenten/GM0828/indelingen/concept/").status_code == 200
        return listed, detail, page

    def test_anonymous_sees_nothing(self, client, draft):
        assert self._can_see(client, draft) == (False, False, False)

    def test_resident_sees_nothing(self, client, draft, user_factory):
        client.force_login(user_factory())
        assert self._can_see(client, draft) == (False, False, False)

    def test_officer_of_another_municipality_sees_nothing(self, client, draft, user_factory, verified):
        officer = user_factory(policy_officer=True, municipalities=[_municipality_pk("GM0797")])
        verified(client, officer)
        assert self._can_see(client, draft) == (False, False, False)

    def test_officer_of_the_municipality_sees_it_everywhere(self, client, draft, user_factory, verified):
        officer = user_factory(policy_officer=True, municipalities=[_municipality_pk("GM0828")])
        verified(client, officer)
        assert self._can_see(client, draft) == (True, True, True)


def _municipality_pk(code):
    from socialebasis.areas.models import Municipality

    return Municipality.objects.get(statcode=code).pk
