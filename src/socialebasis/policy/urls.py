from django.urls import path

from . import views

app_name = "policy"

BASE = "gemeenten/<str:statcode>/beleid/"

urlpatterns = [
    path(BASE, views.overview, name="overview"),
    path(BASE + "zichtbaarheid/", views.publication, name="publication"),
    path(BASE + "toetsen/nieuw/", views.check_new, name="check-new"),
    path(BASE + "toetsen/<int:pk>/", views.check_detail, name="check"),
    path(BASE + "toetsen/<int:pk>/bewerken/", views.check_edit, name="check-edit"),
    path(BASE + "toetsen/<int:pk>/toets.pdf", views.check_pdf, name="check-pdf"),
    path(BASE + "verandertheorie/", views.theory_of_change, name="theory-of-change"),
    path(BASE + "verandertheorie/zelfevaluatie/", views.self_assessment_start, name="self-assessment-start"),
    path(BASE + "verandertheorie/zelfevaluatie/<int:year>/", views.self_assessment_edit, name="self-assessment"),
    path(BASE + "verandertheorie/bouwsteen/nieuw/", views.building_block_new, name="block-new"),
    path(BASE + "verandertheorie/kaarten/nieuw/", views.map_new, name="map-new"),
    path(BASE + "verandertheorie/kaarten/<int:pk>/", views.map_detail, name="map"),
    path(BASE + "verandertheorie/kaarten/<int:pk>/<str:part>/nieuw/", views.map_part, name="map-part-new"),
    path(BASE + "verandertheorie/kaarten/<int:pk>/<str:part>/<int:part_pk>/", views.map_part, name="map-part"),
    path(
        BASE + "verandertheorie/kaarten/<int:pk>/<str:part>/<int:part_pk>/verwijderen/",
        views.map_part_delete,
        name="map-part-delete",
    ),
    path(BASE + "sociale-kwaliteit/", views.social_quality, name="social-quality"),
    path(
        BASE + "sociale-kwaliteit/<str:district_code>/<int:year>/",
        views.social_quality_edit,
        name="social-quality-edit",
    ),
    path("beleidstoets/<str:token>/", views.shared_check, name="shared-check"),
]
