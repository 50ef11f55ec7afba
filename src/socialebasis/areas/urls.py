from django.urls import path

from . import views

app_name = "areas"

urlpatterns = [
    path("<str:statcode>/", views.municipality_detail, name="municipality"),
    path("<str:statcode>/wijken/<str:district_code>/", views.district_detail, name="district"),
    path("<str:statcode>/indelingen/<slug:slug>/", views.division_detail, name="division"),
]
