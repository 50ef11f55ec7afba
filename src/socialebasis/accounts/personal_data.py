"""Personal data of accounts and signing in, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare

ACCOUNT_HOLDERS = _("residents, volunteers and staff with an account")
WITH_THE_ACCOUNT = _("as long as the account exists")
UNCONFIRMED_DAYS = 7


def _delete_unconfirmed_sign_ups(now) -> int:
    """Sign-ups whose e-mail address was never confirmed: nobody can use them, so they go after a week."""
    from datetime import timedelta

    from socialebasis.core.roles import Role

    from .models import User

    SELF_SIGN_UP_ROLES = (Role.RESIDENT, Role.VOLUNTEER)

    unconfirmed = User.objects.filter(
        role__in=SELF_SIGN_UP_ROLES, is_active=False, email_verified_at__isnull=True, last_login__isnull=True,
        date_joined__lt=now - timedelta(days=UNCONFIRMED_DAYS),
    )  # fmt: skip
    count = unconfirmed.count()
    unconfirmed.delete()
    return count


declare(
    Processing(
        model="accounts.User",
        fields=(
            "username",
            "first_name",
            "last_name",
            "email",
            "password",
            "role",
            "municipalities",
            "districts",
            "last_login",
            "date_joined",
            "home_municipality",
            "home_district",
            "postcode_area",
            "email_verified_at",
        ),
        export_fields=(
            "username",
            "first_name",
            "last_name",
            "email",
            "role",
            "municipalities",
            "districts",
            "last_login",
            "date_joined",
            "home_municipality",
            "home_district",
            "postcode_area",
            "email_verified_at",
        ),
        person="self",
        purpose=_(
            "Your account: signing in, your role, where you live (municipality, wijk, the four digits of your "
            "postcode) so we can show what is near, and the municipalities and wijken staff work for."
        ),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=ACCOUNT_HOLDERS,
        retention=Retention(
            days=UNCONFIRMED_DAYS,
            description=_(
                "as long as the account exists; a sign-up whose e-mail address was never confirmed is deleted "
                "after 7 days"
            ),
        ),
        expire=_delete_unconfirmed_sign_ups,
    )
)

declare(
    Processing(
        model="accounts.Consent",
        fields=("user",),
        export_fields=("document", "version", "accepted_at"),
        person="user",
        purpose=_("Which version of the privacy statement and the terms of use you accepted, and when."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=ACCOUNT_HOLDERS,
        retention=Retention(description=WITH_THE_ACCOUNT),
    )
)

declare(
    Processing(
        model="otp_totp.TOTPDevice",
        name=_("authenticator apps (second step)"),
        fields=("user", "name"),
        export_fields=("name", "confirmed", "created_at", "last_used_at"),
        person="user",
        purpose=_("The second step of signing in for staff: the authenticator app linked to the account."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        subjects=_("staff"),
        retention=Retention(description=WITH_THE_ACCOUNT),
    )
)


def _sessions_of(user):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            keys.append(session.session_key)
    return Session.objects.filter(session_key__in=keys)


def _export_sessions(user) -> list[dict]:
    return [{"expire_date": s.expire_date.isoformat()} for s in _sessions_of(user)]


def _erase_sessions(user) -> int:
    sessions = _sessions_of(user)
    count = sessions.count()
    sessions.delete()
    return count


def _expire_sessions(now) -> int:
    from django.contrib.sessions.models import Session

    count, _ = Session.objects.filter(expire_date__lt=now).delete()
    return count


declare(
    Processing(
        model="sessions.Session",
        name=_("sessions"),
        fields=("session_data",),
        purpose=_("Staying signed in between pages."),
        legal_basis=LegalBasis.AGREEMENT,
        subjects=ACCOUNT_HOLDERS,
        retention=Retention(description=_("until the session ends (at most some hours after signing in)")),
        export=_export_sessions,
        erase=_erase_sessions,
        expire=_expire_sessions,
    )
)

_SIGN_IN_FIELDS = ("username", "ip_address", "user_agent", "http_accept", "path_info")
for _model, _name, _extra in (
    ("axes.AccessAttempt", _("counts of failed sign-ins (for lockouts)"), ("get_data", "post_data")),
    ("axes.AccessFailureLog", _("failed sign-ins"), ()),
    ("axes.AccessLog", _("moments of signing in and out"), ()),
):
    declare(
        Processing(
            model=_model,
            name=_name,
            fields=(*_SIGN_IN_FIELDS, *_extra),
            export_fields=("username", "ip_address", "user_agent", "attempt_time"),
            match=lambda user: {"username": user.get_username()},
            purpose=_("Protection against guessing passwords: failed and successful sign-ins, and lockouts."),
            legal_basis=LegalBasis.LEGITIMATE_INTEREST,
            subjects=_("everyone who tries to sign in"),
            retention=Retention(
                days=90,
                setting="SIGN_IN_LOG_RETENTION_DAYS",
                field="attempt_time",
                description=_("90 days after the attempt (setting SIGN_IN_LOG_RETENTION_DAYS)"),
            ),
            on_erasure=Erasure.DELETE,
        )
    )

declare(
    Processing(
        model="otp_static.StaticDevice",
        name=_("recovery codes (second step)"),
        fields=("user", "name"),
        export_fields=("name", "confirmed", "created_at", "last_used_at"),
        person="user",
        purpose=_("Signing in without the phone: single-use recovery codes for the second step of staff."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        subjects=_("staff"),
        retention=Retention(description=WITH_THE_ACCOUNT),
    )
)

declare(
    Processing(
        model="accounts.EnrolmentLink",
        name=_("enrolment links (second step)"),
        fields=("user", "created_by", "created_at", "expires_at", "used_at"),
        export_fields=("created_at", "expires_at", "used_at"),
        person="user",
        links={"created_by": Erasure.UNLINK},
        purpose=_("Linking an authenticator app for the second step with a one-time link from an administrator."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        subjects=_("staff, and the administrators who made the links"),
        retention=Retention(description=WITH_THE_ACCOUNT),
    )
)
