"""Two decisions at the same moment on the last euros of a wijk's budget: one wins, the other gets a message."""

import threading

import pytest
from django.db import connection, connections

from socialebasis.initiatives import services
from socialebasis.initiatives.models import Application, Budget
from socialebasis.initiatives.vocabulary import ApplicationStatus as S
from socialebasis.workflows.services import transition


@pytest.mark.django_db(transaction=True)
def test_two_decisions_on_the_last_euros_one_wins(make_application, member):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks (select_for_update) need PostgreSQL; SQLite locks the whole database.")
    apps = [make_application(amount=2000), make_application(amount=2000)]  # the budget is € 3,000
    for app in apps:
        transition(app, S.SUBMITTED, actor=app.applicant)
        transition(app, S.IN_REVIEW, actor=member)
        services.declare(app, member, False)
    results, ready = [], threading.Barrier(2)

    def decide(pk):
        try:
            ready.wait()
            services.decide(Application.objects.get(pk=pk), member, "granted", None, "Past bij de buurt.")
            results.append("granted")
        except services.BudgetExceeded as refused:
            results.append(" ".join(refused.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(app.pk,)) for app in apps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("granted") == 1
    refusal = next(r for r in results if r != "granted")
    assert "€ 1000 left" in refusal or "€ 1000" in refusal
    budget = Budget.objects.get(fund=apps[0].fund, district=apps[0].district)
    assert budget.granted == 2000
    assert sorted(Application.objects.values_list("status", flat=True)) == [S.DECIDED, S.IN_REVIEW]
