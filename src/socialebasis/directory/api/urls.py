from django.urls import path

from . import hsds_views, views

urlpatterns = [
    path("activities", views.ActivityList.as_view(), name="directory-activities"),
    path("activities/<int:pk>", views.ActivityDetail.as_view(), name="directory-activity"),
    path("places", views.PlaceList.as_view(), name="directory-places"),
    path("places/<int:pk>", views.PlaceDetail.as_view(), name="directory-place"),
    path("organisations", views.OrganisationList.as_view(), name="directory-organisations"),
    path("organisations/<int:pk>", views.OrganisationDetail.as_view(), name="directory-organisation"),
]

urlpatterns += [
    path("hsds", hsds_views.Root.as_view(), name="hsds-root"),
    path("hsds/services", hsds_views.Services.as_view(), name="hsds-services"),
    path("hsds/services/<str:id>", hsds_views.ServiceDetail.as_view(), name="hsds-service"),
    path("hsds/organizations", hsds_views.Organizations.as_view(), name="hsds-organizations"),
    path("hsds/organizations/<str:id>", hsds_views.OrganizationDetail.as_view(), name="hsds-organization"),
    path("hsds/service_at_locations", hsds_views.ServiceAtLocations.as_view(), name="hsds-service-at-locations"),
    path(
        "hsds/service_at_locations/<str:id>",
        hsds_views.ServiceAtLocationDetail.as_view(),
        name="hsds-service-at-location",
    ),
    path("hsds/taxonomies", hsds_views.Taxonomies.as_view(), name="hsds-taxonomies"),
    path("hsds/taxonomies/<str:id>", hsds_views.TaxonomyDetail.as_view(), name="hsds-taxonomy"),
    path("hsds/taxonomy_terms", hsds_views.TaxonomyTerms.as_view(), name="hsds-taxonomy-terms"),
    path("hsds/taxonomy_terms/<str:id>", hsds_views.TaxonomyTermDetail.as_view(), name="hsds-taxonomy-term"),
]
