"""A lost worker or Redis loses no task, and the task's effect happens once (issue 18 point 4).

The task is the platform's own nightly freshness round (`directory.review_freshness`), which takes an entry nobody
checked for more than a year out of the public view and writes one audit line for that. To kill the worker "in the
middle of the task" at a known moment, the drill holds a lock on that entry's row: the task's transaction has begun
and waits on the row when the worker is killed (SIGKILL, no chance to clean up).
"""

import os
import signal
import time

import pytest
from celery import Celery

pytestmark = pytest.mark.production


def _stale_activity(shape) -> int:
    """A published activity of the demo, last checked 400 days ago."""
    with shape.postgres.connect(shape.database) as conn:
        (pk,) = conn.execute(
            "UPDATE directory_activity SET checked_at = now() - interval '400 days', "
            "created_at = now() - interval '400 days' "
            "WHERE id = (SELECT min(id) FROM directory_activity WHERE status = 'published') RETURNING id"
        ).fetchone()
    return pk


def _state(shape, pk: int) -> tuple[str, int]:
    """The activity's status, and how many audit lines say it was archived."""
    with shape.postgres.connect(shape.database) as conn:
        (status,) = conn.execute("SELECT status FROM directory_activity WHERE id = %s", (pk,)).fetchone()
        (archived,) = conn.execute(
            "SELECT count(*) FROM audit_auditevent WHERE object_type = 'directory.activity' AND object_id = %s "
            "AND details->>'target' = 'archived'",  # the audit line of the workflow's step (ADR 0026)
            (str(pk),),
        ).fetchone()
    return status, archived


def _send_round(shape) -> str:
    app = Celery("drill", broker=shape.broker_url, set_as_current=False)
    try:
        return app.send_task("directory.review_freshness").id
    finally:
        app.close()


def _until(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, f"{what}: not within {timeout:.0f} s"
        time.sleep(0.2)
    return result


class RowLock:
    """Holds the activity's row, so that the round waits there with its transaction open."""

    def __init__(self, shape, pk: int) -> None:
        self.shape, self.pk = shape, pk

    def __enter__(self):
        self.conn = self.shape.postgres.connect(self.shape.database)
        self.conn.execute("SELECT id FROM directory_activity WHERE id = %s FOR UPDATE", (self.pk,))
        return self

    def task_waiting(self) -> bool:
        """True when a session other than ours waits for a lock to change the activities: the round, mid-task."""
        with self.shape.postgres.connect(self.shape.database, autocommit=True) as conn:
            return bool(
                conn.execute(
                    # The round locks the entry before it moves its status (workflows.transition: SELECT … FOR
                    # UPDATE), so it waits on any statement that names the activities' table.
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock' "
                    "AND query ILIKE '%%\"directory_activity\"%%'",
                    (self.shape.database,),
                ).fetchone()[0]
            )

    def __exit__(self, *exc) -> None:
        self.conn.rollback()
        self.conn.close()


def test_a_task_whose_pool_process_is_killed_mid_task_runs_again_and_archives_once(shape):
    pk = _stale_activity(shape)
    worker = shape.processes["worker"]
    began = time.monotonic()
    with RowLock(shape, pk) as lock:
        _send_round(shape)
        _until(lock.task_waiting, 60, "the freshness round waiting on the row")
        (child,) = worker.children()  # concurrency 1: one pool process runs the task
        os.kill(child, signal.SIGKILL)
        # The worker itself lives on, notices the lost process and puts the task back (reject on worker lost).
        worker.wait_for_log("WorkerLostError", 30)
    status, archived = _until(lambda: (state := _state(shape, pk))[0] == "archived" and state, 60, "archived")
    shape.steps.record(
        "lost worker drill 1: pool process killed mid-task; the worker put the task back, a new process ran it, "
        f"the entry archived with {archived} audit line",
        time.monotonic() - began,
    )
    assert (status, archived) == ("archived", 1)
    assert worker.alive()


def test_a_task_of_a_killed_worker_survives_a_redis_restart_and_runs_once_on_a_new_worker(shape):
    pk = _stale_activity(shape)
    broker = shape.redis.client(db=1)
    began = time.monotonic()
    with RowLock(shape, pk) as lock:
        task_id = _send_round(shape)
        _until(lock.task_waiting, 60, "the freshness round waiting on the row")
        shape.processes["worker"].kill()  # the whole worker, its pool with it: the task is not acknowledged
    # The task the worker had taken waits in Redis's list of unacknowledged messages ...
    assert task_id.encode() in b"".join(broker.hvals("unacked"))
    shape.redis.kill()  # ... and Redis itself is lost (SIGKILL) and comes back from its append-only file.
    shape.redis.start()
    assert task_id.encode() in b"".join(shape.redis.client(db=1).hvals("unacked"))
    assert _state(shape, pk) == ("published", 0)  # the killed run changed nothing
    # A new worker gives the task out again once its visibility timeout has passed (an hour in production; the
    # drill's worker waits 5 s, with the same settings otherwise).
    replacement = shape.start_worker(env={"CELERY_VISIBILITY_TIMEOUT": "5"})
    status, archived = _until(lambda: (state := _state(shape, pk))[0] == "archived" and state, 90, "archived")
    replacement.wait_for_log(f"Task directory.review_freshness[{task_id}] succeeded", 30)
    _until(lambda: not shape.redis.client(db=1).hlen("unacked"), 30, "the task acknowledged")
    shape.steps.record(
        "lost worker drill 2: worker killed mid-task, Redis killed and restarted; the task came back from Redis's "
        f"append-only file and ran once on a new worker, the entry archived with {archived} audit line",
        time.monotonic() - began,
    )
    assert (status, archived) == ("archived", 1)
    # The shape goes on with a worker as production runs it.
    replacement.stop()
    shape.start_worker().wait_for_log(" ready.", 60)
