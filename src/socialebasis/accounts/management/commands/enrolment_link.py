from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from socialebasis.accounts import services
from socialebasis.accounts.models import User


class Command(BaseCommand):
    help = "Make a one-time link with which a member of staff links an authenticator app (the second step)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Er is geen account met de gebruikersnaam {username!r}.")
        if not user.is_active:
            raise CommandError(f"Het account {username!r} is uitgeschakeld.")
        token = services.create_enrolment_link(user, actor=None, via="command")
        url = settings.SITE_URL.rstrip("/") + services.enrolment_path(token)
        self.stdout.write(url)
        self.stderr.write(
            f"Deze link werkt één keer, alleen voor {username}, {settings.ENROLMENT_LINK_HOURS} uur lang. "
            "Geef hem persoonlijk of telefonisch door."
        )
