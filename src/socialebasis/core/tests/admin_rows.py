"""One row of every model the administration shows, for the tests that walk every admin page."""

import importlib
from datetime import date
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group

RECORDED_KWB = Path(__file__).resolve().parents[2] / "indicators" / "tests" / "fixtures" / "cbs_85618NED_heusden.json"


def make_one_of_each(chief) -> None:
    """A row of every model registered in the administration: the core's and the older apps' here, and those of
    the apps that bring their own `tests/admin_rows.py`."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django_otp.plugins.otp_static.models import StaticDevice

    from socialebasis.accounts import services as account_services
    from socialebasis.accounts.tests.factories import UserFactory
    from socialebasis.areas.models import District, Neighbourhood
    from socialebasis.directory.models import Synonym
    from socialebasis.directory.tests.factories import ActivityFactory, MeetingPlaceFactory, OrganisationFactory
    from socialebasis.frameworks import services as framework_services
    from socialebasis.frameworks.models import FrameworkVersion
    from socialebasis.indicators import odata
    from socialebasis.indicators.models import Indicator
    from socialebasis.notifications import services as notification_services
    from socialebasis.profiles.models import AgendaItem, MunicipalRole, Norm, NormKind, OwnerKind
    from socialebasis.uploads.models import Upload

    Group.objects.create(name="Redactie")
    worker = UserFactory(username="medewerker", professional=True)
    account_services.create_enrolment_link(worker, actor=chief, via="admin")
    StaticDevice.objects.create(user=worker, name="herstelcodes").token_set.create(token="abcd1234")
    AccessAttempt.objects.create(
        user_agent="Firefox", ip_address="127.0.0.1", username="medewerker", http_accept="text/html",
        path_info="/account/inloggen/", get_data="", post_data="", failures_since_start=1,
    )  # fmt: skip
    AccessLog.objects.create(
        user_agent="Firefox", ip_address="127.0.0.1", username="medewerker", http_accept="text/html",
        path_info="/account/inloggen/",
    )  # fmt: skip
    AccessFailureLog.objects.create(
        user_agent="Firefox", ip_address="127.0.0.1", username="medewerker", http_accept="text/html",
        path_info="/account/inloggen/",
    )  # fmt: skip
    wijk = District.objects.get(statcode="WK079701")
    Neighbourhood.objects.create(statcode="BU07970101", year=wijk.year, name="Drunen-Noord", district=wijk)
    framework_services.load_presets()
    framework_services.assess(
        FrameworkVersion.objects.get(framework__municipality__statcode="GM0797"),
        name="Koffieochtend",
        goals=["meeting"],
        answers={},
        actor=chief,
    )
    odata.import_kwb("85618NED", ["GM0797"], session=odata.RecordedSession(RECORDED_KWB), actor=chief)
    Norm.objects.create(
        municipality=wijk.municipality, title="Genoeg ontmoetingsplekken", kind=NormKind.values[0],
        indicator=Indicator.objects.first(),
    )  # fmt: skip
    AgendaItem.objects.create(
        district=wijk, title="Eenzaamheid verminderen", evidence="Monitor", owner_kind=OwnerKind.values[0],
        owner_name="Welzijnsorganisatie", municipal_role=MunicipalRole.values[0], start_date=date(2026, 1, 1),
    )  # fmt: skip
    organisation = OrganisationFactory()
    place = MeetingPlaceFactory(organisation=organisation)
    ActivityFactory(organisation=organisation, place=place)
    Synonym.objects.create(term="buurthuis", alternatives="wijkcentrum")
    Upload.objects.create(
        owner=worker, kind="document", mime_type="application/pdf", purpose="bijlage", original_name="verslag.pdf",
        file="uploads/verslag.pdf", size=1200,
    )  # fmt: skip
    notification_services.notify(worker, "account.security", context={"event": "Uw wachtwoord is gewijzigd."})

    for module in app_modules():
        module.make_rows(chief)


def app_modules() -> list:
    """The `tests/admin_rows.py` of the other apps: each makes a row of every model it registers in the
    administration (`make_rows(chief)`) and names those an administrator may add by hand (`ADDED_BY_HAND`)."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("socialebasis.") or config.name == "socialebasis.core":
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.tests.admin_rows"))
        except ModuleNotFoundError:
            continue
    return found
