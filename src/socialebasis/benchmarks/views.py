"""The floor of `make bench-pages`: the least a page can cost through the same stack (ADR 0038)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.html import escape

from socialebasis.directory.models import Activity


def floor(request, pk: int):
    """One ORM lookup by id and a few bytes of HTML: every middleware runs, as for a page, but nothing else."""
    title = get_object_or_404(Activity.objects.only("title"), pk=pk).title
    return HttpResponse(f"<!doctype html><title>floor</title><p>{escape(title)}</p>".encode(), content_type="text/html")
