"""What staff fill in during the load run (locustfile.py); the test of the page benchmark posts the same forms.

Free of Django: locust imports this module in its own process, without the application.
"""

from datetime import date, timedelta

# What residents do in the load run, by weight: the locustfile's tasks, and the bench script's offered rate.
RESIDENT_MIX = {"search": 4, "activity": 4, "place": 1, "organisation": 1, "district": 1, "profile": 1}

# The titles of the activities staff add in the load run; the data set's check leaves them out of its count.
LOAD_ACTIVITY_PREFIX = "Wandelgroep belasting "


def activity_form(number: int, municipality_id: int) -> dict:
    """What a member of staff fills in for a new activity in the load run (the test posts the same)."""
    start = date.today() + timedelta(days=7)
    return {
        "municipality": str(municipality_id),
        "title": f"{LOAD_ACTIVITY_PREFIX}{number}",
        "description": "Iedere week lopen we samen een rondje door de wijk.",
        "cost": "free",
        "starts_at": f"{start.isoformat()} 10:00",
        "duration_minutes": "90",
        "themes": "sport",
        "target_groups": "everyone",
    }


def agenda_form(number: int) -> dict:
    """What a policy officer fills in for a new opgave on a wijk's sociale agenda in the load run."""
    return {
        "title": f"Meer ontmoeting in de wijk {number}",
        "evidence": "Eenzaamheid ligt hoger dan in de gemeente.",
        "actions": "Een koffieochtend in het buurthuis.",
        "owner_kind": "residents",
        "owner_name": "Bewonersgroep",
        "municipal_role": "stimuleren",
        "start_date": date.today().isoformat(),
    }
