from django.urls import path

from . import views

app_name = "signalling"

urlpatterns = [
    path("", views.signal_list, name="list"),
    path("melden/", views.report, name="report"),
    path("samenvoegen/", views.combine, name="combine"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/contact/", views.contact, name="contact"),
]
