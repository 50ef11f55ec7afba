"""Password rules with Dutch messages.

Django 6 reworded the "too short" error and its Dutch catalogue has no translation for the new wording yet,
so a resident who chose a short password would read English. Same rule, own message.

`GuessablePasswordValidator` refuses passwords that are quick to guess, offline (nothing leaves the machine): zxcvbn
estimates how many guesses a password takes, knowing common passwords, English words, names, repeats (aaaa),
series (abcd, 1234), keyboard patterns (qwerty) and dates. We add what zxcvbn does not know: common Dutch words and
passwords, the name of this site, and the person's own user name, name and e-mail address. A password must still be
hard to guess once those are taken out of it.
"""

import re

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from zxcvbn import zxcvbn


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(min_length)d character.",
            "This password is too short: use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


SITE_WORDS = ("sociale", "basis", "socialebasis", "sociale-basis", "sociale basis", "socialekaart", "sociale kaart")

# Words Dutch people often build passwords from; zxcvbn's own lists are English.
DUTCH_WORDS = (
    "wachtwoord", "paswoord", "welkom", "welkom01", "geheim", "hallo", "hoi", "doei", "liefde", "schatje", "lieverd",
    "prinses", "engeltje", "zonnetje", "snoepje", "konijn", "hond", "hondje", "poes", "poesje", "kat", "paard",
    "voetbal", "ajax", "feyenoord", "psv", "oranje", "nederland", "holland", "koning", "koningin", "amsterdam",
    "rotterdam", "utrecht", "denhaag", "eindhoven", "groningen", "tilburg", "almere", "breda", "nijmegen", "heusden",
    "drunen", "vlijmen", "gemeente", "wijk", "buurt", "koffie", "fiets", "vakantie", "familie", "kinderen", "mama",
    "papa", "oma", "opa", "zomer", "winter", "lente", "herfst", "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "zaterdag", "zondag", "azerty", "qwerty", "toegang", "inloggen", "beheer", "beheerder",
    "admin", "medewerker", "werk", "kantoor", "computer", "internet", "veilig", "sterk", "nieuw",
)  # fmt: skip

# Long passwords are slow to analyse; zxcvbn looks at this many characters (its own maximum).
ANALYSED_LENGTH = 72
# zxcvbn's score 3: "safely unguessable", about 10^8 guesses and more.
MINIMUM_SCORE = 3


class GuessablePasswordValidator:
    """Refuse a password that zxcvbn scores below `minimum_score`, also after taking out the site's and the person's
    own names."""

    def __init__(self, minimum_score: int = MINIMUM_SCORE):
        self.minimum_score = minimum_score

    def validate(self, password: str, user=None) -> None:
        sample = password[:ANALYSED_LENGTH]
        personal = _personal_words(user)
        result = zxcvbn(sample, user_inputs=[*DUTCH_WORDS, *SITE_WORDS, *personal])
        rest = _without(sample, (*SITE_WORDS, *personal))
        rest_score = zxcvbn(rest, user_inputs=list(DUTCH_WORDS))["score"] if rest else 0
        if result["score"] >= self.minimum_score and (rest == sample or rest_score >= self.minimum_score):
            return
        reasons = [gettext("This password is easy to guess.")]
        if rest != sample:
            reasons.append(gettext("It contains the name of this site, or your own name, user name or e-mail address."))
        reasons += _reasons(result["sequence"])
        reasons.append(gettext("Use a longer password of several words that do not belong together."))
        raise ValidationError(" ".join(dict.fromkeys(reasons)), code="password_too_guessable")

    def get_help_text(self) -> str:
        return gettext(
            "Your password must not be easy to guess: no common words or passwords, no series such as 1234 or abcd, "
            "and not the name of this site or your own name."
        )


def _personal_words(user) -> list[str]:
    if user is None:
        return []
    words = []
    for attribute in ("username", "first_name", "last_name", "email"):
        value = str(getattr(user, attribute, "") or "").lower()
        if not value:
            continue
        words.append(value)
        words += [part for part in re.split(r"[\W_]+", value) if len(part) >= 3]
    return words


def _without(password: str, words) -> str:
    """The password with each of `words` (3 characters or more, in any case) taken out."""
    rest = password
    for word in sorted({w for w in words if len(w) >= 3}, key=len, reverse=True):
        rest = re.sub(re.escape(word), "", rest, flags=re.IGNORECASE)
    return rest


def _reasons(sequence: list[dict]) -> list[str]:
    patterns = {match["pattern"] for match in sequence}
    found = []
    if "repeat" in patterns:
        found.append(gettext("It repeats the same characters or words, such as aaaa."))
    if "sequence" in patterns:
        found.append(gettext("It contains a series, such as abcd or 1234."))
    if "spatial" in patterns:
        found.append(gettext("It follows keys next to each other on the keyboard, such as qwerty."))
    if "dictionary" in patterns:
        found.append(gettext("It is made of common words or passwords."))
    if patterns & {"date", "regex"}:
        found.append(gettext("It contains a date or a year."))
    return found
