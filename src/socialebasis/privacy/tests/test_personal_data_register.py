"""The register: every personal field is declared, and export, erasure and retention do what each declaration says."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import models
from django.test.utils import isolate_apps
from django.utils import timezone

from socialebasis.audit.models import Action, AuditEvent
from socialebasis.core.personal_data_register import Erasure, processings
from socialebasis.privacy import services

pytestmark = pytest.mark.django_db


def test_every_field_that_refers_to_an_account_or_looks_personal_is_declared():
    assert services.undeclared_personal_fields() == []


@isolate_apps("socialebasis.privacy")
def test_an_undeclared_e_mail_address_or_account_reference_is_found():
    class Volunteer(models.Model):
        contact = models.EmailField()
        phone_number = models.CharField(max_length=20)
        helper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
        skills = models.TextField()

        class Meta:
            app_label = "privacy"

        def __str__(self) -> str:
            return self.contact

    found = services.undeclared_personal_fields([Volunteer])
    assert found == ["privacy.Volunteer.contact", "privacy.Volunteer.phone_number", "privacy.Volunteer.helper"]


# For each declared model: rows about a person, made as the platform makes them. A new declaration without an
# example here fails `test_every_declaration_has_an_example`, so every declared model gets its round trip.
def _saved_search(user, seed):
    from socialebasis.directory.models import SavedSearch

    SavedSearch.objects.create(owner=user, name="Koffie in mijn wijk", query="q=koffie")


def _entries(user, seed):
    from socialebasis.directory.tests.factories import ActivityFactory, MeetingPlaceFactory, OrganisationFactory

    organisation = OrganisationFactory(owner=user, email="club@example.nl", checked_by=user)
    place = MeetingPlaceFactory(owner=user, checked_by=user)
    ActivityFactory(
        owner=user,
        organisation=organisation,
        place=place,
        contact_name="Anna de Vries",
        contact_email="anna@example.nl",
        checked_by=user,
        verdict_confirmed_by=user,
    )


def _assessment(user, seed):
    from socialebasis.frameworks import selectors
    from socialebasis.frameworks.models import Assessment

    version = selectors.version_in_force(seed)
    Assessment.objects.create(
        framework_version=version, name="Koffieochtend", verdict="inside", result={}, created_by=user
    )


def _framework_version(user, seed):
    from django.utils import timezone

    from socialebasis.frameworks import selectors
    from socialebasis.frameworks import services as framework_services

    document = selectors.version_in_force(seed).content
    framework_services.create_version(seed, document, valid_from=timezone.localdate(), actor=user)


def _agenda_item(user, seed):
    from socialebasis.profiles.models import AgendaItem

    AgendaItem.objects.create(
        district=seed.districts.first(),
        title="Ontmoeten",
        evidence="Eenzaamheid",
        owner_kind="residents",
        owner_name="Buurtcomité",
        municipal_role="stimuleren",
        created_by=user,
    )


def _report_pdf(user, seed):
    from socialebasis.profiles import services as profile_services

    profile_services.request_report_pdf(
        code=seed.statcode, division_year=2024, html=f"<p>Verhaal van {user.pk}</p>", base_url="http://testserver/"
    )


def _import_run(user, seed):
    from socialebasis.indicators.models import ImportRun, Source

    source, _ = Source.objects.get_or_create(key="eigen", defaults={"name": "Eigen monitor"})
    ImportRun.objects.create(source=source, kind="monitor", filename="monitor.csv", actor=user)


def _device(user, seed):
    from socialebasis.accounts.tests.factories import TOTPDeviceFactory

    TOTPDeviceFactory(user=user)


def _recovery_codes(user, seed):
    from socialebasis.accounts import services as account_services

    account_services.make_recovery_codes(user)


def _enrolment_link(user, seed):
    from socialebasis.accounts import services as account_services

    account_services.create_enrolment_link(user, actor=user, via="admin")


def _session(user, seed):
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session.create()


def _sign_in_attempt(model_name):
    def make(user, seed):
        from django.apps import apps

        model = apps.get_model("axes", model_name)
        extra = {"failures_since_start": 1} if model_name == "AccessAttempt" else {}
        model.objects.create(
            username=user.get_username(), ip_address="127.0.0.1", user_agent="test", path_info="/", **extra
        )

    return make


def _audit(user, seed):
    from socialebasis.audit.services import record_event

    record_event(user, Action.LOGIN, user)


def _admin_log(user, seed):
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(type(user)),
        object_id=str(user.pk),
        object_repr=user.get_username(),
        action_flag=ADDITION,
    )


def _upload(user, seed):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from socialebasis.uploads import services as upload_services
    from socialebasis.uploads.tests.hostile import photo

    upload_services.store_upload(
        SimpleUploadedFile("foto.jpg", photo()), owner=user, purpose="verhaal", alt_text="Onze tuin"
    )


def _message(user, seed):
    from socialebasis.notifications import services as notification_services

    notification_services.notify(user, "account.security", context={"event": "Er is ingelogd."}, key=f"k-{user.pk}")


def _preference(user, seed):
    from socialebasis.notifications.models import Preference

    Preference.objects.create(user=user, kind="directory.reminder", frequency="daily")


def _language(user, seed):
    from socialebasis.notifications.models import RecipientSettings

    RecipientSettings.objects.create(user=user, language="en")


def _revision(user, seed):
    from socialebasis.directory import services as directory_services
    from socialebasis.directory.tests.factories import ActivityFactory

    activity = ActivityFactory(owner=user)
    directory_services.propose_revision(
        activity,
        actor=user,
        data={"title": "Nieuwe titel"},
        changed=["title"],
        previous={"title": activity.title},
        municipality=activity.municipality,
    )


def _consent(user, seed):
    from socialebasis.accounts.models import Consent

    Consent.objects.create(user=user, document="privacy", version="2026-11-28")


def _self_check(user, seed):
    from socialebasis.health import services as health_services
    from socialebasis.health.dimensions import STATEMENT_KEYS

    health_services.save_self_check(user, dict.fromkeys(STATEMENT_KEYS, 6), ["mind"])


def _survey_response(user, seed):
    from socialebasis.surveys import services as survey_services

    today = timezone.localdate()  # open today: a survey takes no answers once it has closed

    survey = survey_services.create_survey(
        seed,
        {
            "title": "Peiling met account",
            "anonymous": False,
            "opens_on": today - timedelta(days=1),
            "closes_on": today + timedelta(days=30),
            "questions": [
                {
                    "key": "q",
                    "text": "Vraag",
                    "kind": "single",
                    "options": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}],
                }
            ],
        },
    )
    survey_services.submit_response(survey, {"q": ["a"]}, respondent=user)


def _burenhulp(user, seed):
    """Everything of burenhulp about `user`: a request, offer, profile, match with message, consent, follow-up,
    report and block, and a vacancy of their organisation with their response."""
    from socialebasis.accounts.tests.factories import UserFactory
    from socialebasis.directory.tests.factories import OrganisationFactory
    from socialebasis.neighbourhelp import services as help_services
    from socialebasis.neighbourhelp.models import FollowUp, HelpCategory

    help_services.apply_preset(seed)
    shopping = HelpCategory.objects.get(municipality=seed, key="boodschappen")
    request = help_services.create_request(
        user, category=shopping, text="Boodschappen", postcode="5251", when="flexible", parts=1, phone="0612345678"
    )
    help_services.create_offer(user, category=shopping, text="Ik help", postcode="5251", when="flexible", parts=1)
    help_services.save_volunteer_profile(
        user, postcode="5251", categories=[shopping], skills=[], parts=1, max_km=5, languages=["nl"]
    )
    helper = UserFactory()
    help_services.save_volunteer_profile(
        helper, postcode="5251", categories=[shopping], skills=[], parts=1, max_km=5, languages=["nl"]
    )
    match = help_services.offer_help(helper, request, "Ik kan helpen")
    help_services.send_message(user, match, "Graag")
    help_services.give_consent(user, match)
    FollowUp.objects.create(match=match, user=user)
    help_services.report(user, match, "Niet aardig")
    help_services.block(user, helper)
    organisation = OrganisationFactory(owner=user, municipality=seed)
    vacancy = help_services.create_vacancy(user, organisation=organisation, title="Chauffeur", task="Rijden", hours="2")
    help_services.respond_to_vacancy(user, vacancy, "Ik wil wel")


def _wijk_of(seed):
    from socialebasis.areas.models import District

    return District.objects.filter(municipality=seed).order_by("-year", "statcode").first()


def _story(user, seed):
    from socialebasis.stories.factories import StoryFactory

    StoryFactory(teller=user, district=_wijk_of(seed))


def _panel(user, seed):
    from socialebasis.stories.factories import PanelFactory

    PanelFactory(district=_wijk_of(seed), members=[user])


def _story_round(user, seed):
    from socialebasis.stories.factories import PanelFactory, RoundFactory

    RoundFactory(panel=PanelFactory(district=_wijk_of(seed)), created_by=user)


def _selection(user, seed):
    from socialebasis.stories.factories import PanelFactory, RoundFactory, StoryFactory
    from socialebasis.stories.models import Selection

    wijk = _wijk_of(seed)
    round_ = RoundFactory(panel=PanelFactory(district=wijk))
    Selection.objects.create(
        round=round_, story=StoryFactory(district=wijk), domain="meeting", reasons="Omdat.", selected_by=user
    )


def _reporter(user, seed):
    from socialebasis.signalling.factories import SignalFactory

    SignalFactory(
        district=_wijk_of(seed), reporter=user, reporter__may_contact=True, reporter__contact_name="Anna",
        reporter__contact_phone="0612",
    )  # fmt: skip


def _initiatives(user, seed):
    import datetime

    from socialebasis.initiatives import models as m
    from socialebasis.initiatives import services as initiative_services

    fund = initiative_services.load_fund_preset(seed, "heusden-initiatieventafel")
    district = seed.districts.order_by("statcode").first()
    m.Initiative.objects.create(municipality=seed, title="Buurtmoestuin", what="Samen tuinieren", for_whom="Buren",
                                owner=user)  # fmt: skip
    application = m.Application.objects.create(
        fund=fund, applicant=user, district=district, year=2026, title="Moestuin", what="Tuinieren", for_whom="Buren",
        where="Achter de flat", when="Voorjaar", amount=500, spending="Zaad", assigned_to=user,
    )  # fmt: skip
    m.Question.objects.create(application=application, about="what", text="Hoe groot?", asked_by=user, answer="Klein")
    m.Declaration.objects.create(application=application, member=user, has_conflict=False)
    m.Note.objects.create(application=application, author=user, text="Goed plan")
    m.TableMember.objects.get_or_create(fund=fund, user=user)
    m.Payout.objects.create(application=application, amount=100, paid_on=datetime.date(2026, 3, 1), reference="B1",
                            recorded_by=user)  # fmt: skip
    version = m.Allocation.objects.filter(fund=fund).count() + 1
    m.Allocation.objects.create(fund=fund, year=2026, version=version, total=0, base_share=0, created_by=user)


def _policy(user, seed):
    """A policy check written and reviewed by `user`, a version of it, a self-assessment and a social-quality score."""
    from socialebasis.areas.models import District
    from socialebasis.frameworks import selectors as framework_selectors
    from socialebasis.frameworks import services as framework_services
    from socialebasis.policy.models import CheckVersion, PolicyCheck, SelfAssessment, SocialQualityScore

    if PolicyCheck.objects.filter(author=user).exists():  # one call makes the rows of all four models
        return
    framework_services.load_presets([seed.statcode])
    check = PolicyCheck.objects.create(
        municipality=seed, framework_version=framework_selectors.version_in_force(seed), title="Subsidieregeling",
        summary="Een regeling", owner="Team sociaal domein", author=user, reviewer=user,
    )  # fmt: skip
    CheckVersion.objects.create(check_item=check, number=1, content={"title": check.title}, created_by=user)
    year = 2000 + user.pk % 90  # a year of one's own: one self-assessment per municipality and year
    SelfAssessment.objects.create(municipality=seed, year=year, participants="Werkgroep", created_by=user)
    wijk = District.objects.filter(municipality=seed).order_by("statcode").first()
    SocialQualityScore.objects.create(district=wijk, year=year, condition="cohesion", score=6, created_by=user)


EXAMPLES = {
    **dict.fromkeys(
        ("policy.PolicyCheck", "policy.CheckVersion", "policy.SelfAssessment", "policy.SocialQualityScore"), _policy
    ),
    "health.SelfCheck": _self_check,
    "surveys.Response": _survey_response,
    **{
        f"neighbourhelp.{name}": _burenhulp
        for name in (
            "HelpRequest",
            "HelpOffer",
            "VolunteerProfile",
            "Match",
            "Message",
            "ContactConsent",
            "FollowUp",
            "Report",
            "Block",
            "VacancyResponse",
            "VolunteerVacancy",
        )
    },
    "stories.Story": _story,
    "stories.Panel": _panel,
    "stories.Round": _story_round,
    "stories.Selection": _selection,
    "signalling.ReporterContact": _reporter,
    "signalling.Signal": _reporter,
    "initiatives.Initiative": _initiatives,
    "initiatives.Application": _initiatives,
    "initiatives.Question": _initiatives,
    "initiatives.Declaration": _initiatives,
    "initiatives.Note": _initiatives,
    "initiatives.TableMember": _initiatives,
    "initiatives.Payout": _initiatives,
    "initiatives.Allocation": _initiatives,
    "accounts.Consent": _consent,
    "directory.Revision": _revision,
    "notifications.Message": _message,
    "notifications.Delivery": _message,
    "notifications.Preference": _preference,
    "notifications.RecipientSettings": _language,
    "uploads.Upload": _upload,
    "accounts.User": lambda user, seed: None,
    "directory.SavedSearch": _saved_search,
    "directory.Organisation": _entries,
    "directory.MeetingPlace": _entries,
    "directory.Activity": _entries,
    "frameworks.Assessment": _assessment,
    "frameworks.FrameworkVersion": _framework_version,
    "profiles.AgendaItem": _agenda_item,
    "profiles.ReportPdf": _report_pdf,
    "indicators.ImportRun": _import_run,
    "otp_totp.TOTPDevice": _device,
    "otp_static.StaticDevice": _recovery_codes,
    "accounts.EnrolmentLink": _enrolment_link,
    "sessions.Session": _session,
    "axes.AccessAttempt": _sign_in_attempt("AccessAttempt"),
    "axes.AccessFailureLog": _sign_in_attempt("AccessFailureLog"),
    "axes.AccessLog": _sign_in_attempt("AccessLog"),
    "audit.AuditEvent": _audit,
    "admin.LogEntry": _admin_log,
}


def test_every_declaration_has_an_example():
    assert sorted(p.model for p in processings()) == sorted(EXAMPLES)


@pytest.fixture
def heusden(seed_areas, load_presets):
    from socialebasis.areas.models import Municipality

    load_presets(["GM0797"])
    return Municipality.objects.get(statcode="GM0797")


@pytest.mark.parametrize("processing", processings(), ids=lambda p: p.model)
def test_export_then_erasure_round_trip(processing, heusden, user_factory):
    person = user_factory(username="anna", email="anna@example.nl")
    bystander = user_factory(username="bram")
    for user in (person, bystander):
        EXAMPLES[processing.model](user, heusden)
    before = processing.export(person) if processing.export else list(services.rows_about(processing, person))

    exported = {section["model"]: section for section in services.export_personal_data(person)}
    if processing.person or processing.match or processing.export:
        assert processing.model in exported
        assert len(exported[processing.model]["rows"]) == len(before) > 0
        assert "bram" not in str(exported[processing.model]["rows"])

    model = processing.model_class
    kept_rows = {
        link: list(model._base_manager.filter(**{link: person}).values_list("pk", flat=True))
        for link in [processing.person, *processing.links]
        if link and link != "self" and processing.on_erasure != Erasure.DELETE
    }
    services.erase_account(person, actor=person)

    assert not type(person).objects.filter(pk=person.pk).exists()
    assert type(bystander).objects.filter(pk=bystander.pk).exists()
    # Nothing about the person is left to export, and no row still names them.
    left = [s for s in services.export_personal_data(person) if s["model"] == processing.model]
    assert not any(s["rows"] for s in left) or processing.model == "audit.AuditEvent"
    for link, pks in kept_rows.items():
        assert model._base_manager.filter(pk__in=pks).count() == len(pks)  # unlinked or anonymised, not deleted
        assert not model._base_manager.filter(pk__in=pks).exclude(**{f"{link}__isnull": True}).exists()
    if processing.model == "audit.AuditEvent":
        assert not AuditEvent.objects.filter(actor_label="anna").exists()
        assert not AuditEvent.objects.filter(object_label="anna").exists()
    # The bystander's own rows are untouched.
    if processing.person or processing.match:
        assert services.rows_about(processing, bystander).exists() or processing.person == "self"


def test_the_erasure_is_audited_without_the_persons_name(user_factory):
    person = user_factory(username="anna")
    pk = person.pk
    services.erase_account(person, actor=person)
    line = AuditEvent.objects.get(action=Action.DELETE, object_type="accounts.user", object_id=str(pk))
    assert line.actor is None and line.actor_label == "anoniem"
    assert "anna" not in str(line.details) and line.details["by_the_person"] is True


class TestRetention:
    """Each period on a frozen clock: what is older than the period goes, the rest stays, a second round is idle."""

    def _age(self, queryset, field, days, now):
        queryset.update(**{field: now - timedelta(days=days)})

    def test_audit_lines_after_the_audit_period(self, user_factory, settings):
        settings.AUDIT_RETENTION_DAYS = 30
        now = timezone.now()
        user = user_factory()
        _audit(user, None)
        _audit(user, None)
        lines = AuditEvent.objects.order_by("pk")
        self._age(lines.filter(pk=lines[0].pk), "at", 31, now)
        assert services.apply_retention(now)["audit.AuditEvent"] == 1
        assert AuditEvent.objects.count() == 1
        assert "audit.AuditEvent" not in services.apply_retention(now)

    def test_sign_in_records_after_their_period(self, user_factory):
        from axes.models import AccessAttempt, AccessLog

        now = timezone.now()
        user = user_factory()
        _sign_in_attempt("AccessAttempt")(user, None)
        _sign_in_attempt("AccessLog")(user, None)
        self._age(AccessAttempt.objects.all(), "attempt_time", settings.SIGN_IN_LOG_RETENTION_DAYS + 1, now)
        report = services.apply_retention(now)
        assert report["axes.AccessAttempt"] == 1 and "axes.AccessLog" not in report
        assert not AccessAttempt.objects.exists() and AccessLog.objects.exists()

    def test_assessments_after_their_period(self, heusden, user_factory):
        from socialebasis.frameworks.models import Assessment

        now = timezone.now()
        _assessment(None, heusden)
        _assessment(None, heusden)
        self._age(Assessment.objects.filter(pk=Assessment.objects.first().pk), "created_at", 366, now)
        assert services.apply_retention(now)["frameworks.Assessment"] == 1
        assert Assessment.objects.count() == 1

    def test_archived_entries_lose_contact_and_owner_after_their_period(self, heusden, user_factory):
        from socialebasis.directory.models import Activity
        from socialebasis.directory.vocabulary import Status

        now = timezone.now()
        user = user_factory()
        _entries(user, heusden)
        _entries(user, heusden)
        first, second = Activity.objects.order_by("pk")
        Activity.objects.filter(pk__in=[first.pk, second.pk]).update(status=Status.ARCHIVED)
        self._age(Activity.objects.filter(pk=first.pk), "updated_at", 366, now)
        assert services.apply_retention(now)["directory.Activity"] == 1
        first.refresh_from_db()
        second.refresh_from_db()
        assert (first.contact_name, first.contact_email, first.owner_id) == ("", "", None)
        assert first.title  # the entry itself stays
        assert second.contact_email == "anna@example.nl" and second.owner_id == user.pk
        assert "directory.Activity" not in services.apply_retention(now)

    def test_published_entries_keep_their_contact_however_old(self, heusden, user_factory):
        from socialebasis.directory.models import Activity

        now = timezone.now()
        _entries(user_factory(), heusden)
        self._age(Activity.objects.all(), "updated_at", 3000, now)
        assert "directory.Activity" not in services.apply_retention(now)

    def test_expired_sessions_go(self, user_factory):
        from django.contrib.sessions.models import Session

        now = timezone.now()
        _session(user_factory(), None)
        _session(user_factory(), None)
        Session.objects.filter(pk=Session.objects.first().pk).update(expire_date=now - timedelta(seconds=1))
        assert services.apply_retention(now)["sessions.Session"] == 1
        assert Session.objects.count() == 1
