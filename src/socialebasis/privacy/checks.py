"""A system check: every field that refers to an account or looks personal is in the register (or said not to be).

`manage.py check` (and so `make test`, through `check --deploy`) fails on an undeclared one.
"""

from django.core import checks


@checks.register(checks.Tags.models)
def personal_data_is_declared(app_configs, **kwargs):
    from .services import undeclared_personal_fields

    return [
        checks.Error(
            f"{name} refers to an account or looks like personal data, but no personal_data.py declares it.",
            hint=(
                "Declare it with core.personal_data_register.declare(Processing(...)) in the app's personal_data.py, "
                "or with not_personal(...) and a reason."
            ),
            id="privacy.E001",
        )
        for name in undeclared_personal_fields()
    ]
