"""Pages of burenhulp under /burenhulp/: thin views over selectors (reads) and services (writes)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.areas.models import District
from socialebasis.core.permissions import can, visible
from socialebasis.core.roles import Role, has_role, is_administrator

from . import selectors, services
from .forms import (
    FollowUpForm,
    IntroductionForm,
    MessageForm,
    OfferForm,
    ReportForm,
    RequestForm,
    VacancyForm,
    VolunteerForm,
)
from .models import (
    FollowUp,
    HelpCategory,
    HelpOffer,
    HelpRequest,
    HelpSettings,
    Match,
    Report,
    VolunteerProfile,
    VolunteerVacancy,
)
from .vocabulary import Mode, describe_parts, parts_of_mask, skills_of_mask


def _crumbs(*items):
    return [(_("Burenhulp"), reverse("neighbourhelp:index")), *items]


def _visible_or_404(request, model, rule: str, pk: int, related=()):
    rows = visible(request.user, rule, model.objects.select_related(*related))
    return get_object_or_404(rows, pk=pk)


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _home(user):
    return getattr(user, "home_municipality", None) if user.is_authenticated else None


def index(request):
    municipalities = list(HelpSettings.objects.select_related("municipality").order_by("municipality__name"))
    chosen = request.GET.get("gemeente", "")
    municipality_id = next((s.municipality_id for s in municipalities if s.municipality.statcode == chosen), None)
    requests = list(selectors.public_requests(request.user, municipality_id)[:30])
    offers = list(selectors.public_offers(request.user, municipality_id)[:30])
    not_for_volunteers = HelpCategory.objects.filter(for_volunteers=False).select_related("municipality")
    if municipality_id:
        not_for_volunteers = not_for_volunteers.filter(municipality_id=municipality_id)
    return render(
        request,
        "neighbourhelp/index.html",
        {
            "platforms": municipalities,
            "chosen": chosen,
            "requests": requests,
            "offers": offers,
            "not_for_volunteers": list(not_for_volunteers),
            "breadcrumbs": [(_("Burenhulp"), None)],
        },
    )


@login_required
def ask(request):
    on_behalf = has_role(request.user, Role.PROFESSIONAL) or is_administrator(request.user)
    form = RequestForm(request.POST or None, on_behalf=on_behalf, municipality=_home(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            help_request = services.create_request(
                request.user,
                category=data["category"],
                text=data["text"],
                postcode=data["postcode"],
                when=data["when"],
                date=data.get("date"),
                parts=form.parts_mask(),
                address=data.get("address", ""),
                phone=data.get("phone", ""),
                on_behalf_of=data.get("on_behalf_of", ""),
                resident_consents=data.get("resident_consents", False),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if help_request.status == "pending":
                messages.success(request, _("Thank you. A professional of your wijk looks at your request soon."))
            else:
                messages.success(request, _("Thank you. Volunteers nearby can now see your request."))
            return redirect(help_request)
    return render(
        request,
        "neighbourhelp/form.html",
        {
            "form": form,
            "title": _("Ask for help"),
            "intro": _("Tell what you need. A neighbour nearby may help."),
            "button": _("Ask for help"),
            "breadcrumbs": _crumbs((_("Ask for help"), None)),
        },
    )


def request_detail(request, pk: int):
    help_request = _visible_or_404(
        request,
        HelpRequest,
        "neighbourhelp.view_helprequest",
        pk,
        ("category", "municipality", "district", "neighbourhood", "owner"),
    )
    user = request.user
    moderates = can(user, "neighbourhelp.moderate_helprequest", help_request)
    is_owner = user.is_authenticated and user.pk == help_request.owner_id
    if user.is_authenticated and not is_owner:
        services.record_opening(user, help_request)
    context = {
        "help_request": help_request,
        "see_text": can(user, "neighbourhelp.see_request_text", help_request),
        "is_owner": is_owner,
        "moderates": moderates,
        "parts": describe_parts(help_request.parts) if help_request.parts != (1 << 21) - 1 else [],
        "may_offer": can(user, "neighbourhelp.offer_help", help_request),
        "offer_form": IntroductionForm(),
        "signposts": selectors.signposts(help_request, user),
        "breadcrumbs": _crumbs((str(help_request), None)),
    }
    if is_owner or moderates:
        context["conversations"] = list(
            visible(user, "neighbourhelp.view_match", help_request.matches.select_related("helper")).order_by(
                "-created_at"
            )
        )
    if moderates and help_request.status == "open":
        context["suggestions"] = selectors.suggestions_for(help_request)
    if user.is_authenticated and not is_owner:
        context["my_conversation"] = help_request.matches.filter(helper_id=user.pk).first()
    return render(request, "neighbourhelp/request_detail.html", context)


@login_required
@require_POST
def offer_to_help(request, pk: int):
    help_request = _visible_or_404(request, HelpRequest, "neighbourhelp.view_helprequest", pk)
    form = IntroductionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a short message to introduce yourself."))
        return redirect(help_request)
    try:
        match = services.offer_help(request.user, help_request, form.cleaned_data["message"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(help_request)
    messages.success(request, _("Your message was sent. You hear it when the other person answers."))
    return redirect(match)


@login_required
@require_POST
def propose(request, pk: int):
    help_request = _visible_or_404(request, HelpRequest, "neighbourhelp.view_helprequest", pk)
    volunteer = get_object_or_404(
        VolunteerProfile.objects.select_related("user"), pk=request.POST.get("volunteer") or 0
    )
    try:
        match = services.propose_match(request.user, help_request, volunteer.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(help_request)
    messages.success(request, _("The match was proposed. Both get a message with a link."))
    return redirect(match)


@login_required
def offer_new(request):
    form = OfferForm(request.POST or None, municipality=_home(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            offer = services.create_offer(
                request.user,
                category=data["category"],
                text=data["text"],
                postcode=data["postcode"],
                when=data["when"],
                parts=form.parts_mask(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Thank you. Neighbours can now see your offer."))
            return redirect(offer)
    return render(
        request,
        "neighbourhelp/form.html",
        {
            "form": form,
            "title": _("Offer help"),
            "intro": _("Tell what you can do for your neighbours."),
            "button": _("Offer help"),
            "breadcrumbs": _crumbs((_("Offer help"), None)),
        },
    )


def offer_detail(request, pk: int):
    offer = _visible_or_404(
        request,
        HelpOffer,
        "neighbourhelp.view_helpoffer",
        pk,
        ("category", "municipality", "district", "neighbourhood"),
    )
    return render(
        request,
        "neighbourhelp/offer_detail.html",
        {
            "offer": offer,
            "see_text": request.user.is_authenticated,
            "is_owner": request.user.is_authenticated and offer.owner_id == request.user.pk,
            "may_respond": can(request.user, "neighbourhelp.respond_to_offer", offer),
            "form": IntroductionForm(),
            "parts": describe_parts(offer.parts) if offer.parts != (1 << 21) - 1 else [],
            "breadcrumbs": _crumbs((str(offer), None)),
        },
    )


@login_required
@require_POST
def respond_offer(request, pk: int):
    offer = _visible_or_404(request, HelpOffer, "neighbourhelp.view_helpoffer", pk)
    form = IntroductionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Write a short message about what you need."))
        match = services.respond_to_offer(request.user, offer, form.cleaned_data["message"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(offer)
    return redirect(match)


@login_required
def mine(request):
    return render(
        request, "neighbourhelp/mine.html", {**selectors.mine(request.user), "breadcrumbs": _crumbs((_("Mine"), None))}
    )


@login_required
def volunteer(request):
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    municipality = profile.municipality if profile else _home(request.user)
    initial = {}
    if profile:
        initial = {
            "postcode": profile.postcode_area,
            "categories": [
                c for c in HelpCategory.objects.filter(municipality=profile.municipality) if profile.categories & c.mask
            ],
            "skills": skills_of_mask(profile.skills),
            "parts": parts_of_mask(profile.parts),
            "max_km": profile.max_km,
            "languages": profile.languages,
            "active": profile.active,
        }
    form = VolunteerForm(request.POST or None, initial=initial, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_volunteer_profile(
                request.user,
                postcode=data["postcode"],
                categories=list(data["categories"]),
                skills=data["skills"],
                parts=services_parts(data["parts"]),
                max_km=data["max_km"],
                languages=data["languages"],
                active=data["active"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Your volunteer profile is saved."))
            return redirect("neighbourhelp:volunteer")
    nearby = selectors.nearby_requests(profile, request.user) if profile and profile.active else []
    return render(
        request,
        "neighbourhelp/volunteer.html",
        {"form": form, "profile": profile, "nearby": nearby, "breadcrumbs": _crumbs((_("Volunteer profile"), None))},
    )


def services_parts(values) -> int:
    from .vocabulary import mask_of_parts

    return mask_of_parts(values)


def _match_or_404(request, pk: int) -> Match:
    return _visible_or_404(
        request,
        Match,
        "neighbourhelp.view_match",
        pk,
        (
            "request__category",
            "offer__category",
            "helper",
            "asker",
            "municipality",
            "request__neighbourhood",
            "request__district",
        ),
    )


@login_required
def conversation(request, pk: int):
    match = _match_or_404(request, pk)
    user = request.user
    party = user.pk in (match.helper_id, match.asker_id)
    if not party:
        services.record_opening(user, match)
    consents = set(match.consents.values_list("user_id", flat=True))
    follow_up = FollowUp.objects.filter(match=match, user=user, answered_at__isnull=True).first() if party else None
    return render(
        request,
        "neighbourhelp/conversation.html",
        {
            "match": match,
            "about": match.about,
            "party": party,
            "other": match.other_party(user) if party else None,
            "is_helper": user.pk == match.helper_id,
            "messages_": match.messages.select_related("author"),
            "may_write": can(user, "neighbourhelp.write_match", match),
            "form": MessageForm(),
            "report_form": ReportForm(),
            "i_consented": user.pk in consents,
            "other_consented": party and match.other_party(user).pk in consents,
            "contact": services.contact_of_other(match, user) if party else None,
            "follow_up": follow_up,
            "breadcrumbs": _crumbs((_("Mine"), reverse("neighbourhelp:mine")), (_("Conversation"), None)),
        },
    )


@login_required
@require_POST
def send(request, pk: int):
    match = _match_or_404(request, pk)
    form = MessageForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Write a message."))
        services.send_message(request.user, match, form.cleaned_data["body"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(match)


@login_required
@require_POST
def consent(request, pk: int):
    match = _match_or_404(request, pk)
    try:
        both = services.give_consent(request.user, match)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You both agreed: you now see each other's contact details.")
            if both
            else _("Thank you. When the other person agrees too, you see each other's contact details."),
        )
    return redirect(match)


@login_required
@require_POST
def report(request, pk: int):
    match = _match_or_404(request, pk)
    form = ReportForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Write what happened."))
        services.report(request.user, match, form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you. A professional of the wijk reads your report."))
    return redirect(match)


@login_required
@require_POST
def block(request, pk: int):
    match = _match_or_404(request, pk)
    if request.user.pk not in (match.helper_id, match.asker_id):
        raise PermissionDenied
    services.block(request.user, match.other_party(request.user))
    messages.success(request, _("You blocked this person. They cannot send you messages any more."))
    return redirect("neighbourhelp:mine")


@login_required
def follow_up(request, pk: int):
    found = get_object_or_404(FollowUp.objects.select_related("match"), pk=pk, user=request.user)
    is_helper = found.match.helper_id == request.user.pk
    form = FollowUpForm(request.POST or None, is_helper=is_helper)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_follow_up(
                request.user,
                found,
                happened=form.cleaned_data["happened"],
                how_it_went=form.cleaned_data["how_it_went"],
                hours=form.cleaned_data.get("hours"),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Thank you for letting us know."))
            return redirect("neighbourhelp:mine")
    return render(
        request,
        "neighbourhelp/form.html",
        {
            "form": form,
            "title": _("How did it go?"),
            "intro": _("Some time ago you were matched. Did the help happen?"),
            "button": _("Send"),
            "breadcrumbs": _crumbs((_("How did it go?"), None)),
        },
    )


def vacancy_list(request):
    rows = selectors.vacancies(request.user).filter(status="open")
    return render(
        request,
        "neighbourhelp/vacancies.html",
        {
            "vacancies": list(rows[:100]),
            "may_add": can(request.user, "neighbourhelp.add_vacancy"),
            "breadcrumbs": _crumbs((_("Volunteer vacancies"), None)),
        },
    )


def vacancy_detail(request, pk: int):
    vacancy = _visible_or_404(
        request,
        VolunteerVacancy,
        "neighbourhelp.view_volunteervacancy",
        pk,
        ("organisation", "municipality", "district"),
    )
    form = IntroductionForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:login')}?next={vacancy.get_absolute_url()}")
        if form.is_valid():
            try:
                services.respond_to_vacancy(request.user, vacancy, form.cleaned_data["message"])
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Thank you. The organisation gets your message."))
                return redirect(vacancy)
    responses = []
    if can(request.user, "neighbourhelp.change_volunteervacancy", vacancy):
        responses = list(
            visible(request.user, "neighbourhelp.view_vacancyresponse", vacancy.responses.select_related("user"))
        )
    return render(
        request,
        "neighbourhelp/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "form": form,
            "responses": responses,
            "may_respond": can(request.user, "neighbourhelp.respond_to_vacancy", vacancy),
            "skills": [label for key, label in _skill_labels() if key in skills_of_mask(vacancy.skills)],
            "breadcrumbs": _crumbs(
                (_("Volunteer vacancies"), reverse("neighbourhelp:vacancies")), (vacancy.title, None)
            ),
        },
    )


def _skill_labels():
    from .vocabulary import Skill

    return Skill.choices


@login_required
def vacancy_new(request):
    from socialebasis.directory.selectors import organisations_for

    organisations = organisations_for(request.user).filter(status__in=["published", "needs_check"])
    if not is_administrator(request.user):
        organisations = (
            organisations.filter(
                Q(owner_id=request.user.pk) | Q(municipality_id__in=request.user.municipalities.values("pk"))
            )
            if has_role(request.user, Role.PROFESSIONAL)
            else organisations.filter(owner_id=request.user.pk)
        )
    if not organisations.exists():
        raise PermissionDenied
    form = VacancyForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            vacancy = services.create_vacancy(
                request.user,
                organisation=data["organisation"],
                title=data["title"],
                task=data["task"],
                hours=data["hours"],
                skills=data["skills"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            return redirect(vacancy)
    return render(
        request,
        "neighbourhelp/form.html",
        {
            "form": form,
            "title": _("Place a volunteer vacancy"),
            "intro": "",
            "button": _("Place"),
            "breadcrumbs": _crumbs((_("Volunteer vacancies"), reverse("neighbourhelp:vacancies")), (_("New"), None)),
        },
    )


@login_required
def queue(request):
    if not can(request.user, "neighbourhelp.view_dispatch"):
        raise PermissionDenied
    districts = District.objects.filter(
        pk__in=visible(request.user, "neighbourhelp.moderate_helprequest", HelpRequest.objects.all()).values(
            "district_id"
        )
    ).select_related("municipality")
    chosen = request.GET.get("wijk", "")
    district_id = int(chosen) if chosen.isdigit() else None
    return render(
        request,
        "neighbourhelp/queue.html",
        {
            **selectors.dispatcher_queue(request.user, district_id),
            "districts": districts,
            "chosen": district_id,
            "moderated": Mode.MODERATED,
            "breadcrumbs": _crumbs((_("Dispatcher queue"), None)),
        },
    )


@login_required
@require_POST
def report_handled(request, pk: int):
    found = get_object_or_404(Report.objects.select_related("match__municipality"), pk=pk)
    if not can(request.user, "neighbourhelp.moderate_match", found.match):
        raise Http404
    services.handle_report(request.user, found)
    messages.success(request, _("The report is marked as handled."))
    return redirect("neighbourhelp:queue")
