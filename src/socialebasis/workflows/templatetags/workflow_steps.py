from django import template

from ..registry import workflow_of
from ..services import allowed_steps

register = template.Library()


@register.simple_tag(takes_context=True)
def workflow_steps(context, obj, field: str = "status"):
    """The steps the signed-in person may take with `obj` now, with what the buttons need."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    workflow = workflow_of(obj, field)
    return {"workflow": workflow, "obj": obj, "steps": allowed_steps(obj, user, field)}
