from django.urls import path

from . import views

urlpatterns = [
    path("districts/<str:statcode>/profile", views.DistrictProfile.as_view(), name="district-profile"),
]
