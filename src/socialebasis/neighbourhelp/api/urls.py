from django.urls import path

from . import views

urlpatterns = [
    path("help-requests", views.HelpRequestList.as_view(), name="help-requests"),
    path("help-requests/<int:pk>", views.HelpRequestDetail.as_view(), name="help-request"),
    path("help-requests/<int:pk>/suggestions", views.Suggestions.as_view(), name="help-request-suggestions"),
    path("help-offers", views.HelpOfferList.as_view(), name="help-offers"),
    path("help-offers/<int:pk>", views.HelpOfferDetail.as_view(), name="help-offer"),
    path("volunteer-vacancies", views.VacancyList.as_view(), name="volunteer-vacancies"),
    path("volunteer-vacancies/<int:pk>", views.VacancyDetail.as_view(), name="volunteer-vacancy"),
]
