"""Logging: structured lines (structlog) on standard error; the platform's own and Django's errors.

Two shapes of line, one content: `console` (readable, the demo's default) and `json` (one JSON object per line, the
production default, for journald and whatever collects logs from it). Every line written while a request is
handled, or a task started from one runs, carries that request's `request_id` (core/request_log.py, ADR 0037).

No traceback in the log shows local variables: they hold request data (a password being checked, a token, a
resident's message). structlog's console renderer prints tracebacks with rich when rich is installed, and rich shows
every frame's locals by default; so every renderer here gets a formatter without locals (the standard library's
traceback: file, line, code and the exception). The JSON lines carry the same plain traceback as text
(`format_exc_info`), not structlog's dict tracebacks, which show locals by default too.
"""

import structlog

from ..env import config

LOG_LEVEL = config("LOG_LEVEL", "INFO", "Level of the application log (DEBUG, INFO, WARNING, ERROR).")
LOG_FORMAT = config(
    "LOG_FORMAT", "console", "Log lines as `json` (one object per line; production's default) or `console` (readable)."
)
LOG_REQUESTS = config(
    "LOG_REQUESTS",
    True,
    "One log line per request: method, URL pattern (never the path or query), status, duration, request id.",
)

# What every line gets, also lines of the standard library's loggers (Django's, Celery's): level, logger, time and
# the values bound to the request or task (its request id). Deliberately not structlog's ExtraAdder: Django passes the
# request object itself as an extra of its error lines, and it must not end up in the log.
_SHARED = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def logging_settings(log_format: str) -> dict:
    """Django's LOGGING for `console` or `json` lines."""
    if log_format == "json":
        renderer = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    else:
        # Plain tracebacks: with `rich` installed the renderer would print every frame's local variables, and
        # reading them runs lazy objects (request.user loads the session: a query) inside the log call, which
        # made 503s during a database outage slow enough to time out (issue 18, the outage drill).
        renderer = [structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback)]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": [structlog.stdlib.ProcessorFormatter.remove_processors_meta, *renderer],
                "foreign_pre_chain": _SHARED,
            },
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {
            "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "socialebasis": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        },
    }


LOGGING = logging_settings(LOG_FORMAT)

structlog.configure(
    processors=[*_SHARED, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
