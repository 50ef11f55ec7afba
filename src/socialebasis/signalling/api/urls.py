from django.urls import path

from . import views

urlpatterns = [
    path("signals", views.SignalList.as_view(), name="signals"),
    path("signals/<int:pk>", views.SignalDetail.as_view(), name="signal"),
]
