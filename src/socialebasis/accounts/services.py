"""Writes for accounts: second-factor enrolment and the demo's ready-made accounts."""

from base64 import b32encode
from binascii import unhexlify

from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from socialebasis.areas.models import Municipality

from .models import Role, User

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


class DemoModeRequired(RuntimeError):
    pass


def base32_secret(device: TOTPDevice) -> str:
    return b32encode(unhexlify(device.key)).decode("ascii").rstrip("=")


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed device a user is enrolling, made once so a reload shows the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)


@transaction.atomic
def confirm_totp_device(request, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).exclude(pk=device.pk).delete()
    otp_login(request, device)
    return True


def verify_second_factor(request, token: str) -> bool:
    for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=True):
        if device.verify_token(token):
            otp_login(request, device)
            return True
    return False


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
