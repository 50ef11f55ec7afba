"""gunicorn settings for Sociale Basis: `gunicorn -c deploy/gunicorn.conf.py socialebasis.wsgi` (docs/deployment.md).

`make prod-check` starts gunicorn with exactly this file (scripts/production_shape.py, ADR 0029). The variables
below are read by gunicorn only; the application's own settings come from the environment as usual.
"""

import os

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
# Access log to standard output (journald keeps it); errors to standard error.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# No control socket (gunicornc): systemd starts and stops the service, and a socket under $HOME would be shared by
# every gunicorn of that account.
control_socket_disable = True
