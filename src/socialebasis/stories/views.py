from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from socialebasis.areas.models import District, Municipality
from socialebasis.core.numbers import parse_int
from socialebasis.core.permissions import can
from socialebasis.frameworks.selectors import municipalities_with_framework, names_in_force
from socialebasis.profiles import services as profile_services
from socialebasis.profiles.models import ReportStatus
from socialebasis.uploads.selectors import uploads_of

from . import report, selectors, services
from .forms import (
    CompleteRoundForm,
    MemberForm,
    PanelForm,
    RedactForm,
    RoundForm,
    SelectionForm,
    StoryForm,
    VisibilityForm,
)
from .models import Feeling, Panel, Round, Story, StoryStatus

PAGE_SIZE = 20
REFRESH_SECONDS = 2


def _crumbs(*items):
    return [(_("Stories"), reverse("stories:list")), *items]


def story_list(request):
    """Every story this reader may read (the teller's choice decides), with a plain search."""
    text = (request.GET.get("q") or "").strip()[:100]
    code = (request.GET.get("gemeente") or "").strip()[:6]
    municipality = Municipality.objects.filter(statcode=code).first() if code else None
    stories = selectors.search(request.user, text=text, municipality=municipality)
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "stories/list.html",
        {
            "page": page,
            "q": text,
            "municipality": municipality,
            "municipalities": municipalities_with_framework(),
            "breadcrumbs": [(_("Stories"), None)],
        },
    )


@login_required
def mine(request):
    return render(
        request,
        "stories/mine.html",
        {"stories": selectors.own_stories(request.user), "breadcrumbs": _crumbs((_("Your stories"), None))},
    )


@login_required
def tell(request):
    code = (request.GET.get("gemeente") or request.POST.get("gemeente") or "").strip()[:6]
    municipality = municipalities_with_framework().filter(statcode=code).first() if code else None
    if municipality is None and request.user.home_municipality_id:
        municipality = municipalities_with_framework().filter(pk=request.user.home_municipality_id).first()
    on_behalf = request.GET.get("namens") == "1" or request.POST.get("namens") == "1"
    if municipality is None:
        return render(
            request,
            "stories/choose_municipality.html",
            {
                "municipalities": municipalities_with_framework(),
                "on_behalf": on_behalf,
                "breadcrumbs": _crumbs((_("Tell a story"), None)),
            },
        )
    if on_behalf and not can(request.user, "stories.enter_story_for_someone", municipality):
        raise PermissionDenied
    questions = selectors.questions_of(municipality)
    form = StoryForm(
        request.POST or None,
        request.FILES or None,
        municipality=municipality,
        questions=questions,
        on_behalf=on_behalf,
        initial={"district": request.user.home_district_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            story = services.tell_story(
                form.cleaned_data,
                teller=None if on_behalf else request.user,
                municipality=municipality,
                entered_by=request.user if on_behalf else None,
            )
        except ValidationError as invalid:
            for field, errors in invalid.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Thank you. A professional reads your story before anyone else can."))
            return redirect(story)
    return render(
        request,
        "stories/tell.html",
        {
            "form": form,
            "municipality": municipality,
            "on_behalf": on_behalf,
            "breadcrumbs": _crumbs((_("Tell a story"), None)),
        },
    )


def _story_or_404(request, pk: int) -> Story:
    story = get_object_or_404(Story.objects.select_related("municipality", "district", "teller"), pk=pk)
    if not can(request.user, "stories.view_story", story):
        raise Http404
    return story


def detail(request, pk: int):
    story = _story_or_404(request, pk)
    names = names_in_force(story.municipality)
    is_teller = request.user.is_authenticated and story.teller_id == request.user.pk
    moderates = can(request.user, "stories.moderate_story", story)
    services.record_reading(request.user, story)
    questions = {str(q.pk): q.text for q in selectors.questions_of(story.municipality)}
    return render(
        request,
        "stories/detail.html",
        {
            "story": story,
            "goal_names": [names["goals"].get(key, "") for key in story.goals if key in names["goals"]],
            "sphere_name": names["spheres"].get(story.sphere, ""),
            "answers": [(questions.get(key, ""), text) for key, text in story.answers.items() if key in questions],
            "photos": uploads_of(story),
            "is_teller": is_teller,
            "moderates": moderates,
            "visibility_form": VisibilityForm(initial={"visibility": story.visibility}) if is_teller else None,
            "redact_form": RedactForm(initial={"title": story.title, "text": story.text}) if moderates else None,
            "can_withdraw": can(request.user, "stories.withdraw_story", story),
            "breadcrumbs": _crumbs((story.title, None)),
        },
    )


@require_POST
@login_required
def change_visibility(request, pk: int):
    story = _story_or_404(request, pk)
    form = VisibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose who may read your story."))
        return redirect(story)
    services.change_visibility(story, form.cleaned_data["visibility"], actor=request.user)
    messages.success(request, _("Saved: who may read your story."))
    return redirect(story)


@require_POST
@login_required
def withdraw(request, pk: int):
    story = _story_or_404(request, pk)
    if not can(request.user, "stories.withdraw_story", story):
        raise PermissionDenied
    services.withdraw_story(story, actor=request.user)
    messages.success(request, _("Your story is withdrawn. Nobody can read it any more, and it is in no report."))
    return redirect("stories:mine")


@require_POST
@login_required
def redact(request, pk: int):
    story = _story_or_404(request, pk)
    form = RedactForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a title and the story."))
        return redirect(story)
    services.redact_story(story, title=form.cleaned_data["title"], text=form.cleaned_data["text"], actor=request.user)
    messages.success(request, _("The story is changed."))
    return redirect(story)


@login_required
def moderation(request):
    stories = selectors.to_moderate(request.user)
    return render(
        request, "stories/moderation.html", {"stories": stories, "breadcrumbs": _crumbs((_("Stories to read"), None))}
    )


# Most Significant Change rounds ---------------------------------------------------------------------------------


def round_list(request):
    rounds = selectors.rounds_for(request.user)
    code = (request.GET.get("gemeente") or "").strip()[:6]
    municipality = Municipality.objects.filter(statcode=code).first() if code else None
    form = None
    if municipality is not None and can(request.user, "stories.manage_rounds", municipality):
        form = RoundForm(request.POST or None, municipality=municipality)
        if request.method == "POST" and form.is_valid():
            try:
                round_ = services.start_round(actor=request.user, **form.cleaned_data)
            except ValidationError as invalid:
                form.add_error(None, invalid)
            else:
                messages.success(request, _("The round has started."))
                return redirect(round_)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "stories/rounds.html",
        {
            "rounds": rounds,
            "form": form,
            "municipality": municipality,
            "managed": [m for m in municipalities_with_framework() if can(request.user, "stories.manage_rounds", m)],
            "breadcrumbs": _crumbs((_("Story rounds"), None)),
        },
    )


def round_detail(request, pk: int):
    round_ = get_object_or_404(Round.objects.select_related("panel__municipality", "panel__district"), pk=pk)
    if not can(request.user, "stories.view_round", round_):
        raise Http404
    may_select = can(request.user, "stories.select_in_round", round_)
    may_complete = may_select and can(request.user, "stories.complete_round", round_)
    candidates = list(selectors.stories_for(request.user).filter(pk__in=selectors.candidates_of(round_).values("pk")))
    select_form = SelectionForm(stories=candidates, domains=round_.domains) if may_select else None
    complete_form = CompleteRoundForm() if may_complete else None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "select" and may_select:
                select_form = SelectionForm(request.POST, stories=candidates, domains=round_.domains)
                if select_form.is_valid():
                    services.select_story(round_, actor=request.user, story_id=select_form.cleaned_data["story"],
                                          domain=select_form.cleaned_data["domain"],
                                          reasons=select_form.cleaned_data["reasons"])  # fmt: skip
                    messages.success(request, _("The choice and its reasons are saved."))
                    return redirect(round_)
            elif action == "complete" and may_complete:
                complete_form = CompleteRoundForm(request.POST)
                if complete_form.is_valid():
                    services.complete_round(round_, feedback=complete_form.cleaned_data["feedback"], actor=request.user)
                    messages.success(request, _("The round is completed. Every teller hears what was chosen and why."))
                    return redirect(round_)
            else:
                raise PermissionDenied
        except ValidationError as invalid:
            target = select_form if action == "select" else complete_form
            for field, errors in getattr(invalid, "message_dict", {None: invalid.messages}).items():
                target.add_error(field if field in target.fields else None, errors)
    return render(
        request,
        "stories/round.html",
        {
            "round": round_,
            "candidates": candidates,
            "selections": selectors.selections_readable(request.user, round_),
            "domain_names": selectors.domain_names(round_),
            "select_form": select_form,
            "complete_form": complete_form,
            "breadcrumbs": _crumbs((_("Story rounds"), reverse("stories:rounds")), (round_.title, None)),
        },
    )


# Panels: set up by the municipality's staff who set up rounds (issue 14 point 3) -----------------------------------


def _add_errors(form, invalid: ValidationError) -> None:
    for field, errors in getattr(invalid, "message_dict", {None: invalid.messages}).items():
        form.add_error(field if field in form.fields else None, errors)


def _managed_municipalities(user) -> list[Municipality]:
    return [m for m in municipalities_with_framework() if can(user, "stories.manage_rounds", m)]


@login_required
def panel_list(request):
    """The panels of the municipalities this professional sets up rounds for, and a form for a new one."""
    managed = _managed_municipalities(request.user)
    if not managed:
        raise PermissionDenied
    code = (request.GET.get("gemeente") or "").strip()[:6]
    municipality = next((m for m in managed if m.statcode == code), None)
    if code and municipality is None:
        raise PermissionDenied
    if municipality is None and len(managed) == 1:
        municipality = managed[0]
    form = PanelForm(request.POST or None, municipality=municipality) if municipality else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                panel = services.create_panel(
                    municipality=municipality, name=form.cleaned_data["name"],
                    district=form.cleaned_data["district"], actor=request.user,
                )  # fmt: skip
            except ValidationError as invalid:
                _add_errors(form, invalid)
            else:
                messages.success(request, _("The panel is made. Now add its members."))
                return redirect("stories:panel", panel.pk)
    panels = Panel.objects.filter(municipality__in=[municipality] if municipality else managed)
    return render(
        request,
        "stories/panels.html",
        {
            "panels": panels.select_related("municipality", "district").prefetch_related("members"),
            "municipality": municipality,
            "managed": managed,
            "form": form,
            "breadcrumbs": _crumbs((_("Story rounds"), reverse("stories:rounds")), (_("Panels"), None)),
        },
    )


@login_required
def panel_detail(request, pk: int):
    """One panel: its members (added by their e-mail address, taken off with a button) and starting a round."""
    panel = get_object_or_404(Panel.objects.select_related("municipality", "district"), pk=pk)
    if not can(request.user, "stories.manage_rounds", panel.municipality):
        raise Http404  # a panel of another municipality is not even there
    member_form = MemberForm()
    round_form = RoundForm(municipality=panel.municipality, panel=panel)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "add":
                member_form = MemberForm(request.POST)
                if member_form.is_valid():
                    email = member_form.cleaned_data["email"]
                    person = services.add_panel_member(panel, email=email, actor=request.user)
                    messages.success(request, _("%(name)s is now on the panel.") % {"name": _member_name(person)})
                    return redirect("stories:panel", panel.pk)
            elif action == "remove":
                member_id = parse_int(request.POST.get("member"), 1, 2**63 - 1)
                if member_id is None:
                    raise ValidationError(_("This person is not on the panel."))
                services.remove_panel_member(panel, member_id=member_id, actor=request.user)
                messages.success(request, _("The member is taken off the panel."))
                return redirect("stories:panel", panel.pk)
            elif action == "round":
                round_form = RoundForm(request.POST, municipality=panel.municipality, panel=panel)
                if round_form.is_valid():
                    round_ = services.start_round(panel=panel, actor=request.user, **round_form.cleaned_data)
                    messages.success(request, _("The round has started."))
                    return redirect(round_)
            else:
                raise PermissionDenied
        except ValidationError as invalid:
            if action == "remove":
                messages.error(request, " ".join(invalid.messages))
                return redirect("stories:panel", panel.pk)
            _add_errors(member_form if action == "add" else round_form, invalid)
    return render(
        request,
        "stories/panel.html",
        {
            "panel": panel,
            "members": [(member, _member_name(member)) for member in panel.members.order_by("first_name", "email")],
            "member_form": member_form,
            "round_form": round_form,
            "rounds": panel.rounds.all(),
            "breadcrumbs": _crumbs(
                (_("Story rounds"), reverse("stories:rounds")),
                (_("Panels"), reverse("stories:panels") + f"?gemeente={panel.municipality.statcode}"),
                (panel.name, None),
            ),
        },
    )


def _member_name(person) -> str:
    return person.get_full_name() or person.email


# The yearly report "tellen en vertellen" -------------------------------------------------------------------------


def _area(statcode: str, district_code: str | None):
    municipality = get_object_or_404(Municipality, statcode=statcode)
    if district_code is None:
        return municipality, municipality
    district = District.objects.filter(statcode=district_code, municipality=municipality).order_by("-year").first()
    if district is None:
        raise Http404
    return municipality, district


def _report_context(request, statcode: str, district_code: str | None) -> dict:
    municipality, area = _area(statcode, district_code)
    year = parse_int(request.GET.get("jaar"), 2000, 2999) or selectors.this_year()
    return {
        "municipality": municipality,
        "area": area,
        "is_district": area is not municipality,
        "year": year,
        "parts": report.build(area, year, request.user),
        "feelings": Feeling.choices,
    }


def yearly_report(request, statcode: str, district_code: str | None = None):
    return render(request, "stories/report.html", _report_context(request, statcode, district_code))


def yearly_report_pdf(request, statcode: str, district_code: str | None = None):
    """The same HTML as PDF on the worker (profiles' ReportPdf, keyed by the HTML's hash, so a reader only ever
    gets the PDF of the report they may read). Ready at once without a worker."""
    context = _report_context(request, statcode, district_code)
    html = render(request, "stories/report.html", {**context, "for_pdf": True}).content.decode()
    area = context["area"]
    code = area.statcode
    pdf = profile_services.request_report_pdf(
        code=code, division_year=getattr(area, "year", context["year"]), html=html,
        base_url=request.build_absolute_uri("/"),
    )  # fmt: skip
    if pdf.status == ReportStatus.READY:
        response = HttpResponse(bytes(pdf.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="tellen-en-vertellen-{code}-{context["year"]}.pdf"'
        return response
    pending = pdf.status == ReportStatus.PENDING
    response = render(
        request,
        "stories/report_pdf_pending.html",
        {**context, "pending": pending, "again_url": request.get_full_path(), "refresh_seconds": REFRESH_SECONDS},
        status=202 if pending else 200,
    )
    if pending:
        response["Retry-After"] = str(REFRESH_SECONDS)
    return response


def story_status_label(status: str) -> str:
    return str(dict(StoryStatus.choices).get(status, ""))
