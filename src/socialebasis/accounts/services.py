"""Writes for accounts: the second step (enrolment links, authenticator apps, recovery codes) and the demo accounts."""

import hashlib
import math
import re
import secrets
from base64 import b32encode
from binascii import unhexlify
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event

from .models import Consent, EnrolmentLink, Role, User
from .signals import account_mail, security_event

# Documented in the README. Only `load_demo` uses it, and only while settings.DEMO_MODE is True, which
# production settings force to False.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"  # hex of the RFC 6238 test secret
DEMO_PASSWORD = "sociale-basis-demo"  # noqa: S105 - documented demo password, refused outside the demo


# A confirmation link works for three days (PASSWORD_RESET_TIMEOUT is Django's name for the generator's window).
CONFIRMATION_SECONDS = 3 * 24 * 3600

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Herstelcodes"
# django-otp's static tokens: eight characters of base32 in lower case.
RECOVERY_CODE = re.compile(r"[a-z2-7]{8}")


class DemoModeRequired(RuntimeError):
    pass


def base32_secret(device: TOTPDevice) -> str:
    return b32encode(unhexlify(device.key)).decode("ascii").rstrip("=")


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


# --- The second step: enrolment links, authenticator apps, recovery codes ------------------------------------------


class EnrolmentNotAllowed(PermissionError):
    """Linking an authenticator needs a verified session or a valid enrolment link of this user."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def enrolment_path(token: str) -> str:
    return reverse("accounts:enrol", args=[token])


@transaction.atomic
def create_enrolment_link(user: User, *, actor, via: str) -> str:
    """Make a one-time enrolment link for `user`; returns its secret (shown once, only its hash is kept).

    An earlier link of the same user that was not used yet stops working: only the newest link counts.
    """
    now = timezone.now()
    token = secrets.token_urlsafe(32)
    EnrolmentLink.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    link = EnrolmentLink.objects.create(
        user=user,
        token_hash=_hash(token),
        created_by=actor if actor is not None and actor.is_authenticated else None,
        created_at=now,
        expires_at=now + timedelta(hours=settings.ENROLMENT_LINK_HOURS),
    )
    record_event(
        actor, Action.CREATE, link, event="enrolment_link_made", via=via, expires_at=link.expires_at.isoformat()
    )
    return token


def valid_enrolment_link(user: User, *, token: str | None = None, pk: int | None = None) -> EnrolmentLink | None:
    """The unused, unexpired link of `user` with this secret (or primary key); None for anything else."""
    if not user.is_authenticated or (token is None and pk is None):
        return None
    links = EnrolmentLink.objects.filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
    links = links.filter(token_hash=_hash(token)) if token is not None else links.filter(pk=pk)
    return links.first()


def has_usable_second_step(user: User) -> bool:
    """A confirmed authenticator app, or recovery codes left."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or StaticToken.objects.filter(device__user=user, device__confirmed=True).exists()
    )


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed device a user is enrolling, made once so a reload shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


def _tell(user: User, audit_line, event) -> None:
    """Tell the owner (through whoever listens to security_event: the notifications app)."""
    security_event.send(sender=User, user=user, event=event, key=f"account-security:{audit_line.pk}")


@transaction.atomic
def confirm_totp_device(request, device: TOTPDevice, token: str, *, link: EnrolmentLink | None = None) -> list[str]:
    """Link the authenticator `device` when `token` is its current code; returns the new recovery codes.

    Allowed in a session that passed the second step already (adding or replacing an app), or with a valid
    enrolment link of this user, which is then used up. The new app replaces the user's other apps, and the
    user gets ten new recovery codes. Returns [] when the code is not right.
    """
    user = request.user
    if link is not None:
        link = (
            EnrolmentLink.objects.select_for_update()
            .filter(pk=link.pk, user=user, used_at__isnull=True, expires_at__gt=timezone.now())
            .first()
        )
        if link is None:
            raise EnrolmentNotAllowed("The enrolment link was used or has expired.")
    elif not user.is_verified():
        raise EnrolmentNotAllowed("Linking an authenticator needs the second step or an enrolment link.")
    if device.user_id != user.pk or device.confirmed:
        return []
    _forgive_first_mistakes(device)
    if not device.verify_token(token):
        return []
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    if link is not None:
        link.used_at = timezone.now()
        link.save(update_fields=["used_at"])
    for old in TOTPDevice.objects.filter(user=user).exclude(pk=device.pk):
        if old.confirmed:
            _remove_device(old, actor=user, reason="replaced")
        else:
            old.delete()
    line = record_event(
        user,
        Action.CREATE,
        device,
        event="authenticator_linked",
        via="enrolment_link" if link is not None else "second_step",
        enrolment_link=link.pk if link is not None else None,
    )
    _tell(user, line, _("An authenticator app was linked to your account for the second step of signing in."))
    codes = make_recovery_codes(user)
    otp_login(request, device)
    request.session.cycle_key()
    return codes


def _remove_device(device, *, actor, reason: str) -> None:
    user = device.user
    line = record_event(actor, Action.DELETE, device, event="authenticator_removed", reason=reason, user=user.pk)
    device.delete()
    _tell(user, line, _("An authenticator app was removed from your account."))


@transaction.atomic
def remove_second_step(user: User, *, actor) -> int:
    """Remove all of `user`'s authenticator apps and recovery codes (an administrator, e.g. after a lost phone)."""
    removed = 0
    for device in TOTPDevice.objects.filter(user=user):
        if device.confirmed:
            _remove_device(device, actor=actor, reason="by_administrator")
            removed += 1
        else:
            device.delete()
    for device in StaticDevice.objects.filter(user=user):
        line = record_event(actor, Action.DELETE, device, event="recovery_codes_removed", user=user.pk)
        device.delete()
        _tell(user, line, _("Your recovery codes were removed from your account."))
        removed += 1
    return removed


@transaction.atomic
def make_recovery_codes(user: User) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working. Shown once: only this call returns them."""
    device = StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    line = record_event(user, Action.CREATE, device, event="recovery_codes_made", count=len(codes))
    _tell(user, line, _("New recovery codes were made for your account. Your old recovery codes no longer work."))
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise_code(value: str) -> str:
    """What a person typed, as the devices compare it: without spaces and dashes, in lower case."""
    return re.sub(r"[\s-]", "", value).lower()


def is_recovery_code(code: str) -> bool:
    return RECOVERY_CODE.fullmatch(code) is not None


# Wrong codes a person may type before django-otp's waiting time applies (1 s, then doubling per wrong code: 4 s
# after the third, 8 s after the fourth …). Without them the right code typed straight after a mistyped one was
# refused as "not right", because the one-second wait had not passed (issue 12, point 10).
FREE_TRIES = 3


def _forgive_first_mistakes(device) -> None:
    """Let the device check a code despite its last failures while there were fewer than FREE_TRIES of them.

    django-otp's throttle only waits when a failure time is set; a failure or a success writes the count and the
    time again (throttle_increment, throttle_reset), so the lockout after repeated failures stays django-otp's."""
    if 0 < device.throttling_failure_count < FREE_TRIES:
        device.throttling_failure_timestamp = None


def second_step_wait(user: User) -> int:
    """Seconds to wait before the next code is checked (0: none), after repeated wrong codes."""
    waits = [0]
    for device in devices_for_user(user, confirmed=True):
        if device.throttling_failure_count < FREE_TRIES:
            continue
        allowed, details = device.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            waits.append(math.ceil((details["locked_until"] - timezone.now()).total_seconds()))
    return max(waits)


def verify_second_factor(request, token: str) -> str:
    """Check the second step; returns "authenticator", "recovery_code", or "" when the code is not right.

    A recovery code works once; using one is audited and the owner is told. The session key is renewed after the
    second step, so a key seen before it is worth nothing after.
    """
    user = request.user
    if is_recovery_code(token):
        devices, how = StaticDevice.objects.devices_for_user(user, confirmed=True), "recovery_code"
    else:
        devices, how = TOTPDevice.objects.devices_for_user(user, confirmed=True), "authenticator"
    for device in devices:
        _forgive_first_mistakes(device)
        with transaction.atomic():
            if not device.verify_token(token):
                continue
            if how == "recovery_code":
                left = device.token_set.count()
                line = record_event(user, Action.LOGIN, device, event="recovery_code_used", codes_left=left)
                _tell(user, line, _("Someone signed in to your account with one of your recovery codes."))
        otp_login(request, device)
        request.session.cycle_key()
        return how
    return ""


def is_demo_device(device: TOTPDevice) -> bool:
    return settings.DEMO_MODE and device.key == DEMO_TOTP_KEY


@transaction.atomic
def create_demo_accounts(accounts: list[dict]) -> list[User]:
    """The demo's example accounts (data/demo/accounts.json): username, role, first_name, works_for (municipality
    codes), and for residents lives_in and postcode. Refused outside the demo (settings.DEMO_MODE)."""
    if not settings.DEMO_MODE:
        raise DemoModeRequired("Demo accounts exist only in the demo (settings.DEMO_MODE).")
    from socialebasis.areas.selectors import district_of_postcode

    users = []
    for account in accounts:
        username, role = account["username"], Role(account["role"])
        user, _ = User.objects.get_or_create(username=username)
        user.first_name = account["first_name"]
        user.role = role
        user.email = f"{username}@demo.socialebasis.local"
        user.email_verified_at = user.email_verified_at or timezone.now()
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        home = Municipality.objects.filter(statcode=account.get("lives_in", "")).first()
        user.home_municipality = home
        user.postcode_area = account.get("postcode", "") if home else ""
        user.home_district = district_of_postcode(home, user.postcode_area) if home and user.postcode_area else None
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.municipalities.set(Municipality.objects.filter(statcode__in=account["works_for"]))
        if user.needs_second_factor:
            TOTPDevice.objects.update_or_create(
                user=user, name="Demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
            )
        users.append(user)
    return users


# Sign-up of residents and volunteers (issue 11 point 1) ----------------------------------------------------------

SELF_SIGN_UP_ROLES = (Role.RESIDENT, Role.VOLUNTEER)


class ConfirmationTokens(PasswordResetTokenGenerator):
    """One-time links that confirm an e-mail address: valid for CONFIRMATION_DAYS, and spent once the address is
    confirmed (the confirmation time and the address are part of the hash)."""

    key_salt = "socialebasis.accounts.ConfirmationTokens"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.email_verified_at}{user.is_active}{timestamp}"


confirmation_tokens = ConfirmationTokens()
_EMAIL_CHANGE_SALT = "socialebasis.accounts.email-change"


def _send_account_mail(to: str, template: str, context: dict, key: str) -> None:
    subject = " ".join(render_to_string(f"accounts/mail/{template}_subject.txt", context).split())
    body = render_to_string(f"accounts/mail/{template}.txt", context)
    transaction.on_commit(lambda: account_mail.send(sender=User, to=to, subject=subject, body=body, key=key))


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def sign_up(*, email: str, password: str, role: str, municipality, district, postcode_area: str, versions: dict):
    """A new resident or volunteer account, inactive until the e-mail address is confirmed by its link.

    Returns the new user, or None when the address already has an account: that account's owner gets a mail saying
    someone tried, and the person signing up sees the same page either way (no way to find out who has an account).
    """
    email = User.objects.normalize_email(email).strip()
    existing = User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()
    if existing is not None:
        links = {
            "login": _absolute(reverse("accounts:login")),
            "reset": _absolute(reverse("accounts:password_reset")),
        }
        key = f"sign-up-again:{existing.pk}:{timezone.now().timestamp()}"
        _send_account_mail(existing.email or email, "already_registered", links, key)
        return None
    if role not in SELF_SIGN_UP_ROLES:
        raise ValueError(f"Staff accounts are made by an administrator, not by signing up ({role}).")
    user = User(
        username=email[:150], email=email, role=role, is_active=False, home_municipality=municipality,
        home_district=district, postcode_area=postcode_area,
    )  # fmt: skip
    user.set_password(password)
    user.save()
    for document, version in versions.items():
        Consent.objects.create(user=user, document=document, version=version)
    record_event(user, Action.CREATE, user, municipality=municipality.statcode if municipality else "", via="sign-up")
    send_confirmation(user)
    return user


def send_confirmation(user) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = _absolute(reverse("accounts:confirm", args=[uid, confirmation_tokens.make_token(user)]))
    _send_account_mail(user.email, "confirm_address", {"link": link}, f"confirm:{user.pk}:{timezone.now().timestamp()}")


def user_of_confirmation(uidb64: str, token: str):
    """The user whose confirmation link this is, or None for a wrong, spent or expired link."""
    try:
        user = User.objects.get(pk=int(urlsafe_base64_decode(uidb64).decode()))
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError, User.DoesNotExist):
        return None
    return user if confirmation_tokens.check_token(user, token) else None


@transaction.atomic
def confirm_address(user) -> None:
    """The link in the mail was followed: the address is the person's, the account can be used."""
    user.is_active = True
    user.email_verified_at = timezone.now()
    user.save(update_fields=["is_active", "email_verified_at"])
    record_event(user, Action.UPDATE, user, email_confirmed=True)


def request_email_change(user, new_email: str) -> None:
    """Send a confirmation link to the new address; the account keeps the old one until the link is followed."""
    new_email = User.objects.normalize_email(new_email).strip()
    token = signing.dumps([user.pk, new_email, user.email], salt=_EMAIL_CHANGE_SALT)
    link = _absolute(reverse("accounts:email-confirm", args=[token]))
    with transaction.atomic():
        record_event(user, Action.UPDATE, user, email_change_requested=True)
        _send_account_mail(new_email, "confirm_new_address", {"link": link}, f"email-change:{user.pk}:{token[-12:]}")


def email_change_of(token: str, user) -> str | None:
    """The new address a change link carries, when it is this user's, still fresh, and the old address unchanged."""
    try:
        pk, new_email, old_email = signing.loads(token, salt=_EMAIL_CHANGE_SALT, max_age=CONFIRMATION_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return new_email if pk == user.pk and old_email == user.email else None


@transaction.atomic
def change_email(user, new_email: str) -> None:
    old = user.email
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        raise ValueError("address taken")
    user.email = new_email
    if user.username == old:
        user.username = new_email[:150]
    user.email_verified_at = timezone.now()
    user.save(update_fields=["email", "username", "email_verified_at"])
    record_event(user, Action.UPDATE, user, email_changed=True)
    _send_account_mail(old, "address_changed", {}, f"email-changed:{user.pk}:{timezone.now().timestamp()}")


def password_changed(user) -> None:
    """A signed-in person changed their password: audited, and told to them (someone else may have done it)."""
    with transaction.atomic():
        _tell(user, record_event(user, Action.UPDATE, user, password_changed=True), _("Your password was changed."))
