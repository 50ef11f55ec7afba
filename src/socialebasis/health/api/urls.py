from django.urls import path

from . import views

urlpatterns = [
    path("districts/<str:statcode>/health", views.DistrictHealth.as_view(), name="district-health"),
]
