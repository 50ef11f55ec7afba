"""The indicators' import on the administration's import page (core/importers.py): a CBS Kerncijfers wijken en
buurten table over the CBS open-data service, the same service as the `import_cbs_kwb` command."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from socialebasis.areas.models import Municipality
from socialebasis.core.importers import Importer, register_importer
from socialebasis.core.imports import ImportReport

from . import odata


class KwbForm(forms.Form):
    table = forms.CharField(
        label=_("CBS table"),
        max_length=12,
        initial="85984NED",
        validators=[RegexValidator(r"^\d{5}NED$", _("A CBS table is five digits and NED, for example 85984NED."))],
        help_text=_("Kerncijfers wijken en buurten: 85984NED for 2024, 85618NED for 2023."),
    )
    municipalities = forms.ModelMultipleChoiceField(
        Municipality.objects.order_by("name"),
        label=_("Municipalities"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The figures of these municipalities, their wijken and buurten, and of the country."),
    )


def run_kwb(data: dict, actor) -> ImportReport:
    # import_kwb records the import in the audit log with its actor, as every indicator import does.
    return odata.import_kwb(data["table"], [m.statcode for m in data["municipalities"]], actor=actor)


def register() -> None:
    register_importer(
        Importer(
            key="cbs-kerncijfers",
            label=_("CBS Kerncijfers wijken en buurten"),
            description=_(
                "The figures of a CBS table, fetched from the CBS open-data service. Importing the same table "
                "again changes nothing."
            ),
            form=KwbForm,
            run=run_kwb,
            order=30,
        )
    )
