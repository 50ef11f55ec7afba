"""The yearly report "tellen en vertellen" under the municipality's and the wijk's addresses (/gemeenten/...)."""

from django.urls import path

from . import views

app_name = "yearly"

urlpatterns = [
    path("<str:statcode>/tellen-en-vertellen/", views.yearly_report, name="municipality"),
    path("<str:statcode>/tellen-en-vertellen.pdf", views.yearly_report_pdf, name="municipality-pdf"),
    path("<str:statcode>/wijken/<str:district_code>/tellen-en-vertellen/", views.yearly_report, name="district"),
    path(
        "<str:statcode>/wijken/<str:district_code>/tellen-en-vertellen.pdf",
        views.yearly_report_pdf,
        name="district-pdf",
    ),
]
