"""Background work of the notifications app; each task calls a service (the recurring ones also have a command)."""

import smtplib

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval

from . import services


@shared_task(bind=True, name="notifications.send_delivery", max_retries=services.MAX_ATTEMPTS)
def send_delivery(self, delivery_id: int) -> bool:
    """Send one e-mail (a message or a digest) at most once; on an SMTP error try again later, waiting longer."""
    try:
        return services.deliver(delivery_id)
    except (smtplib.SMTPException, OSError) as error:
        again = services.record_failed_attempt(delivery_id, error)
        if not again or self.request.is_eager:
            # Without a worker the request must not wait for retries: resend_waiting() tries again later.
            return False
        countdown = get_exponential_backoff_interval(
            factor=30, retries=self.request.retries, maximum=3600, full_jitter=True
        )
        raise self.retry(exc=error, countdown=countdown) from error
    except Exception as error:
        # A fault of ours (a template, the data), not of the mail server: trying again would fail the same way.
        services.record_failed_attempt(delivery_id, error, permanent=True)
        raise


@shared_task(name="notifications.send_digests")
def send_digests() -> int:
    """The daily digest (`send_digests`): one e-mail per user with everything waiting."""
    return services.send_digests()


@shared_task(name="notifications.resend_waiting")
def resend_waiting() -> int:
    """E-mails still waiting after ten minutes are queued again (`resend_waiting_mail`)."""
    return services.resend_waiting()


@shared_task(name="notifications.delete_expired")
def delete_expired() -> int:
    """Messages past their retention period are deleted (`delete_expired_messages`)."""
    return services.delete_expired()
