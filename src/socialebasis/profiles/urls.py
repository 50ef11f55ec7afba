from django.urls import path

from . import views

app_name = "profiles"

urlpatterns = [
    path("<str:statcode>/wijken/<str:district_code>/profiel/", views.district_profile, name="profile"),
    path("<str:statcode>/wijken/<str:district_code>/rapport/", views.district_report, name="report"),
    path("<str:statcode>/wijken/<str:district_code>/rapport.pdf", views.district_report_pdf, name="report-pdf"),
    path("<str:statcode>/wijken/<str:district_code>/agenda/nieuw/", views.agenda_edit, name="agenda-new"),
    path("<str:statcode>/wijken/<str:district_code>/agenda/<int:pk>/", views.agenda_edit, name="agenda-edit"),
    path(
        "<str:statcode>/wijken/<str:district_code>/agenda/<int:pk>/verwijderen/",
        views.agenda_delete,
        name="agenda-delete",
    ),
    path("<str:statcode>/vergelijken/", views.comparison, name="compare"),
    path("<str:statcode>/ondergrenzen/", views.norm_overview, name="norms"),
    path("<str:statcode>/ondergrenzen/nieuw/", views.norm_edit, name="norm-new"),
    path("<str:statcode>/ondergrenzen/voorinstelling/", views.norm_preset, name="norm-preset"),
    path("<str:statcode>/ondergrenzen/<int:pk>/", views.norm_edit, name="norm-edit"),
    path("<str:statcode>/ondergrenzen/<int:pk>/verwijderen/", views.norm_delete, name="norm-delete"),
]
