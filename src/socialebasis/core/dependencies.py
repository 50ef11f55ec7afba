"""Which failures mean "a dependency is down" (answer 503 and ask to retry) rather than "our bug" (500)."""

from django.db import DatabaseError, InterfaceError, OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError


class DependencyUnavailable(Exception):
    """Raised by an app when an outside service it needs (such as the file storage) cannot be reached."""


# An OperationalError or InterfaceError is raised when the database cannot be reached or the connection
# broke; other DatabaseErrors (integrity, programming) are our own faults and stay 500. The same holds for
# Redis (cache, throttling counters) when it is configured.
UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    RedisConnectionError,
    RedisTimeoutError,
    DependencyUnavailable,
)

RETRY_AFTER_SECONDS = 30
UNAVAILABLE_DETAIL = "Een onderdeel van de dienst is tijdelijk niet bereikbaar. Probeer het later opnieuw."


def is_dependency_unavailable(exc: BaseException | None) -> bool:
    if exc is None:
        return False
    if isinstance(exc, UNAVAILABLE_ERRORS):
        return True
    # psycopg wraps some connection failures in a plain DatabaseError whose cause is the real one.
    return isinstance(exc, DatabaseError) and is_dependency_unavailable(exc.__cause__)
