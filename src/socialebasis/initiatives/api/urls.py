from django.urls import path

from . import views

urlpatterns = [
    path("initiatives", views.InitiativeList.as_view(), name="initiatives-list"),
    path("initiatives/<int:pk>", views.InitiativeDetail.as_view(), name="initiatives-detail"),
    path("funds", views.FundList.as_view(), name="funds-list"),
    path("funds/<int:pk>", views.FundDetail.as_view(), name="funds-detail"),
    path("funds/<int:id>/allocation", views.FundAllocation.as_view(), name="funds-allocation"),
    path("applications", views.ApplicationList.as_view(), name="applications-list"),
    path("applications/<int:pk>", views.ApplicationDetail.as_view(), name="applications-detail"),
]
