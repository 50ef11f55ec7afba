from django.urls import path

from . import views

urlpatterns = [
    path("surveys", views.SurveyList.as_view(), name="survey-list"),
    path("surveys/<int:pk>/results", views.SurveyResults.as_view(), name="survey-results"),
]
