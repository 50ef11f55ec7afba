from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("controle/", views.verify, name="verify"),
    path("tweede-stap/", views.setup_totp, name="setup_totp"),
    path("tweede-stap/koppelen/<str:token>/", views.enrol, name="enrol"),
    path("herstelcodes/", views.recovery_codes, name="recovery_codes"),
    path("", views.profile, name="profile"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path("wachtwoord-herstellen/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("wachtwoord-herstellen/klaar/", views.password_reset_complete, name="password_reset_complete"),
]
