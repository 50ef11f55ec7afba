"""The inbox, one message, preferences, and the unsubscribe link from an e-mail (which needs no sign-in)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import registry, selectors, services
from .forms import PreferencesForm

PAGE_SIZE = 25


def _crumbs(*items):
    return [(_("My account"), reverse("accounts:profile")), *items]


@login_required
def inbox(request):
    page = Paginator(
        selectors.inbox_of(request.user).only("pk", "subject", "created_at", "read_at"), PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "breadcrumbs": _crumbs((_("Messages"), None))},
    )


@login_required
def message_detail(request, pk: int):
    message = selectors.message_for(request.user, pk)
    # Opening a message reads it, as in any mail program; "mark as unread" undoes it.
    services.mark_read(request.user, message)
    return render(
        request,
        "notifications/message.html",
        {
            "message": message,
            "breadcrumbs": _crumbs((_("Messages"), reverse("notifications:inbox")), (message.subject, None)),
        },
    )


@login_required
@require_POST
def mark_unread(request, pk: int):
    services.mark_unread(request.user, selectors.message_for(request.user, pk))
    messages.success(request, _("The message is marked as unread."))
    return redirect("notifications:inbox")


@login_required
@require_POST
def mark_all_read(request):
    services.mark_all_read(request.user)
    messages.success(request, _("All messages are marked as read."))
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    kinds = registry.kinds()
    current = selectors.preferences_of(request.user)
    initial = {PreferencesForm.field_name(kind): current[kind.key] for kind in kinds}
    initial["language"] = selectors.language_of(request.user)
    form = PreferencesForm(request.POST or None, kinds=kinds, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(request.user, form.frequencies(), language=form.cleaned_data["language"])
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "fixed_kinds": [kind for kind in kinds if not kind.optional],
            "breadcrumbs": _crumbs((_("Messages"), reverse("notifications:inbox")), (_("E-mail about messages"), None)),
        },
    )


# No CSRF token: a mail program's one-click unsubscribe (RFC 8058) posts here without a session. The signed
# token in the address is what authorises the change, and it only ever turns e-mail off.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    unsubscription = selectors.read_unsubscription(token)
    if unsubscription is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        kinds = services.unsubscribe(unsubscription)
        return render(request, "notifications/unsubscribed.html", {"unsubscription": unsubscription, "kinds": kinds})
    # A GET only asks: link scanners in mail filters open links, and must not unsubscribe anyone.
    return render(request, "notifications/unsubscribe.html", {"unsubscription": unsubscription})
