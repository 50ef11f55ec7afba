from django.urls import path

from . import views

app_name = "stories"

urlpatterns = [
    path("", views.story_list, name="list"),
    path("mijn/", views.mine, name="mine"),
    path("vertellen/", views.tell, name="tell"),
    path("controle/", views.moderation, name="moderation"),
    path("rondes/", views.round_list, name="rounds"),
    path("rondes/<int:pk>/", views.round_detail, name="round"),
    path("panels/", views.panel_list, name="panels"),
    path("panels/<int:pk>/", views.panel_detail, name="panel"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/lezers/", views.change_visibility, name="visibility"),
    path("<int:pk>/intrekken/", views.withdraw, name="withdraw"),
    path("<int:pk>/aanpassen/", views.redact, name="redact"),
]
