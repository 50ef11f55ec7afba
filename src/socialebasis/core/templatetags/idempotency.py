"""``{% idempotency_key_field %}``: the hidden key of a write form (core/idempotency.py)."""

import uuid

from django import template
from django.utils.html import format_html

from ..idempotency import FIELD, key_of

register = template.Library()


@register.simple_tag(takes_context=True)
def idempotency_key_field(context) -> str:
    """A new key for a new form; the key that was sent when the form comes back with errors."""
    request = context.get("request")
    key = (key_of(request) if request is not None and request.method == "POST" else None) or uuid.uuid4().hex
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, key)
