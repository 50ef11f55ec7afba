"""Account e-mail (confirming an address, a password reset): the accounts app says what to send; this sends it.

These mails go to an address rather than to an inbox: the person may have no usable account yet, and the mail
holds a one-time link that must not be stored. So there is no Message or Delivery row; the task gets the text,
sends it once with a Message-ID made from the key, and tries again on an SMTP error. accounts sits on a lower floor
and sends `accounts.signals.account_mail`; this receiver puts the mail on the worker (ADR 0023, ADR 0028).
"""

import smtplib

import structlog
from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.dispatch import receiver

from socialebasis.accounts.signals import account_mail

from .mail import message_id

log = structlog.get_logger(__name__)


@shared_task(bind=True, name="notifications.send_account_mail", max_retries=5)
def send_account_mail(self, to: str, subject: str, body: str, key: str) -> bool:
    email = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [to],
        headers={"Message-ID": message_id(key), "Auto-Submitted": "auto-generated"},
    )
    try:
        email.send(using="default")
    except (smtplib.SMTPException, OSError) as error:
        log.warning("account mail not sent", key=key, error=type(error).__name__, retries=self.request.retries)
        if self.request.is_eager:
            return False
        raise self.retry(exc=error, countdown=60 * (self.request.retries + 1)) from error
    return True


@receiver(account_mail, dispatch_uid="notifications.account_mail")
def send_it(sender, to: str, subject: str, body: str, key: str, **kwargs) -> None:
    send_account_mail.delay(to, subject, body, key)
