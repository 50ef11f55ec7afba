from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links; the file itself is a static file.
    path("favicon.ico", views.favicon, name="favicon"),
]
