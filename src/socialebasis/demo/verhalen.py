"""The demo's stories and signals (issue 14 point 9): each drawn from an example in its municipality's seed document
(`source` in data/demo/verhalen-en-signalen.json), written through the apps' services and marked as demo, with one
completed story round in Oss. Idempotent: what is there already (by title) is left alone."""

import json
from datetime import date
from pathlib import Path

from django.utils import timezone

from socialebasis.areas.models import District, Municipality
from socialebasis.signalling import services as signals
from socialebasis.signalling.models import Signal, Theme
from socialebasis.stories import services as stories
from socialebasis.stories.models import Panel, Round, Story, StoryStatus


def _wijk(municipality, code: str) -> District:
    return District.objects.filter(municipality=municipality, statcode=code).order_by("-year").first()


def load(path: Path) -> dict[str, int]:
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    counts = {"verhalen": 0, "signalen": 0, "rondes": 0}
    for code, content in document["municipalities"].items():
        municipality = Municipality.objects.filter(statcode=code).first()
        if municipality is None:
            continue
        for position, theme in enumerate(content["themes"]):
            signals.add_theme(municipality, theme["name"], target_days=theme["target_days"], position=position)
        for position, text in enumerate(content.get("questions", [])):
            if not municipality.story_questions.filter(text=text).exists():
                stories.add_question(municipality, text, position=position)
        told = {}
        for item in content["stories"]:
            story = Story.objects.filter(municipality=municipality, title=item["title"], is_demo=True).first()
            if story is None:
                data = {
                    **{k: item[k] for k in ("title", "text", "goals", "sphere", "feeling", "about", "visibility")},
                    "teller_name": item.get("teller_name", ""),
                    "district": _wijk(municipality, item["wijk"]),
                    "status": StoryStatus.PUBLISHED,
                    "is_demo": True,
                    "created_at": timezone.now().replace(month=3, day=15),
                }
                story = stories.tell_story(data, teller=None, municipality=municipality)
                counts["verhalen"] += 1
            told[item["key"]] = story
        for item in content["signals"]:
            if Signal.objects.filter(municipality=municipality, description=item["description"]).exists():
                continue
            data = {
                "theme": Theme.objects.get(municipality=municipality, name=item["theme"]),
                "district": _wijk(municipality, item["wijk"]),
                "description": item["description"],
                "reporter_kind": item["kind"],
                "status": item["status"],
                "is_demo": True,
            }
            signals.report_signal(data, reporter=None, municipality=municipality)
            counts["signalen"] += 1
        panels = {}
        for item in content.get("panels", []):
            district = _wijk(municipality, item["wijk"]) if item["wijk"] else None
            panels[item["key"]] = Panel.objects.filter(municipality=municipality, name=item["name"]).first() or (
                stories.create_panel(municipality=municipality, name=item["name"], district=district)
            )
        held = content.get("round")
        if held and not Round.objects.filter(title=held["title"], is_demo=True).exists():
            year = timezone.localdate().year
            stories.import_completed_round(
                panel=panels[held["panel"]],
                title=held["title"],
                period_start=date(year, 1, 1),
                period_end=date(year, 12, 31),
                selections=[(told[s["story"]], s["domain"], s["reasons"]) for s in held["selections"]],
                feedback=held["feedback"],
                is_demo=True,
            )
            counts["rondes"] += 1
    return counts
