from django.urls import path

from . import views

urlpatterns = [
    path("indicators", views.IndicatorList.as_view(), name="indicator-list"),
    path("indicator-values", views.IndicatorValueList.as_view(), name="indicator-value-list"),
]
