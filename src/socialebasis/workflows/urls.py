from django.urls import path

from . import views

app_name = "workflows"

urlpatterns = [
    path("<str:key>/<int:pk>/", views.step, name="step"),
]
