"""Stories and signals as evidence of a policy check or a map (policy/evidence_sources.py): a public story shows its
title and a link, a story only the panel may read shows nothing of itself, a signal only its theme and status."""

import pytest

from socialebasis.policy.evidence import item, resolve
from socialebasis.signalling.factories import SignalFactory
from socialebasis.stories.factories import StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def oss(seed_areas):
    return seed_areas


def test_a_public_story_shows_its_title_and_a_link(oss):
    story = StoryFactory(title="Het bankje op het plein")
    shown = resolve(item("story", str(story.pk)))
    assert shown.label == "Het bankje op het plein" and shown.url == f"/verhalen/{story.pk}/"


def test_a_story_for_the_panel_only_shows_nothing_of_itself(oss):
    story = StoryFactory(title="Mijn buurvrouw en ik", panel_only=True)
    shown = resolve(item("story", str(story.pk)))
    assert "Mijn buurvrouw" not in f"{shown.label} {shown.detail}" and shown.url == ""


def test_a_signal_shows_its_theme_and_status_but_not_what_was_noticed(oss):
    signal = SignalFactory()
    shown = resolve(item("signal", str(signal.pk), "Signaal uit de wijk"), {"area_codes": ["GM0828"]})
    text = f"{shown.label} {shown.detail}"
    assert "Eenzaamheid" in text and "post" not in text


def test_a_signal_of_another_municipality_shows_only_the_label_written(oss, seed_areas):
    """A check of Heusden that names a signal of Oss by its number learns nothing of Oss's signal."""
    from socialebasis.signalling.factories import a_district

    signal = SignalFactory(district=a_district("GM0828"))
    shown = resolve(item("signal", str(signal.pk), "Signaal"), {"area_codes": ["WK079701", "GM0797"]})
    assert (shown.label, shown.detail) == ("Signaal", str(signal.pk))
    assert "Eenzaamheid" not in f"{shown.label} {shown.detail}"
