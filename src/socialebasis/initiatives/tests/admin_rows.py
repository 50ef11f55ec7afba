"""Rows for the administration's tests (core/tests/admin_rows.py): a fund from Heusden's preset."""

ADDED_BY_HAND = {"initiatives.fund"}


def make_rows(chief) -> None:
    from socialebasis.areas.models import Municipality
    from socialebasis.initiatives import services

    services.load_fund_preset(Municipality.objects.get(statcode="GM0797"), "heusden-initiatieventafel", actor=chief)
