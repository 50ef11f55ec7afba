import re

import pytest

pytestmark = pytest.mark.django_db


def test_home_lists_the_four_municipalities_with_their_wijken(client, seed_areas):
    html = client.get("/").content.decode()
    for name, count in (("Heusden", 11), ("Oss", 23), ("Vijfheerenlanden", 39), ("West Maas en Waal", 8)):
        assert re.search(rf">{name}</a></th>\s*<td[^>]*>GM\d{{4}}</td>\s*<td[^>]*>{count}</td>", html), name


def test_municipality_page_has_the_wijken_as_a_table_and_map_data(client, seed_areas):
    response = client.get("/gemeenten/GM0797/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('scope="row"><a class="utrecht-link" href="/gemeenten/GM0797/wijken/') == 11
    assert 'id="area-map-data"' in html
    assert "Heusden" in html and "19 wijken van de wijkgerichte aanpak" in html


def test_pages_are_dutch_by_default_and_english_on_request(client, seed_areas):
    assert "Gemeenten" in client.get("/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en"' in response.content.decode()
    assert "Municipalities on this platform" in response.content.decode()


def test_wijk_page_shows_name_code_municipality_and_boundary(client, seed_areas):
    html = client.get("/gemeenten/GM0797/wijken/WK079705/?jaar=2023").content.decode()
    assert "Wijk 05 Vlijmen" in html
    assert "WK079705" in html
    assert 'href="/gemeenten/GM0797/"' in html
    assert "km²" in html
    # Heusden's own wijken in this CBS wijk are named.
    for own in ("Vijfhoeven", "Geerpark", "De Grassen", "Vliedberg", "Vlijmen-Dorp"):
        assert own in html


def test_wijk_of_another_municipality_is_not_found(client, seed_areas):
    assert client.get("/gemeenten/GM0828/wijken/WK079701/").status_code == 404
    assert client.get("/gemeenten/GM9999/").status_code == 404


def test_an_english_browser_still_gets_dutch_until_english_is_chosen(client, seed_areas):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl"' in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en"' in client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
