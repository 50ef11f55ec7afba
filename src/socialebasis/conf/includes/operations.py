"""Operations: request ids, the Prometheus metrics and the worker's heartbeat (docs/adr/0037-operations.md)."""

from ..env import config

# nginx gives every request an id ($request_id) in this header, replacing whatever the client sent
# (deploy/nginx/sociale-basis.conf). Without a proxy that does so, the header is the client's and is not used.
REQUEST_ID_FROM_PROXY = config(
    "REQUEST_ID_FROM_PROXY",
    False,
    "Use the request id the reverse proxy sets in X-Request-ID (nginx: $request_id); otherwise one is made.",
)
# /metrics answers only with `Authorization: Bearer <token>`; without a token it is not there at all (404).
METRICS_TOKEN = config(
    "METRICS_TOKEN",
    "",
    "Bearer token Prometheus sends to scrape /metrics on each app server. Empty: no /metrics.",
)
# A running worker writes a heartbeat into the shared cache (REDIS_URL) this often; /readyz calls it stale when the
# last one is older than the second number (several heartbeats missed).
WORKER_HEARTBEAT_SECONDS = config(
    "WORKER_HEARTBEAT_SECONDS", 10, "Seconds between the heartbeats a Celery worker writes into the shared cache."
)
WORKER_HEARTBEAT_STALE_SECONDS = config(
    "WORKER_HEARTBEAT_STALE_SECONDS",
    60,
    "Age in seconds after which /readyz calls the worker's last heartbeat stale (status degraded).",
)
