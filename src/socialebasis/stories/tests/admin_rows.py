"""Rows for the administration's tests (core/tests/admin_rows.py): a panel with a member and a question."""

ADDED_BY_HAND = {"stories.panel", "stories.storyquestion"}


def make_rows(chief) -> None:
    from socialebasis.areas.models import District
    from socialebasis.stories.models import Panel, StoryQuestion

    wijk = District.objects.get(statcode="WK079701")
    panel = Panel.objects.create(municipality=wijk.municipality, district=wijk, name="Wijkpanel Drunen")
    panel.members.add(chief)
    StoryQuestion.objects.create(municipality=wijk.municipality, text="Wat heeft u geleerd?")
