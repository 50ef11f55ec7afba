from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("<str:statcode>/monitor/", views.monitor_upload, name="monitor-upload"),
]
