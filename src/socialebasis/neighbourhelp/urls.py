from django.urls import path

from . import views

app_name = "neighbourhelp"

urlpatterns = [
    path("", views.index, name="index"),
    path("vragen/nieuw/", views.ask, name="ask"),
    path("vragen/<int:pk>/", views.request_detail, name="request"),
    path("vragen/<int:pk>/helpen/", views.offer_to_help, name="offer-to-help"),
    path("vragen/<int:pk>/voorstellen/", views.propose, name="propose"),
    path("aanbod/nieuw/", views.offer_new, name="offer-new"),
    path("aanbod/<int:pk>/", views.offer_detail, name="offer"),
    path("aanbod/<int:pk>/reageren/", views.respond_offer, name="offer-respond"),
    path("mijn/", views.mine, name="mine"),
    path("vrijwilliger/", views.volunteer, name="volunteer"),
    path("gesprekken/<int:pk>/", views.conversation, name="conversation"),
    path("gesprekken/<int:pk>/bericht/", views.send, name="send"),
    path("gesprekken/<int:pk>/contact/", views.consent, name="consent"),
    path("gesprekken/<int:pk>/melden/", views.report, name="report"),
    path("gesprekken/<int:pk>/blokkeren/", views.block, name="block"),
    path("terugblik/<int:pk>/", views.follow_up, name="follow-up"),
    path("vacatures/", views.vacancy_list, name="vacancies"),
    path("vacatures/nieuw/", views.vacancy_new, name="vacancy-new"),
    path("vacatures/<int:pk>/", views.vacancy_detail, name="vacancy"),
    path("wachtrij/", views.queue, name="queue"),
    path("meldingen/<int:pk>/afgehandeld/", views.report_handled, name="report-handled"),
]
