from django.urls import path

from . import views

app_name = "frameworks"

# Mounted under gemeenten/<statcode>/kader/ in the root URLconf.
urlpatterns = [
    path("", views.framework_detail, name="detail"),
    path("toets/", views.assessment, name="assess"),
    path("bewerken/", views.framework_edit, name="edit"),
    path("bewerken/json/", views.framework_edit_json, name="edit-json"),
]
