"""Issue 13 point 5, ADR 0025: a resident's data export holds everything burenhulp keeps about them. The helper of a
match finds the match in their own export, not only the asker; a request made for a resident without a computer
carries that resident's name in the export of whoever made it."""

import pytest

from socialebasis.neighbourhelp import services
from socialebasis.privacy.services import export_personal_data

from .factories import help_request, volunteer

pytestmark = pytest.mark.django_db


def _section(user, model: str) -> dict | None:
    return next((s for s in export_personal_data(user) if s["model"] == model), None)


def test_the_helper_finds_the_match_in_their_own_export(help_presets, user_factory):
    asker = user_factory(first_name="Riet")
    request = help_request(asker)
    helper = volunteer(user_factory(first_name="Harm"), parts=("1-0",))
    match = services.offer_help(helper, request, "Ik kan dinsdag helpen.")

    for person in (asker, helper):
        section = _section(person, "neighbourhelp.Match")
        assert section is not None and len(section["rows"]) == 1, person
        assert section["rows"][0]["request"] == str(match.request)
    assert _section(user_factory(), "neighbourhelp.Match") is None


def test_the_name_of_the_resident_asked_for_is_in_the_export(help_presets, user_factory):
    professional = user_factory(professional=True, municipalities=[help_presets["GM0797"]])
    help_request(professional, on_behalf_of="Mevrouw Jansen", resident_consents=True, text="Boodschappen voor mevrouw")

    rows = _section(professional, "neighbourhelp.HelpRequest")["rows"]

    assert rows[0]["on_behalf_of"] == "Mevrouw Jansen"
