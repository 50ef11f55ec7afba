from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularJSONAPIView

urlpatterns = [
    path("", include("socialebasis.areas.api.urls")),
    path("", include("socialebasis.indicators.api.urls")),
    path("", include("socialebasis.profiles.api.urls")),
    path("", include("socialebasis.frameworks.api.urls")),
    path("", include("socialebasis.directory.api.urls")),
    path("", include("socialebasis.health.api.urls")),
    path("", include("socialebasis.surveys.api.urls")),
    path("", include("socialebasis.neighbourhelp.api.urls")),
    path("", include("socialebasis.stories.api.urls")),
    path("", include("socialebasis.signalling.api.urls")),
    path("", include("socialebasis.policy.api.urls")),
    path("", include("socialebasis.initiatives.api.urls")),
    # The document where the NL API Design Rules look for it (/core/doc-openapi); the old address redirects.
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="api-schema"),
    path("schema/", RedirectView.as_view(pattern_name="api-schema", permanent=True)),
]
