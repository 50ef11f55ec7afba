from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

urlpatterns = [
    path("", include("socialebasis.areas.api.urls")),
    path("", include("socialebasis.indicators.api.urls")),
    path("", include("socialebasis.profiles.api.urls")),
    path("", include("socialebasis.frameworks.api.urls")),
    path("", include("socialebasis.directory.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
