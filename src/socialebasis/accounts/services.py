"""Writes for accounts: the second step (enrolment links, authenticator apps, recovery codes) and the demo accounts."""

import hashlib
import re
import secrets
from base64 import b32encode
from binascii import unhexlify
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.areas.models import Municipality
from socialebasis.audit.models import Action
from socialebasis.audit.services import record_event

from .models import EnrolmentLink, Role, User
from .signals import security_event

# Documented in the README. Only `load_demo` uses it, and only while settings.DEMO_MODE is True, which
# production settings force to False.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"  # hex of the RFC 6238 test secret
DEMO_PASSWORD = "sociale-basis-demo"  # noqa: S105 - documented demo password, refused outside the demo

DEMO_ACCOUNTS = [
    # (username, role, first name, municipalities)
    ("inwoner", Role.RESIDENT, "Inwoner", []),
    ("vrijwilliger", Role.VOLUNTEER, "Vrijwilliger", []),
    ("professional", Role.PROFESSIONAL, "Opbouwwerker", ["GM0797"]),
    ("beleid", Role.POLICY_OFFICER, "Beleidsmedewerker", ["GM0797", "GM1961"]),
    ("beheerder", Role.ADMINISTRATOR, "Beheerder", []),
]


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
    if device.user_id != user.pk or device.confirmed or not device.verify_token(token):
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
def create_demo_accounts() -> list[User]:
    if not settings.DEMO_MODE:
        raise DemoModeRequired("Demo accounts exist only in the demo (settings.DEMO_MODE).")
    users = []
    for username, role, first_name, codes in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name = first_name
        user.role = role
        user.email = f"{username}@demo.socialebasis.local"
        user.is_staff = role == Role.ADMINISTRATOR
        user.is_superuser = role == Role.ADMINISTRATOR
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.municipalities.set(Municipality.objects.filter(statcode__in=codes))
        if user.needs_second_factor:
            TOTPDevice.objects.update_or_create(
                user=user, name="Demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
            )
        users.append(user)
    return users
