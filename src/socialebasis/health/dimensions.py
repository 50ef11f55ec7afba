"""The six dimensions of positive health and the statements of our own self-check.

The six dimensions are the ones the visions name (seed 003 "Positieve Gezondheid", seed 000 theme Positieve
Gezondheid). The statements are our own, written for this platform in plain Dutch (B1); none is taken from the
tools or texts of the Institute for Positive Health, whose material and brand are not ours to use. They are
content, like the framework presets, so they are kept here in Dutch rather than as translatable interface text.

Each statement is answered with a whole number from 0 (not at all) to 10 (completely). A dimension's score is
the mean of its statements, with one decimal. The result is a conversation tool, not a measurement instrument.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    statements: tuple[tuple[str, str], ...]  # (key, text)


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "body",
        "Lichaamsfuncties",
        (
            ("body_fit", "Ik voel me lichamelijk fit genoeg voor wat ik op een dag wil doen."),
            ("body_rest", "Ik slaap meestal zo dat ik uitgerust opsta."),
            ("body_pain", "Pijn of klachten in mijn lijf houden mij weinig tegen."),
        ),
    ),
    Dimension(
        "mind",
        "Mentaal welbevinden",
        (
            ("mind_focus", "Ik kan mijn aandacht goed houden bij wat ik doe."),
            ("mind_setback", "Als iets tegenzit, kan ik dat na een tijdje een plek geven."),
            ("mind_calm", "Ik voel me vaak rustig vanbinnen."),
        ),
    ),
    Dimension(
        "meaning",
        "Zingeving",
        (
            ("meaning_morning", "Ik weet waarvoor ik 's ochtends opsta."),
            ("meaning_worth", "Ik doe dingen die ik de moeite waard vind."),
            ("meaning_future", "Ik kijk met vertrouwen naar de komende tijd."),
        ),
    ),
    Dimension(
        "quality",
        "Kwaliteit van leven",
        (
            ("quality_enjoy", "Ik geniet van gewone dingen op een dag."),
            ("quality_content", "Ik ben tevreden over hoe mijn leven nu loopt."),
            ("quality_safe", "Ik voel me veilig in en rond mijn huis."),
        ),
    ),
    Dimension(
        "participation",
        "Meedoen",
        (
            ("participation_people", "Er zijn mensen bij wie ik terecht kan als het nodig is."),
            ("participation_join", "Ik doe mee met dingen in mijn buurt of samen met anderen."),
            ("participation_seen", "De mensen om mij heen zien wat ik kan."),
        ),
    ),
    Dimension(
        "daily",
        "Dagelijks functioneren",
        (
            ("daily_care", "Ik kan goed voor mezelf zorgen: eten, wassen en mijn huis."),
            ("daily_money", "Ik kom rond met het geld dat ik heb."),
            ("daily_help", "Ik weet waar ik hulp kan vragen als ik iets niet alleen kan."),
        ),
    ),
)
KEYS = tuple(d.key for d in DIMENSIONS)
BY_KEY = {d.key: d for d in DIMENSIONS}
STATEMENT_KEYS = tuple(key for d in DIMENSIONS for key, _text in d.statements)
LOWEST, HIGHEST = 0, 10
# Below this a dimension is "low" and the result points to offers in the wijk (point 4).
LOW_SCORE = 5.0
# The distribution that is published: three bands of a dimension's score.
BANDS = (("low", "0 tot 5", 0.0, 5.0), ("middle", "5 tot 7,5", 5.0, 7.5), ("high", "7,5 tot en met 10", 7.5, 10.01))


def scores_of(answers: dict[str, int]) -> dict[str, float]:
    """Each dimension's score: the mean of its statements' answers, one decimal."""
    return {d.key: round(sum(answers[key] for key, _text in d.statements) / len(d.statements), 1) for d in DIMENSIONS}


def band_of(score: float) -> int:
    for index, (_key, _label, low, high) in enumerate(BANDS):
        if low <= score < high:
            return index
    return len(BANDS) - 1
