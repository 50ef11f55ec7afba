"""The kinds of message the platform can send, declared by the apps that send them.

Each app declares its kinds in its own `notifications.py` (found when the notifications app is ready), e.g.

    register("directory.reminder", _("Reminders to check your entries"), default=Frequency.IMMEDIATELY)

A kind's texts are Django templates under `notifications/<key with dots as slashes>/`: `subject.txt` and
`body.txt`, written in English with `{% translate %}` and translated in locale/nl like every other text.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    """How a user wants to hear about one kind of message; the inbox gets every message in any case."""

    IMMEDIATELY = "immediately", _("Right away, by e-mail")
    DAILY = "daily", _("Once a day, in one e-mail with everything")
    OFF = "off", _("No e-mail, only under Messages")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # lazy: shown on the preferences and unsubscribe pages
    default: Frequency = Frequency.IMMEDIATELY
    # False for messages a user must get by e-mail, such as security notices: always sent right away.
    optional: bool = True
    description: str = ""

    @property
    def template_folder(self) -> str:
        return "notifications/" + self.key.replace(".", "/")


_KINDS: dict[str, Kind] = {}


def register(
    key: str, label, *, default: Frequency = Frequency.IMMEDIATELY, optional: bool = True, description=""
) -> Kind:
    if key in _KINDS:
        raise ValueError(f"Notification kind {key!r} is registered twice.")
    if not optional and default != Frequency.IMMEDIATELY:
        raise ValueError(f"Notification kind {key!r} cannot be turned off, so it must be sent right away.")
    kind = Kind(key, label, Frequency(default), optional, description)
    _KINDS[key] = kind
    return kind


def get(key: str) -> Kind:
    try:
        return _KINDS[key]
    except KeyError:
        raise LookupError(f"No notification kind {key!r}; register it in the app's notifications.py.") from None


def kinds() -> list[Kind]:
    """Every registered kind, in the order the apps registered them."""
    return list(_KINDS.values())
