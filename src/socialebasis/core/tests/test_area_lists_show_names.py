"""No internal code on a page: a form's list of wijken or municipalities shows their names, not the CBS code and
year the models' own text carries (core/forms.py StyledFormMixin)."""

import pytest
from django import forms

from socialebasis.areas.models import District, Municipality
from socialebasis.core.forms import StyledFormMixin

pytestmark = pytest.mark.django_db


class _Where(StyledFormMixin, forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none())
    districts = forms.ModelMultipleChoiceField(queryset=District.objects.none())
    own = forms.ModelChoiceField(queryset=District.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(statcode="GM0797")
        self.fields["districts"].queryset = District.objects.filter(municipality__statcode="GM0797")
        self.fields["own"].queryset = District.objects.filter(municipality__statcode="GM0797")
        self.fields["own"].label_from_instance = lambda district: f"Wijk {district.name}"


def test_lists_of_areas_show_names_and_a_form_keeps_its_own_labels(seed_areas):
    html = str(_Where())
    drunen = District.objects.get(statcode="WK079701")
    assert f">{drunen.name}</option>" in html
    assert ">Heusden</option>" in html
    assert "WK0797" not in html and "GM0797" not in html and "2023" not in html
    assert f">Wijk {drunen.name}</option>" in html


def test_the_story_and_signal_forms_list_wijken_by_name(seed_areas):
    from socialebasis.signalling.forms import SignalForm
    from socialebasis.stories.forms import StoryForm, current_districts

    heusden = Municipality.objects.get(statcode="GM0797")
    wijken = current_districts(heusden)
    for form in (StoryForm(municipality=heusden), SignalForm(municipality=heusden, districts=wijken)):
        html = str(form["district"])
        assert wijken[0].name in html and "WK0797" not in html
