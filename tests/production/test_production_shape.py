"""The production shape serves every page, static file and API list through nginx, over HTTPS, with its security
headers, and its worker does the platform's tasks from Redis (issue 18 point 1)."""

import pytest
from prod_check import check, send_task

pytestmark = pytest.mark.production


def test_every_crawled_page_its_static_files_and_every_api_list_answer_through_nginx_with_security_headers(shape):
    report = check(shape.base_url, shape.session, http_url=shape.http_url, steps=shape.steps)
    assert not report.problems, "\n".join(report.problems)
    assert report.pages and report.assets and report.api


def test_a_task_put_on_redis_as_beat_does_is_done_by_the_worker(shape):
    with shape.steps.step("a task through Redis to the worker (directory.review_freshness)"):
        send_task(shape, "directory.review_freshness")
