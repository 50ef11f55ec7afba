from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .registry import workflow_named


@login_required
@require_POST
def step(request, key: str, pk: int):
    """One step of a declared workflow, from the buttons of `workflows/steps.html`.

    Someone who may take no step with the object at all gets 404, so the address tells them nothing.
    """
    try:
        workflow = workflow_named(key)
        obj = workflow.model_class._base_manager.get(pk=pk)
    except (KeyError, ObjectDoesNotExist):
        raise Http404 from None
    if not services.allowed_steps(obj, request.user, workflow.field):
        raise Http404
    try:
        services.transition(
            obj, request.POST.get("to", ""), actor=request.user, note=request.POST.get("note", "")[:2000]
        )
    except services.TransitionNotAllowed:
        messages.error(request, _("This step is not possible (any more). Look at the current status."))
    except ValidationError as invalid:
        messages.error(request, " ".join(invalid.messages))
    else:
        state = services.state_label(workflow, getattr(obj, workflow.field))
        messages.success(request, _("Done: the status is now “%(state)s”.") % {"state": state})
    return redirect(_back(request, obj))


def _back(request, obj) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return obj.get_absolute_url()
