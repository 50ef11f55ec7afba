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
    path("werk/", views.work, name="work"),
    path("aanmelden/", views.sign_up, name="sign-up"),
    path("aanmelden/verstuurd/", views.sign_up_sent, name="sign-up-sent"),
    path("bevestigen/<str:uidb64>/<str:token>/", views.confirm, name="confirm"),
    path("e-mailadres/", views.email_change, name="email-change"),
    path("e-mailadres/bevestigen/<str:token>/", views.email_confirm, name="email-confirm"),
    path("wachtwoord-wijzigen/", views.PasswordChangeView.as_view(), name="password-change"),
    path("privacyverklaring/", views.document, {"document": "privacy"}, name="privacy"),
    path("gebruiksvoorwaarden/", views.document, {"document": "terms"}, name="terms"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path("wachtwoord-herstellen/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("wachtwoord-herstellen/klaar/", views.password_reset_complete, name="password_reset_complete"),
]
