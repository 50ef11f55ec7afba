from django.urls import path

from . import views

app_name = "areas"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("gemeenten/<str:statcode>/", views.municipality_detail, name="municipality"),
    path("gemeenten/<str:statcode>/wijken/<str:district_code>/", views.district_detail, name="district"),
    path("gemeenten/<str:statcode>/indelingen/<slug:slug>/", views.division_detail, name="division"),
]
