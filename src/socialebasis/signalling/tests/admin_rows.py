"""Rows for the administration's tests (core/tests/admin_rows.py): a theme of signals."""

ADDED_BY_HAND = {"signalling.theme"}


def make_rows(chief) -> None:
    from socialebasis.areas.models import Municipality
    from socialebasis.signalling.models import Theme

    Theme.objects.create(municipality=Municipality.objects.get(statcode="GM0797"), name="Eenzaamheid", target_days=10)
