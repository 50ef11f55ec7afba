from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("agenda.ics", views.search_calendar, name="search-calendar"),
    path("activiteiten/<int:pk>/", views.activity_detail, name="activity"),
    path("activiteiten/<int:pk>/agenda.ics", views.activity_calendar, name="activity-calendar"),
    path("activiteiten/<int:pk>/afbakening/", views.activity_verdict, name="activity-verdict"),
    path("plekken/", views.place_list, name="places"),
    path("plekken/<int:pk>/", views.place_detail, name="place"),
    path("organisaties/", views.organisation_list, name="organisations"),
    path("organisaties/<int:pk>/", views.organisation_detail, name="organisation"),
    path("nieuw/<str:kind>/", views.entry_create, name="create"),
    path("<str:kind>/<int:pk>/bewerken/", views.entry_edit, name="edit"),
    path("<str:kind>/<int:pk>/status/", views.entry_status, name="status"),
    path("mijn/", views.my_entries, name="mine"),
    path("mijn/zoekopdrachten/", views.saved_searches, name="saved-searches"),
    path("mijn/zoekopdrachten/<int:pk>/verwijderen/", views.saved_search_delete, name="saved-search-delete"),
    path("zoekopdrachten/<str:token>/agenda.ics", views.saved_search_calendar, name="saved-search-calendar"),
    path("controle/", views.moderation, name="moderation"),
    path("controle/wijziging/<int:pk>/", views.revision_decision, name="revision-decision"),
]
