"""Stories and signals as evidence (evidence.py): the apps below, read the way any visitor of a policy page may.

A story is shown by its title with a link only when anyone may read it (the teller chose "public"); otherwise the
label as written, with no more of the story. A signal is working material of staff: only its theme and how far it
got show, never what was noticed or who raised it, and only for a signal of the municipality the page is about."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext as _

from socialebasis.signalling.models import Signal
from socialebasis.stories.selectors import stories_for

from .evidence import KINDS, Resolved, register_resolver


def _story(reference: str, label: str, context: dict) -> Resolved | None:
    if not reference.isdigit():
        return None
    story = stories_for(AnonymousUser()).filter(pk=int(reference)).first()
    if story is None:
        return Resolved("story", str(KINDS["story"]), label or _("a story that is not public"))
    return Resolved("story", str(KINDS["story"]), label or story.title, "", reverse("stories:detail", args=[story.pk]))


def _signal(reference: str, label: str, context: dict) -> Resolved | None:
    if not reference.isdigit():
        return None
    # Only a signal of the municipality (or wijken) the check or map is about: a number of another municipality's
    # signal must not tell its theme and status.
    codes = context.get("area_codes") or []
    signal = Signal.objects.filter(pk=int(reference), municipality__statcode__in=codes).select_related("theme").first()
    if signal is None:
        return None
    detail = _("about %(theme)s; %(status)s") % {"theme": signal.theme.name, "status": signal.get_status_display()}
    return Resolved("signal", str(KINDS["signal"]), label or _("a signal"), detail)


def register() -> None:
    register_resolver("story", _story)
    register_resolver("signal", _signal)
