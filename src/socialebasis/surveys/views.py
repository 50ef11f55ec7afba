"""Pages of surveys: answer (online; paper or assisted entry by staff), results with suppression and their CSV,
"jullie zeiden, wij deden", and the seven steps of the age-friendly project (seed 004)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from socialebasis.areas.models import District
from socialebasis.core.permissions import can

from . import age_friendly, results, selectors, services
from .forms import ActionForm, AnswerForm, PaperEntryForm, ProjectStepForm, StartProjectForm
from .models import Entry, Project, Survey


def _survey_or_404(request, pk: int) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("municipality", "district"), pk=pk)
    if not can(request.user, "surveys.view_survey", survey):
        raise Http404
    return survey


def survey_list(request):
    return render(request, "surveys/list.html", {"surveys": selectors.surveys_for(request.user)})


def _is_open(survey: Survey) -> bool:
    return survey.opens_on <= timezone.localdate() <= survey.closes_on


def survey(request, pk: int):
    survey = _survey_or_404(request, pk)
    form = AnswerForm(survey, request.POST or None)
    errors = []
    if request.method == "POST":
        if not _is_open(survey):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.submit_response(
                    survey, form.given(), district=form.district or survey.district,
                    respondent=request.user if request.user.is_authenticated else None,
                )  # fmt: skip
            except services.SurveyError as error:
                errors = error.errors
            else:
                return render(request, "surveys/thanks.html", {"survey": survey})
    return render(
        request,
        "surveys/survey.html",
        {"survey": survey, "form": form, "errors": errors, "is_open": _is_open(survey),
         "can_manage": can(request.user, "surveys.manage_survey", survey)},
    )  # fmt: skip


@login_required
def paper_entry(request, pk: int):
    survey = _survey_or_404(request, pk)
    if not can(request.user, "surveys.manage_survey", survey):
        raise PermissionDenied
    form = PaperEntryForm(survey, request.POST or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_response(
                survey, form.given(), district=form.district or survey.district, entry=form.cleaned_data["entry"],
                entered_by=request.user,
            )  # fmt: skip
        except services.SurveyError as error:
            errors = error.errors
        else:
            messages.success(request, _("The answers are saved. You can enter the next form."))
            return redirect("surveys:paper-entry", pk=survey.pk)
    return render(request, "surveys/paper_entry.html", {"survey": survey, "form": form, "errors": errors})


@login_required
def close_survey(request, pk: int):
    """Ask before closing: from then on no answer comes in and the results are published."""
    survey = _survey_or_404(request, pk)
    if not can(request.user, "surveys.manage_survey", survey):
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        try:
            services.close_survey(survey, actor=request.user)
        except services.SurveyError as error:
            errors = error.errors
        else:
            messages.success(request, _("The survey is closed. Its results are published."))
            return redirect("surveys:results", pk=survey.pk)
    return render(request, "surveys/close.html", {"survey": survey, "errors": errors, "is_open": _is_open(survey)})


def survey_results(request, pk: int):
    survey = _survey_or_404(request, pk)
    code = request.GET.get("wijk") or None
    found = results.question_results(survey, code)
    return render(
        request,
        "surveys/results.html",
        {"survey": survey, "results": found, "district_code": code, "districts": results.rows_of(survey),
         "published": results.are_published(survey),
         "responses": survey.responses.count() if can(request.user, "surveys.manage_survey", survey) else None,
         "entries": _entries(survey) if can(request.user, "surveys.manage_survey", survey) else None},
    )  # fmt: skip


def _entries(survey):
    from django.db.models import Count

    labels = dict(Entry.choices)
    return [
        (labels[row["entry"]], row["n"])
        for row in survey.responses.values("entry").annotate(n=Count("pk")).order_by("entry")
    ]


def survey_results_csv(request, pk: int):
    survey = _survey_or_404(request, pk)
    body = results.as_csv(results.question_results(survey, request.GET.get("wijk") or None))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="peiling-{survey.pk}-uitkomsten.csv"'
    return response


def said_and_did(request, pk: int):
    survey = _survey_or_404(request, pk)
    return render(request, "surveys/said_did.html", {"survey": survey, "actions": selectors.actions_of(survey)})


@login_required
def add_action(request, pk: int):
    survey = _survey_or_404(request, pk)
    if not can(request.user, "surveys.manage_survey", survey):
        raise PermissionDenied
    form = ActionForm(survey, request.POST or None, initial={"what_residents_said": request.GET.get("zeiden", "")})
    errors = []
    if request.method == "POST" and form.is_valid():
        question = survey.questions.filter(pk=form.cleaned_data["question"] or 0).first()
        try:
            services.add_action(survey, form.cleaned_data, question=question, actor=request.user)
        except services.SurveyError as error:
            errors = error.errors
        else:
            messages.success(request, _("The action is on the sociale agenda of the wijk."))
            return redirect("surveys:said-did", pk=survey.pk)
    return render(request, "surveys/action.html", {"survey": survey, "form": form, "errors": errors})


# The age-friendly project ----------------------------------------------------------------------------------------


@login_required
def start_project(request, statcode: str, district_code: str):
    district = get_object_or_404(
        District.objects.of_year(None), statcode=district_code, municipality__statcode=statcode
    )
    if not can(request.user, "surveys.manage_in", district.municipality):
        raise PermissionDenied
    form = StartProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = services.start_project(district, form.cleaned_data["title"], actor=request.user)
        return redirect("surveys:step", pk=project.pk, step=1)
    return render(request, "surveys/project_start.html", {"district": district, "form": form})


def project_step(request, pk: int, step: int):
    project = get_object_or_404(Project.objects.select_related("district__municipality"), pk=pk)
    if step not in age_friendly.STEP_LABELS or not can(request.user, "surveys.view_project", project):
        raise Http404
    manage = can(request.user, "surveys.manage_project", project)
    fields = services.PROJECT_FIELDS.get(step, ())
    form = ProjectStepForm(fields, project, request.POST or None) if fields and manage else None
    if request.method == "POST":
        if not manage:
            raise PermissionDenied
        if step == 3 and "make" in request.POST:
            today = timezone.localdate()
            services.make_questionnaire(project, today, today + timedelta(days=42), actor=request.user)
            return redirect("surveys:step", pk=project.pk, step=3)
        if form is not None and form.is_valid():
            services.update_project(project, step, form.cleaned_data, actor=request.user)
            messages.success(request, _("Saved."))
            return redirect("surveys:step", pk=project.pk, step=step)
    survey = project.surveys.order_by("-opens_on").first()
    context = {
        "project": project,
        "step": step,
        "step_label": age_friendly.STEP_LABELS[step],
        "steps": age_friendly.STEPS,
        "form": form,
        "manage": manage,
        "survey": survey,
        "domains": age_friendly.DOMAINS,
    }
    if step == 2:
        context["older_figures"] = _older_residents_figures(project.district)
    if step == 3 and survey is not None:
        context["questions_by_domain"] = [
            (label, [q for q in survey.questions.order_by("position") if q.domain == key])
            for key, label in age_friendly.DOMAINS
        ]
    if step == 5 and survey is not None:
        found = results.question_results(survey)
        context["results_by_domain"] = [
            (key, label, [r for r in found if r.question.domain == key]) for key, label in age_friendly.DOMAINS
        ]
    if step in (6, 7) and survey is not None:
        context["actions"] = selectors.actions_of(survey)
    return render(request, "surveys/project_step.html", context)


def _older_residents_figures(district) -> list:
    """The wijk's profile rows about older residents (groups or labels that name 65+ or ouderen)."""
    from socialebasis.profiles.selectors import build_profile

    profile = build_profile(district.statcode, district.year, with_series=False)
    if profile is None:
        return []
    return [
        row for row in profile.rows
        if "65" in (row.group or "") or "75" in (row.group or "") or "oud" in row.indicator.label.lower()
    ][:20]  # fmt: skip


def projects(request):
    return render(request, "surveys/projects.html", {"projects": selectors.projects_for(request.user)})
