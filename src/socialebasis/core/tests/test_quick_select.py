"""The quick select of the search form writes the same HTML as Django's Select (ADR 0038)."""

import pytest
from django import forms

from socialebasis.core.forms import QuickSelect

CHOICES = [("", "any"), ("GM0344", "Utrecht"), ("GM0363", 'Amsterdam & "Zuid" <oost>'), (7, "zeven")]


@pytest.mark.parametrize("value", [None, "", "GM0344", "GM0363", 7, "7", "unknown"])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"class": "utrecht-select", "id": "id_municipality"},
        {"required": True, "disabled": False, "data-x": 'a"b'},
    ],
)
def test_quick_select_renders_what_djangos_select_renders(value, attrs):
    quick = QuickSelect(choices=CHOICES, attrs={"class": "utrecht-select utrecht-select--html-select"})
    django_select = forms.Select(choices=CHOICES, attrs={"class": "utrecht-select utrecht-select--html-select"})

    assert quick.render("municipality", value, attrs) == django_select.render("municipality", value, attrs)


def test_quick_select_with_option_groups_falls_back_to_djangos_rendering():
    grouped = [("North", [("a", "A"), ("b", "B")]), ("c", "C")]

    assert QuickSelect(choices=grouped).render("x", "b") == forms.Select(choices=grouped).render("x", "b")
