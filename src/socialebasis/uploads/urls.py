from django.urls import path

from . import views

app_name = "uploads"

urlpatterns = [
    path("<uuid:pk>/", views.upload_file, name="file"),
    path("<uuid:pk>/klein/", views.upload_thumbnail, name="thumbnail"),
]
