"""gunicorn settings for Sociale Basis: `gunicorn -c deploy/gunicorn.conf.py socialebasis.wsgi` (docs/deployment.md).

`make prod-check` starts gunicorn with exactly this file (scripts/production_shape.py, ADR 0029). The variables
below are read by gunicorn only; the application's own settings come from the environment as usual.
"""

import logging
import os
import tempfile
from pathlib import Path

import structlog

# Only nginx on the same machine talks to gunicorn.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Synchronous workers: a request holds one worker; about two per core is a good start.
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
# A request that takes longer than this is stopped and its worker replaced (nginx answers 502 for it).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# The application is imported once, before the workers are forked: they start faster and share memory. Nothing
# opens a database connection at import time, so no connection is shared between workers.
preload_app = True
# No access log of gunicorn's own unless asked for: its lines hold the query string (a resident's search words, a
# postcode). The application writes one line per request instead, with the URL pattern and the request id
# (LOG_REQUESTS), and nginx keeps its own access log. Errors to standard error (journald keeps them).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# gunicorn's own lines (starting, stopping, a worker replaced) as JSON like the application's, unless LOG_FORMAT
# says `console` (docs/adr/0037-operations.md).
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "formatters": {
            "json": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    structlog.processors.JSONRenderer(),
                ],
                "foreign_pre_chain": [
                    structlog.stdlib.add_log_level,
                    structlog.stdlib.add_logger_name,
                    structlog.processors.TimeStamper(fmt="iso", utc=True),
                ],
            }
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
            "error_console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
        },
        # Only gunicorn's error log is configured here (once, not also through the root logger); its access log keeps
        # what `accesslog` above gives it, and the root logger is the application's (LOGGING).
        "loggers": {"gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False}},
    }
    # Python's warnings (a deprecation, a missing folder) as log lines too, not as loose text between them.
    logging.captureWarnings(True)
# No control socket (gunicornc): systemd starts and stops the service, and a socket under $HOME would be shared by
# every gunicorn of that account.
control_socket_disable = True

# Metrics (docs/adr/0037-operations.md): the workers share their counts through files in one folder, so that a scrape
# answered by any worker shows them all (prometheus_client's multiprocess mode). The folder is emptied here, when
# gunicorn starts, before the application is loaded: counts start at zero with every start, as Prometheus expects
# of a restarted process. Without PROMETHEUS_MULTIPROC_DIR a new temporary folder is used.
_metrics = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or tempfile.mkdtemp(prefix="socialebasis-metrics-"))
_metrics.mkdir(parents=True, exist_ok=True)
for _old in _metrics.glob("*.db"):
    _old.unlink()
os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_metrics)
