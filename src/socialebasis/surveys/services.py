"""Writes of surveys: a survey from a document (surveys are data), a response (online, paper or assisted), the
age-friendly project through its seven steps, and a result that becomes an action on the wijk's sociale agenda."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from socialebasis.audit.models import Action as AuditAction
from socialebasis.audit.services import record_event
from socialebasis.core.dates import in_window
from socialebasis.profiles.forms import AgendaItemForm
from socialebasis.profiles.services import save_agenda_item

from . import age_friendly, results
from .models import Action, Answer, Entry, Project, Question, QuestionKind, Response, Survey

MAX_TEXT = 2000


class SurveyError(ValueError):
    """Input that cannot be used. `errors` are Dutch."""

    def __init__(self, errors):
        self.errors = [errors] if isinstance(errors, str) else list(errors)
        super().__init__("; ".join(self.errors))


def _check_document(document: dict) -> list[str]:
    errors = []
    if not str(document.get("title", "")).strip():
        errors.append("De peiling heeft geen titel.")
    opens, closes = document.get("opens_on"), document.get("closes_on")
    if not isinstance(opens, date) or not isinstance(closes, date) or not (in_window(opens) and in_window(closes)):
        errors.append("Geef een begin- en einddatum.")
    elif closes < opens:
        errors.append("De einddatum ligt voor de begindatum.")
    keys = set()
    for number, question in enumerate(document.get("questions", []), start=1):
        key, kind = question.get("key", ""), question.get("kind")
        if not key or key in keys:
            errors.append(f"Vraag {number}: geef een eigen sleutel.")
        if kind not in QuestionKind.values:
            errors.append(f"Vraag {number}: onbekend soort vraag.")
        if kind != QuestionKind.OPEN and len(question.get("options", [])) < 2:
            errors.append(f"Vraag {number}: geef ten minste twee antwoorden.")
        condition = question.get("show_if")
        if condition and condition.get("question") not in keys:
            errors.append(f"Vraag {number}: de voorwaarde verwijst niet naar een eerdere vraag.")
        keys.add(key)
    if not keys:
        errors.append("De peiling heeft geen vragen.")
    return errors


def create_survey(municipality, document: dict, *, district=None, actor=None, project=None, is_demo=False) -> Survey:
    errors = _check_document(document)
    if district is not None and district.municipality_id != municipality.pk:
        errors.append("Deze wijk hoort niet bij de gemeente.")
    if errors:
        raise SurveyError(errors)
    with transaction.atomic():
        survey = Survey.objects.create(
            municipality=municipality,
            district=district,
            title=document["title"],
            introduction=document.get("introduction", ""),
            anonymous=document.get("anonymous", True),
            opens_on=document["opens_on"],
            closes_on=document["closes_on"],
            project=project,
            is_demo=is_demo,
        )
        for position, question in enumerate(document["questions"], start=1):
            condition = question.get("show_if") or {}
            Question.objects.create(
                survey=survey,
                position=position,
                key=question["key"],
                text=question["text"],
                kind=question["kind"],
                options=question.get("options", []),
                domain=question.get("domain", ""),
                required=question.get("required", False),
                show_if_question=condition.get("question", ""),
                show_if_answer=condition.get("answer", ""),
            )
        record_event(actor, AuditAction.CREATE, survey, municipality=municipality.statcode)
    return survey


def asked(question: Question, given: dict) -> bool:
    """Is this question asked, given the answers so far (its skip condition)?"""
    if not question.show_if_question:
        return True
    return question.show_if_answer in given.get(question.show_if_question, [])


def submit_response(
    survey: Survey, given: dict, *, district=None, respondent=None, entry=Entry.ONLINE, entered_by=None, is_demo=False
) -> Response:
    """`given`: {question key: [choice keys]} or {key: "text"} for open questions. Answers to skipped questions
    are dropped; everything is checked before anything is written."""
    questions = list(survey.questions.order_by("position"))
    normal = {k: (v if isinstance(v, list) else [v]) for k, v in given.items() if v not in ("", None, [])}
    errors, rows = [], []
    for question in questions:
        if not asked(question, normal):
            continue
        value = normal.get(question.key)
        if value is None:
            if question.required:
                errors.append(f"{question.text}: geef een antwoord.")
            continue
        if question.kind == QuestionKind.OPEN:
            text = str(value[0]).strip()[:MAX_TEXT]
            rows.append(Answer(question=question, text=text))
            continue
        keys = {o["key"] for o in question.options}
        if not set(value) <= keys or (question.kind != QuestionKind.MULTIPLE and len(value) != 1):
            errors.append(f"{question.text}: kies een van de antwoorden.")
            continue
        rows.append(Answer(question=question, choices=list(value)))
    if entry == Entry.ONLINE and entered_by is not None:
        errors.append("Online antwoorden worden niet door een ander ingevoerd.")
    if entry != Entry.ONLINE and entered_by is None:
        errors.append("Geef aan wie het formulier invoert.")
    if not survey.anonymous and entry == Entry.ONLINE and respondent is None:
        errors.append("Log in om deze peiling in te vullen.")
    if results.are_published(survey):
        # Its results are published now and must not change (ADR 0042), so no answer comes in after, on paper too.
        errors.append(_("This survey has closed; no answers can be added."))
    if not survey.anonymous and respondent is not None and survey.responses.filter(respondent=respondent).exists():
        errors.append("Je hebt deze peiling al ingevuld.")
    if errors:
        raise SurveyError(errors)
    with transaction.atomic():
        response = Response.objects.create(
            survey=survey,
            district=district,
            respondent=None if survey.anonymous else respondent,
            entry=entry,
            entered_by=entered_by,
            is_demo=is_demo,
        )
        for row in rows:
            row.response = response
        Answer.objects.bulk_create(rows)
        if entered_by is not None:
            record_event(entered_by, AuditAction.CREATE, response, municipality=survey.municipality.statcode)
    return response


def close_survey(survey: Survey, *, actor=None) -> Survey:
    """Close an open survey early: yesterday becomes its last day, so no answer comes in from now on and its
    results are published (ADR 0042). A survey that opened today closes from tomorrow on: its answers of today
    must lie within its dates."""
    today = timezone.localdate()
    if results.are_published(survey, today):
        raise SurveyError(_("This survey has already closed."))
    if today <= survey.opens_on:
        raise SurveyError(_("A survey can be closed from the day after its first day."))
    survey.closes_on = today - timedelta(days=1)
    survey.save(update_fields=["closes_on"])
    if actor is not None:
        record_event(actor, AuditAction.UPDATE, survey, municipality=survey.municipality.statcode)
    return survey


# The age-friendly project (seed 004) ----------------------------------------------------------------------------


def age_friendly_document(title: str, opens_on: date, closes_on: date) -> dict:
    questions = [
        {"key": key, "text": text, "kind": QuestionKind.SCALE, "options": age_friendly.SCALE, "domain": domain}
        for domain, key, text in age_friendly.ITEMS
    ]
    questions += [
        {
            "key": "walking_aid",
            "text": "Gebruikt u een rollator, scootmobiel of rolstoel?",
            "kind": QuestionKind.SINGLE,
            "options": [{"key": "yes", "label": "Ja"}, {"key": "no", "label": "Nee"}],
        },
        {
            "key": "walking_aid_hard",
            "text": "Waar in de buurt is dat lastig?",
            "kind": QuestionKind.OPEN,
            "show_if": {"question": "walking_aid", "answer": "yes"},
            "domain": "outdoor",
        },
        {
            "key": "wish",
            "text": "Wat zou u in uw buurt het eerst willen veranderen?",
            "kind": QuestionKind.MULTIPLE,
            "options": [{"key": key, "label": label} for key, label in age_friendly.DOMAINS],
        },
    ]
    return {
        "title": title,
        "introduction": "Hoe ouderenvriendelijk is uw buurt? Uw antwoorden helpen om samen te kiezen wat beter kan.",
        "anonymous": True,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "questions": questions,
    }


def start_project(district, title: str, *, actor=None, is_demo=False) -> Project:
    if not title.strip():
        raise SurveyError("Geef het project een naam.")
    with transaction.atomic():
        project = Project.objects.create(district=district, title=title.strip(), is_demo=is_demo)
        record_event(actor, AuditAction.CREATE, project, municipality=district.municipality.statcode)
    return project


PROJECT_FIELDS = {1: ("working_group", "question"), 2: ("analysis",), 4: ("conversations",), 7: ("progress",)}


def update_project(project: Project, step: int, values: dict, *, actor=None) -> Project:
    fields = PROJECT_FIELDS.get(step, ())
    with transaction.atomic():
        for name in fields:
            setattr(project, name, str(values.get(name, ""))[: MAX_TEXT * 5])
        project.step = max(project.step, step)
        project.save()
        record_event(actor, AuditAction.UPDATE, project, municipality=project.district.municipality.statcode, step=step)
    return project


def make_questionnaire(project: Project, opens_on: date, closes_on: date, *, actor=None, is_demo=False) -> Survey:
    document = age_friendly_document(project.title, opens_on, closes_on)
    with transaction.atomic():
        survey = create_survey(
            project.district.municipality, document, district=project.district, actor=actor, project=project,
            is_demo=is_demo,
        )  # fmt: skip
        project.step = max(project.step, 3)
        project.save(update_fields=["step"])
    return survey


def add_action(survey: Survey, data: dict, *, question=None, domain: str = "", actor=None) -> Action:
    """Put a result on the sociale agenda of the survey's wijk (through the profiles' own form and service), with
    the link back to the survey and question it came from."""
    district = survey.district
    if district is None:
        raise SurveyError("Een actie hoort bij een wijk: deze peiling gaat over de hele gemeente.")
    said = str(data.get("what_residents_said", "")).strip()
    form = AgendaItemForm(
        data={
            "title": data.get("title", ""),
            "evidence": f"Peiling “{survey.title}”: {said}",
            "actions": data.get("actions", ""),
            "owner_kind": data.get("owner_kind", ""),
            "owner_name": data.get("owner_name", ""),
            "municipal_role": data.get("municipal_role", ""),
        }
    )
    errors = [] if said else ["Schrijf op wat inwoners zeiden."]
    if not form.is_valid():
        errors += [f"{form.fields[name].label}: {' '.join(messages)}" for name, messages in form.errors.items()]
    if errors:
        raise SurveyError(errors)
    with transaction.atomic():
        item = save_agenda_item(form, actor, district)
        action = Action.objects.create(
            survey=survey, question=question, domain=domain or (question.domain if question else ""),
            what_residents_said=said, agenda_item=item,
        )  # fmt: skip
        if survey.project_id:
            Project.objects.filter(pk=survey.project_id, step__lt=6).update(step=6)
    return action
