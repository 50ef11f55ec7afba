"""Pages of initiatives and funds: thin views over selectors and services; every read through the rules."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.accounts.models import User
from socialebasis.areas.geometry import centre
from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event
from socialebasis.core.permissions import can
from socialebasis.uploads.selectors import uploads_of
from socialebasis.uploads.services import store_upload
from socialebasis.workflows.services import allowed_steps

from . import forms, pdf, selectors, services
from .models import Accountability, Application, Fund, Question
from .vocabulary import ApplicationStatus, Tier
from .workflows import FORM_STEPS


def _require(request, rule: str, obj) -> None:
    if not can(request.user, rule, obj):
        raise PermissionDenied


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _crumbs(*items):
    return [(_("Initiatives"), reverse("initiatives:overview")), *items]


# -- public ----------------------------------------------------------------------------------------------------


def _map_points(initiatives) -> list[dict]:
    """Each initiative at the middle of its first wijk, for the map that enhances the list (the sociale kaart's
    map script draws them; the list says the same without it)."""
    points = []
    for initiative in initiatives:
        district = min(initiative.districts.all(), key=lambda d: d.statcode, default=None)
        middle = centre(district.boundary) if district is not None and district.boundary else None
        if middle is not None:
            points.append(
                {"lat": middle[0], "lon": middle[1], "title": initiative.title, "url": initiative.get_absolute_url()}
            )
    return points


def overview(request):
    """Initiatives and what was granted, per municipality and wijk; what came of it."""
    municipalities = Municipality.objects.filter(
        pk__in=selectors.funds_visible_to(request.user).values("municipality")
    ) | Municipality.objects.filter(pk__in=selectors.initiatives_visible_to(request.user).values("municipality"))
    municipalities = municipalities.distinct().order_by("name")
    code = request.GET.get("gemeente", "")
    municipality = next((m for m in municipalities if m.statcode == code), None)
    initiatives = selectors.initiatives_visible_to(request.user)
    grants = selectors.grants_visible_to(request.user).select_related("accountability")
    funds = selectors.funds_visible_to(request.user)
    districts, district = [], None
    if municipality is not None:
        initiatives = initiatives.filter(municipality=municipality)
        grants = grants.filter(fund__municipality=municipality)
        funds = funds.filter(municipality=municipality)
        districts = list(selectors.latest_districts(municipality))
        district = next((d for d in districts if d.statcode == request.GET.get("wijk", "")), None)
        if district is not None:
            initiatives = initiatives.filter(districts__statcode=district.statcode).distinct()
            grants = grants.filter(district__statcode=district.statcode)
    grant_rows = [(g, selectors.public_story(g)) for g in grants[:100]]
    initiatives = list(initiatives.prefetch_related("districts")[:100])
    return render(
        request,
        "initiatives/overview.html",
        {
            "municipalities": municipalities,
            "municipality": municipality,
            "districts": districts,
            "district": district,
            "initiatives": initiatives,
            "map_points": _map_points(initiatives),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "grants": grant_rows,
            "granted_total": sum(g.granted for g, _story in grant_rows),
            "funds": funds,
            "breadcrumbs": _crumbs(),
        },
    )


def initiative_detail(request, pk: int):
    initiative = get_object_or_404(selectors.initiatives_visible_to(request.user), pk=pk)
    grants = [
        (g, selectors.public_story(g)) for g in selectors.grants_visible_to(request.user).filter(initiative=initiative)
    ]
    stories = [(story, uploads_of(story).filter(kind="photo")) for _grant, story in grants if story is not None]
    return render(
        request,
        "initiatives/initiative.html",
        {
            "initiative": initiative,
            "photos": uploads_of(initiative).filter(kind="photo"),
            "grants": grants,
            "stories": stories,
            "activities": initiative.activities.filter(status="published"),
            "may_change": can(request.user, "initiatives.change_initiative", initiative),
            "may_join": request.user.is_authenticated
            and initiative.owner_id != request.user.pk
            and not initiative.members.filter(pk=request.user.pk).exists(),
            "breadcrumbs": _crumbs((initiative.title, None)),
        },
    )


@login_required
def initiative_new(request):
    municipality = get_object_or_404(
        Municipality, statcode=request.GET.get("gemeente") or request.POST.get("gemeente", "")
    )
    form = forms.InitiativeForm(
        request.POST or None, request.FILES or None, municipality=municipality, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        fields = ("title", "what", "for_whom", "districts", "goals", "activities")
        data = {k: form.cleaned_data[k] for k in fields if k in form.cleaned_data}
        photos = []
        if form.cleaned_data.get("photo"):
            photos.append(
                store_upload(
                    form.cleaned_data["photo"],
                    owner=request.user,
                    purpose="initiative",
                    alt_text=form.cleaned_data["alt_text"],
                )
            )
        initiative = services.save_initiative(request.user, {"municipality": municipality, **data}, photos=photos)
        messages.success(request, _("Your initiative is on the site. You stay its owner."))
        return redirect(initiative)
    return render(
        request,
        "initiatives/initiative_form.html",
        {"form": form, "municipality": municipality, "breadcrumbs": _crumbs((_("New initiative"), None))},
    )


@login_required
@require_POST
def initiative_join(request, pk: int):
    initiative = get_object_or_404(selectors.initiatives_visible_to(request.user), pk=pk)
    services.join_initiative(initiative, request.user)
    messages.success(request, _("You joined this initiative."))
    return redirect(initiative)


def fund_detail(request, pk: int):
    fund = get_object_or_404(selectors.funds_visible_to(request.user), pk=pk)
    year = _year_of(fund)
    return render(
        request,
        "initiatives/fund.html",
        {
            "fund": fund,
            "year": year,
            "budgets": selectors.budgets_of(fund, year),
            "totals": selectors.budget_totals(fund, year),
            "principles": selectors.principles_of(fund),
            "rounds": fund.rounds.all(),
            "tiers": [
                (_("Up to € %(n)s") % {"n": fund.story_up_to}, Tier.STORY.label),
                (_("Up to € %(n)s") % {"n": fund.report_up_to}, Tier.REPORT.label),
                (_("More than € %(n)s") % {"n": fund.report_up_to}, Tier.FINANCIAL.label),
            ],
            "allocation": selectors.current_allocation(fund),
            "may_manage": can(request.user, "initiatives.manage_fund", fund),
            "breadcrumbs": _crumbs((fund.name, None)),
        },
    )


def _year_of(fund: Fund) -> int:
    from django.utils import timezone

    latest = fund.budgets.order_by("-year").values_list("year", flat=True).first()
    return latest or timezone.localdate().year


# -- the application ---------------------------------------------------------------------------------------------


@login_required
def application_form(request, fund_pk: int | None = None, pk: int | None = None):
    """The one-page application: saved as a draft; the check and the principles come before sending."""
    application = None
    if pk is not None:
        application = get_object_or_404(selectors.applications_visible_to(request.user), pk=pk)
        _require(request, "initiatives.change_application", application)
        fund = application.fund
    else:
        fund = get_object_or_404(selectors.funds_visible_to(request.user), pk=fund_pk, is_active=True)
    initial = forms.ApplicationForm.initial_from(application) if application else None
    form = forms.ApplicationForm(request.POST or None, initial=initial, fund=fund)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.save_draft(request.user, fund, form.application_data(), application=application)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Your draft is saved. Look at the check below, then send it."))
            return redirect(application)
    return render(
        request,
        "initiatives/application_form.html",
        {
            "form": form,
            "fund": fund,
            "application": application,
            "principles": selectors.principles_of(fund),
            "breadcrumbs": _crumbs((fund.name, fund.get_absolute_url()), (_("Application"), None)),
        },
        # Sent with errors: the page again with each message at its field and the summary on top, as a 400.
        status=400 if form.errors else 200,
    )


def _application(request, pk: int) -> Application:
    return get_object_or_404(selectors.applications_visible_to(request.user), pk=pk)


@login_required
def application_detail(request, pk: int):
    return _application_page(request, _application(request, pk))


def _application_page(request, application: Application, *, bound=None, status: int = 200):
    """The application page with all its forms; `bound` is one of them sent with errors, shown again with them at its
    fields and in the summary at the top (status 400), as every form of the product does."""
    user = request.user
    is_applicant = application.applicant_id == user.pk
    reviewer = can(user, "initiatives.review_application", application)
    record_event(user, Action.VIEW, application, municipality=application.fund.municipality.statcode)
    declaration = application.declarations.filter(member=user).first()
    questions = list(application.questions.all())
    accountability = Accountability.objects.filter(application=application).first()
    members = User.objects.filter(Q(pk__in=application.fund.members.filter(is_active=True).values("user"))).exclude(
        pk=application.applicant_id
    )

    def form(form_class, prefix: str, **kwargs):
        return bound if bound is not None and bound.prefix == prefix else form_class(prefix=prefix, **kwargs)

    context = {
        "application": application,
        "is_applicant": is_applicant,
        "reviewer": reviewer,
        "check": selectors.check(application),
        "principles": selectors.principles_of(application.fund),
        "questions": [(q, uploads_of(q), form(forms.AnswerForm, f"a{q.pk}")) for q in questions],
        "open_questions": [q for q in questions if q.answered_at is None],
        "steps": [s for s in allowed_steps(application, user) if s.target not in FORM_STEPS],
        "may_change": can(user, "initiatives.change_application", application),
        "may_decide": can(user, "initiatives.decide_application", application),
        "may_pay": can(user, "initiatives.record_payout", application),
        "declaration": declaration,
        "declarations": application.declarations.select_related("member") if reviewer else [],
        "notes": application.notes.select_related("author") if reviewer else [],
        "payouts": application.payouts.all(),
        "paid": selectors.paid(application),
        "accountability": accountability,
        "accountability_files": [*uploads_of(accountability), *selectors.statements_of(application)]
        if accountability
        else [],
        "declaration_form": form(forms.DeclarationForm, "d"),
        "question_form": form(forms.QuestionForm, "q"),
        "note_form": form(forms.NoteForm, "n"),
        "assign_form": form(forms.AssignForm, "s", members=members),
        "decision_form": form(forms.DecisionForm, "b"),
        "payout_form": form(forms.PayoutForm, "p"),
        "accountability_form": form(forms.AccountabilityForm, "v", tier=accountability.tier)
        if accountability
        else None,
        "sent_with_errors": bound,
        "letter": application.status == ApplicationStatus.PUBLISHED or (reviewer and application.decision),
        "breadcrumbs": _crumbs((application.fund.name, application.fund.get_absolute_url()), (application.title, None)),
    }
    return render(request, "initiatives/application.html", context, status=status)


def _post_form(request, pk: int, form_class, prefix: str, handle, done: str, **form_kwargs):
    """Read one of the application page's forms and run its service. Errors, of the form or of the service, show
    the page again with that form as it was sent: each message at its field, and a summary at the top."""
    application = _application(request, pk)
    form = form_class(request.POST, request.FILES or None, prefix=prefix, **form_kwargs)
    if form.is_valid():
        try:
            handle(application, form.cleaned_data)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, done)
            return redirect(application)
    return _application_page(request, application, bound=form, status=400)


@login_required
@require_POST
def declare(request, pk: int):
    return _post_form(
        request, pk, forms.DeclarationForm, "d",
        lambda a, d: services.declare(a, request.user, d["has_conflict"], d["explanation"]),
        _("Your declaration is saved."),
    )  # fmt: skip


@login_required
@require_POST
def assign(request, pk: int):
    application = _application(request, pk)
    members = User.objects.filter(pk__in=application.fund.members.filter(is_active=True).values("user"))
    return _post_form(
        request, pk, forms.AssignForm, "s", lambda a, d: services.assign(a, d["member"], request.user),
        _("The application is assigned."), members=members,
    )  # fmt: skip


@login_required
@require_POST
def note(request, pk: int):
    return _post_form(
        request, pk, forms.NoteForm, "n", lambda a, d: services.add_note(a, request.user, d["text"]), _("Note saved.")
    )


@login_required
@require_POST
def ask(request, pk: int):
    return _post_form(
        request, pk, forms.QuestionForm, "q",
        lambda a, d: services.ask_question(a, request.user, d["about"], d["text"]),
        _("Your question is sent. The application waits for the applicant."),
    )  # fmt: skip


@login_required
@require_POST
def answer(request, pk: int, question_pk: int):
    def handle(application, data):
        question = get_object_or_404(Question, pk=question_pk, application=application)
        files = []
        if data.get("attachment"):
            files.append(
                store_upload(
                    data["attachment"], owner=request.user, purpose="initiative-answer", alt_text=data["alt_text"]
                )
            )
        services.answer_question(question, request.user, data["answer"], files)

    return _post_form(request, pk, forms.AnswerForm, f"a{question_pk}", handle, _("Your answer is sent. Thank you."))


@login_required
@require_POST
def decide(request, pk: int):
    return _post_form(
        request, pk, forms.DecisionForm, "b",
        lambda a, d: services.decide(a, request.user, d["decision"], d["granted"], d["reason"]),
        _("The decision is saved. Send it to the applicant when you are ready."),
    )  # fmt: skip


@login_required
@require_POST
def payout(request, pk: int):
    return _post_form(
        request, pk, forms.PayoutForm, "p",
        lambda a, d: services.record_payout(a, request.user, d["amount"], d["paid_on"], d["reference"]),
        _("The payout is recorded."),
    )  # fmt: skip


@login_required
@require_POST
def account(request, pk: int):
    application = _application(request, pk)
    accountability = get_object_or_404(Accountability, application=application)

    def handle(application, data):
        photos = []
        if data.get("photo"):
            photos.append(
                store_upload(data["photo"], owner=request.user, purpose="initiative-story", alt_text=data["alt_text"])
            )
        statement = None
        if data.get("statement"):
            statement = store_upload(data["statement"], owner=request.user, purpose=selectors.STATEMENT)
        services.submit_accountability(
            accountability, request.user, story=data["story"], activity_report=data.get("activity_report", ""),
            public=data["public"], photos=photos, statement=statement,
        )  # fmt: skip

    return _post_form(
        request, pk, forms.AccountabilityForm, "v", handle, _("Thank you for your story."), tier=accountability.tier
    )


@login_required
def letter(request, pk: int):
    application = _application(request, pk)
    reviewer = can(request.user, "initiatives.review_application", application)
    if not (application.status == ApplicationStatus.PUBLISHED or (reviewer and application.decision)):
        raise Http404
    record_event(request.user, Action.EXPORT, application, letter=True)
    response = HttpResponse(pdf.decision_letter(application), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="besluit-{application.pk}.pdf"'
    return response


@login_required
def mine(request):
    applications = selectors.applications_visible_to(request.user)
    return render(
        request,
        "initiatives/mine.html",
        {
            "own": applications.filter(applicant=request.user),
            "table": applications.exclude(applicant=request.user).exclude(status=ApplicationStatus.DRAFT),
            "breadcrumbs": _crumbs((_("Your applications"), None)),
        },
    )


# -- the allocation -----------------------------------------------------------------------------------------------


def allocation(request, pk: int):
    """The published division and its formula; a what-if from the GET form, beside the current amounts."""
    fund = get_object_or_404(selectors.funds_visible_to(request.user), pk=pk)
    current = selectors.current_allocation(fund)
    indicators = selectors.offered_indicators(fund.municipality)
    may_manage = can(request.user, "initiatives.manage_fund", fund)
    if request.method == "POST" and not may_manage:
        raise PermissionDenied
    initial = {
        "year": _year_of(fund),
        "total": current.total if current else 0,
        "base_share": current.base_share if current else 0,
    }
    if current:
        initial.update({f"w_{t['indicator']}": t["weight"] for t in current.terms})
    data = request.POST if request.method == "POST" else (request.GET if "total" in request.GET else None)
    form = forms.AllocationForm(data, initial=initial, indicators=indicators, municipality=fund.municipality)
    what_if = None
    if data is not None and form.is_valid():
        terms = form.terms()
        if request.method == "POST":
            try:
                services.save_allocation(
                    fund, request.user, year=form.cleaned_data["year"], total=form.cleaned_data["total"],
                    base_share=form.cleaned_data["base_share"], terms=terms,
                )  # fmt: skip
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _("The new division is saved as a new version."))
                return redirect("initiatives:allocation", pk=fund.pk)
        else:
            try:
                what_if = selectors.compute_division(
                    fund, form.cleaned_data["total"], form.cleaned_data["base_share"], terms
                )
            except Exception as error:  # AllocationError: a Dutch message for the form
                form.add_error("base_share", str(error))
    current_amounts = {row["code"]: row["amount"] for row in current.rows} if current else {}
    return render(
        request,
        "initiatives/allocation.html",
        {
            "fund": fund,
            "current": current,
            "form": form,
            "what_if": what_if,
            "what_if_rows": [(row, current_amounts.get(row.code)) for row in what_if.rows] if what_if else [],
            "may_manage": may_manage,
            "breadcrumbs": _crumbs((fund.name, fund.get_absolute_url()), (_("Division over the wijken"), None)),
        },
    )
