from django.urls import path

from . import views

app_name = "health"

urlpatterns = [
    path("gezondheid/", views.self_check, name="self-check"),
    path("gezondheid/uitslag/<int:pk>/", views.result, name="result"),
    path("gezondheid/uitslag/<int:pk>/verwijderen/", views.delete, name="delete"),
    path("gezondheid/mijn-uitslagen/", views.mine, name="mine"),
    path("gezondheid/mijn-uitslagen/verwijderen/", views.delete_all, name="delete-all"),
    path("gezondheid/bijdragen/", views.contribute, name="contribute"),
    path("gemeenten/<str:statcode>/gezondheid/", views.municipality_figures, name="figures"),
]
