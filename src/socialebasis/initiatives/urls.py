from django.urls import path

from . import views

app_name = "initiatives"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("nieuw/", views.initiative_new, name="initiative-new"),
    path("mijn/", views.mine, name="mine"),
    path("<int:pk>/", views.initiative_detail, name="initiative"),
    path("<int:pk>/meedoen/", views.initiative_join, name="initiative-join"),
    path("fondsen/<int:pk>/", views.fund_detail, name="fund"),
    path("fondsen/<int:pk>/verdeling/", views.allocation, name="allocation"),
    path("fondsen/<int:fund_pk>/aanvragen/", views.application_form, name="apply"),
    path("aanvragen/<int:pk>/", views.application_detail, name="application"),
    path("aanvragen/<int:pk>/wijzigen/", views.application_form, name="application-edit"),
    path("aanvragen/<int:pk>/belang/", views.declare, name="declare"),
    path("aanvragen/<int:pk>/toewijzen/", views.assign, name="assign"),
    path("aanvragen/<int:pk>/notitie/", views.note, name="note"),
    path("aanvragen/<int:pk>/vraag/", views.ask, name="ask"),
    path("aanvragen/<int:pk>/vraag/<int:question_pk>/antwoord/", views.answer, name="answer"),
    path("aanvragen/<int:pk>/besluit/", views.decide, name="decide"),
    path("aanvragen/<int:pk>/uitbetaling/", views.payout, name="payout"),
    path("aanvragen/<int:pk>/verantwoording/", views.account, name="account"),
    path("aanvragen/<int:pk>/besluit.pdf", views.letter, name="letter"),
]
