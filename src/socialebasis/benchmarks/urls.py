"""The site's URLs plus the floor of the page benchmark; only `socialebasis.conf.bench` uses this module."""

from django.urls import include, path

from socialebasis.urls import handler400, handler403, handler404, handler500  # noqa: F401

from . import views

urlpatterns = [
    path("bench/floor/<int:pk>/", views.floor, name="bench-floor"),
    path("", include("socialebasis.urls")),
]
