from django.urls import path

from . import views

urlpatterns = [
    path("policy-checks", views.PolicyCheckList.as_view(), name="policy-checks"),
    path("policy-checks/<int:pk>", views.PolicyCheckDetail.as_view(), name="policy-check"),
    path("theory-of-change", views.TheoryOfChangeList.as_view(), name="theory-of-change"),
    path(
        "districts/<str:statcode>/social-quality",
        views.DistrictSocialQuality.as_view(),
        name="district-social-quality",
    ),
]
