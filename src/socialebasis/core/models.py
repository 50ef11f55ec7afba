from django.db import models


class IdempotencyKey(models.Model):
    """A write done once under a client's key (core/idempotency.py): a repeat with the same key gets the first answer.

    Holds no personal data: the key itself is not kept, only a keyed hash of account, path and key, and the answer
    (status and where it pointed). Rows older than a day are removed by the next write that uses a key.
    """

    digest = models.CharField(max_length=64, unique=True)
    status = models.PositiveSmallIntegerField(default=0)
    location = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.status} {self.location}"
