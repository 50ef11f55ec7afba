from django.urls import path

from . import views

urlpatterns = [
    path("municipalities/<str:statcode>/framework", views.FrameworkDetail.as_view(), name="framework-detail"),
    path(
        "municipalities/<str:statcode>/framework/export",
        views.FrameworkExport.as_view(),
        name="framework-export",
    ),
    path(
        "municipalities/<str:statcode>/framework/versions",
        views.FrameworkVersionList.as_view(),
        name="framework-versions",
    ),
    path(
        "municipalities/<str:statcode>/framework/versions/<str:number>",
        views.FrameworkVersionDetail.as_view(),
        name="framework-version-detail",
    ),
    path(
        "municipalities/<str:statcode>/assessments",
        views.AssessmentCreate.as_view(),
        name="assessment-create",
    ),
]
