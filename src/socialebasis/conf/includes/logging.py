"""Logging: structured lines (structlog) on standard error; the platform's own and Django's errors.

No traceback in the log shows local variables: they hold request data (a password being checked, a token, a
resident's message). structlog's console renderer prints tracebacks with rich when rich is installed, and rich shows
every frame's locals by default; so every renderer here gets a formatter without locals (the standard library's
traceback: file, line, code and the exception).
"""

import structlog

from ..env import config

LOG_LEVEL = config("LOG_LEVEL", "INFO", "Level of the application log (DEBUG, INFO, WARNING, ERROR).")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": structlog.stdlib.ProcessorFormatter,
            # Plain tracebacks: with `rich` installed the renderer would print every frame's local variables, and
            # reading them runs lazy objects (request.user loads the session: a query) inside the log call, which
            # made 503s during a database outage slow enough to time out (issue 18, the outage drill).
            "processor": structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback),
            "foreign_pre_chain": [
                structlog.stdlib.add_log_level,
                structlog.processors.TimeStamper(fmt="iso"),
            ],
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "socialebasis": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

structlog.configure(
    processors=[
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
