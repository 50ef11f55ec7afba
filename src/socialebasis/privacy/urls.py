from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("mijn-gegevens/", views.my_data, name="my-data"),
    path("verwijderen/", views.erase_account, name="erase-account"),
    path("verwerkingsregister/", views.register, name="register"),
]
