"""Every declared kind has its texts in Dutch and English; declarations are checked when they are made."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from socialebasis.notifications import registry
from socialebasis.notifications.mail import render_text
from socialebasis.notifications.registry import Frequency


@pytest.mark.parametrize("kind", registry.kinds(), ids=lambda kind: kind.key)
def test_every_kind_has_a_subject_and_text_in_dutch_and_english(kind):
    context = {"recipient": AnonymousUser(), "name": "Koor", "event": "Iets"}
    dutch = render_text(kind, "nl", context)
    english = render_text(kind, "en", context)
    assert all(dutch) and all(english)
    assert dutch != english, f"{kind.key} has no Dutch translation"
    assert "\n" not in dutch[0] and "\n" not in english[0]
    with translation.override("nl"):
        dutch_label = str(kind.label)
    with translation.override("en"):
        assert dutch_label != str(kind.label), f"{kind.key} has no Dutch label"


def test_the_platform_declares_the_reminder_and_the_security_notice():
    assert registry.get("directory.reminder").optional
    security = registry.get("account.security")
    assert not security.optional and security.default == Frequency.IMMEDIATELY


def test_a_kind_is_declared_once_and_a_fixed_kind_is_sent_right_away():
    with pytest.raises(ValueError, match="twice"):
        registry.register("directory.reminder", "Again")
    with pytest.raises(ValueError, match="right away"):
        registry.register("test.fixed-daily", "Fixed", default=Frequency.DAILY, optional=False)
    with pytest.raises(LookupError):
        registry.get("does.not-exist")
