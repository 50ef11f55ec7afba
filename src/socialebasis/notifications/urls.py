from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("alles-gelezen/", views.mark_all_read, name="mark-all-read"),
    path("instellingen/", views.preferences, name="preferences"),
    path("afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<int:pk>/", views.message_detail, name="message"),
    path("<int:pk>/ongelezen/", views.mark_unread, name="mark-unread"),
]
