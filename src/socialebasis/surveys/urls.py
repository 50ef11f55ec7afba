from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("peilingen/", views.survey_list, name="list"),
    path("peilingen/<int:pk>/", views.survey, name="survey"),
    path("peilingen/<int:pk>/invoeren/", views.paper_entry, name="paper-entry"),
    path("peilingen/<int:pk>/sluiten/", views.close_survey, name="close"),
    path("peilingen/<int:pk>/uitkomsten/", views.survey_results, name="results"),
    path("peilingen/<int:pk>/uitkomsten.csv", views.survey_results_csv, name="results-csv"),
    path("peilingen/<int:pk>/jullie-zeiden-wij-deden/", views.said_and_did, name="said-did"),
    path("peilingen/<int:pk>/actie/", views.add_action, name="action"),
    path("peilingen/projecten/", views.projects, name="projects"),
    path("peilingen/projecten/<int:pk>/stap/<int:step>/", views.project_step, name="step"),
    path(
        "gemeenten/<str:statcode>/wijken/<str:district_code>/ouderen-betrekken/",
        views.start_project,
        name="project-start",
    ),
]
