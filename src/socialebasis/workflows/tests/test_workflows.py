"""Every declared life cycle is sound, and `transition()` is the one careful way a status changes."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from socialebasis.audit.models import AuditEvent
from socialebasis.core import permissions
from socialebasis.profiles.models import AgendaItem, AgendaStatus
from socialebasis.workflows import services
from socialebasis.workflows.registry import BY_THE_PLATFORM, workflows


@pytest.mark.parametrize("workflow", workflows(), ids=lambda w: w.key)
def test_every_workflow_reaches_every_state_and_every_step_has_a_registered_rule(workflow):
    field = workflow.model_class._meta.get_field(workflow.field)
    states = set(workflow.states.values)
    assert {value for value, _label in field.choices} == states, "the table and the model know other states"
    assert field.default == workflow.initial
    reached, frontier = {workflow.initial}, [workflow.initial]
    while frontier:
        for step in workflow.steps_from(frontier.pop()):
            if step.target not in reached:
                reached.add(step.target)
                frontier.append(step.target)
    assert reached == states, f"unreachable: {sorted(states - reached)}"
    for state in states - workflow.final:
        assert workflow.steps_from(state), f"{state} has no way out and is not declared final"
    for step in workflow.transitions:
        assert step.target in states and set(step.sources) <= states
        assert step.target not in step.sources, "a step that changes nothing"
        assert step.label, "every step has a label for its button"
        assert step.rule == BY_THE_PLATFORM or permissions.is_registered(step.rule), f"no rule {step.rule}"


@pytest.fixture
def item(seed_areas):
    from socialebasis.areas.models import District

    return AgendaItem.objects.create(
        district=District.objects.get(statcode="WK079701", year=2023),
        title="Ontmoeten",
        evidence="Eenzaamheid",
        owner_kind="residents",
        owner_name="Buurtcomité",
        municipal_role="stimuleren",
    )


@pytest.fixture
def professional(item, user_factory):
    return user_factory(professional=True, municipalities=[item.district.municipality])


@pytest.mark.django_db
def test_a_step_in_the_table_by_someone_the_rule_allows_moves_and_is_audited(item, professional):
    services.transition(item, AgendaStatus.AGREED, actor=professional)
    item.refresh_from_db()
    assert item.status == AgendaStatus.AGREED
    line = AuditEvent.objects.get(object_type="profiles.agendaitem", object_id=str(item.pk))
    assert (line.actor, line.municipality) == (professional, "GM0797")
    assert (line.details["source"], line.details["target"]) == ("proposed", "agreed")


@pytest.mark.django_db
def test_a_step_that_is_not_in_the_table_is_refused(item, professional):
    with pytest.raises(services.TransitionNotAllowed):
        services.transition(item, AgendaStatus.DONE, actor=professional)
    item.refresh_from_db()
    assert item.status == AgendaStatus.PROPOSED
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_someone_the_rule_does_not_allow_is_refused_and_sees_no_buttons(item, user_factory):
    from socialebasis.areas.models import Municipality

    elsewhere = user_factory(professional=True, municipalities=[Municipality.objects.get(statcode="GM1961")])
    assert services.allowed_steps(item, elsewhere) == []
    with pytest.raises(services.TransitionNotAllowed):
        services.transition(item, AgendaStatus.AGREED, actor=elsewhere)
    with pytest.raises(services.TransitionNotAllowed):
        services.transition(item, AgendaStatus.AGREED, actor=None)  # not a step the platform takes by itself


@pytest.mark.django_db
def test_a_step_that_needs_a_note_says_so(item, professional):
    with pytest.raises(ValidationError):
        services.transition(item, AgendaStatus.STOPPED, actor=professional, note="  ")
    services.transition(item, AgendaStatus.STOPPED, actor=professional, note="Geen vrijwilligers gevonden.")
    item.refresh_from_db()
    assert item.status == AgendaStatus.STOPPED
    assert [s.target for s in services.allowed_steps(item, professional)] == [AgendaStatus.IN_PROGRESS]


@pytest.mark.django_db
def test_the_page_step_answers_404_to_who_may_not_act(client, item, user_factory, verified, professional):
    outsider = user_factory()
    client.force_login(outsider)
    assert client.post(f"/stap/profiles.agenda_item/{item.pk}/", {"to": "agreed"}).status_code == 404
    assert client.post("/stap/no.such_workflow/1/", {"to": "agreed"}).status_code == 404
    verified(client, professional)
    response = client.post(f"/stap/profiles.agenda_item/{item.pk}/", {"to": "agreed", "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url.endswith("#agenda")
    item.refresh_from_db()
    assert item.status == AgendaStatus.AGREED


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_same_step_at_once_move_it_once(item, professional):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks (select_for_update) need PostgreSQL; SQLite locks the whole database.")
    from django.db import connections, transaction

    results, ready = [], threading.Barrier(2)

    def take_step():
        try:
            ready.wait()
            with transaction.atomic():
                services.transition(AgendaItem.objects.get(pk=item.pk), AgendaStatus.AGREED, actor=professional)
            results.append("moved")
        except services.TransitionNotAllowed:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take_step) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["moved", "refused"]
    assert AuditEvent.objects.filter(object_type="profiles.agendaitem").count() == 1
