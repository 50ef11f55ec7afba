"""Rows for the administration's tests (core/tests/admin_rows.py): the one model of health it shows."""

ADDED_BY_HAND = {"health.goalmapping"}


def make_rows(chief) -> None:
    from socialebasis.areas.models import Municipality
    from socialebasis.health import services

    services.set_goal_mapping(Municipality.objects.get(statcode="GM0797"), "mind", ["meeting"], actor=chief)
