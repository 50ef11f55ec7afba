from django.urls import path

from . import views

urlpatterns = [
    path("municipalities", views.MunicipalityList.as_view(), name="municipality-list"),
    path("municipalities/<str:statcode>", views.MunicipalityDetail.as_view(), name="municipality-detail"),
    path("districts", views.DistrictList.as_view(), name="district-list"),
    path("districts/boundaries", views.DistrictBoundaries.as_view(), name="district-boundaries"),
    path("districts/<str:statcode>", views.DistrictDetail.as_view(), name="district-detail"),
    path("neighbourhoods", views.NeighbourhoodList.as_view(), name="neighbourhood-list"),
    path("neighbourhoods/<str:statcode>", views.NeighbourhoodDetail.as_view(), name="neighbourhood-detail"),
    path("divisions", views.AreaDivisionList.as_view(), name="division-list"),
    path("divisions/<str:statcode>/<str:slug>", views.AreaDivisionDetail.as_view(), name="division-detail"),
]
