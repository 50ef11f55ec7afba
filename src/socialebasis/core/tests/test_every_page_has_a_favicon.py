"""The site's own icon: linked from every page (base.html), and /favicon.ico leads to it for whoever asks there."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_pages_link_the_icon_and_the_icon_files_exist(client):
    html = client.get("/sociale-kaart/").content.decode()
    links = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert len(links) == 2
    for link in links:
        name = link.split("/static/", 1)[1]
        path = finders.find(name)
        assert path is not None, link
        with open(path, "rb") as icon:
            start = icon.read(64)
        assert start.startswith(b"\x00\x00\x01\x00") if name.endswith(".ico") else start.startswith(b"<svg")


def test_favicon_ico_at_the_root_leads_to_the_static_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("core/favicon.ico")
